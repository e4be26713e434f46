using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

public class EChartsGeoDecoderTests
{
    // Encoded by hand with ECharts' encoder (src/util/mapData/rawData/encode.js: q = ceil(v * 1024), delta from the
    // previous q, ZigZag (d << 1) ^ (d >> 15), char = 64 + that):
    //   (104, 30.5)        q = (106496, 31232), first delta 0 → "@@"
    //   (104.001, 30.499)  q = (106498, 31231), deltas +2, -1 → ZigZag 4, 1 → "DA"
    //   (104.001, 30.501)  q = (106498, 31233), deltas 0, +2 → "@D"
    //   back to the first  q = (106496, 31232), deltas -2, -1 → ZigZag 3, 1 → "CA"
    private const string Triangle = "@@DA@DCA";

    private static string Collection(string geometry, string extra = "\"UTF8Encoding\":true") =>
        $$"""
          {"type":"FeatureCollection",{{extra}},
           "features":[{"type":"Feature","id":"510104","properties":{"name":"锦江区"},"geometry":{{geometry}}}]}
          """;

    private static readonly LonLat[] Expected =
    [
        new(106496 / 1024.0, 31232 / 1024.0),
        new(106498 / 1024.0, 31231 / 1024.0),
        new(106498 / 1024.0, 31233 / 1024.0),
        new(106496 / 1024.0, 31232 / 1024.0),
    ];

    [Fact]
    public void A_hand_encoded_polygon_decodes_to_its_quantized_positions()
    {
        var json = Collection($$"""{"type":"Polygon","coordinates":["{{Triangle}}"],"encodeOffsets":[[106496,31232]]}""");

        var feature = Assert.Single(EChartsGeoDecoder.Decode(json));

        Assert.Equal("锦江区", feature.Name);
        Assert.Equal("510104", feature.Id);
        var ring = Assert.Single(Assert.Single(feature.Polygons));
        Assert.Equal(Expected, ring);
    }

    [Fact]
    public void Cell_centres_move_each_position_half_a_cell_south_west()
    {
        var json = Collection($$"""{"type":"Polygon","coordinates":["{{Triangle}}"],"encodeOffsets":[[106496,31232]]}""");

        var ring = EChartsGeoDecoder.Decode(json, cellCentres: true)[0].Polygons[0][0];

        Assert.Equal(Expected.Select(p => new LonLat(p.Lon - 0.5 / 1024, p.Lat - 0.5 / 1024)), ring);
    }

    [Fact]
    public void A_multipolygon_takes_each_ring_offset_from_its_own_pair()
    {
        // The second part is the same triangle one cell (1/1024°) further east.
        var json = Collection($$"""
            {"type":"MultiPolygon","coordinates":[["{{Triangle}}"],["{{Triangle}}"]],
             "encodeOffsets":[[[106496,31232]],[[106497,31232]]]}
            """);

        var polygons = EChartsGeoDecoder.Decode(json)[0].Polygons;

        Assert.Equal(2, polygons.Count);
        Assert.Equal(Expected, polygons[0][0]);
        Assert.Equal(Expected.Select(p => p with { Lon = p.Lon + 1 / 1024.0 }), polygons[1][0]);
    }

    [Fact]
    public void UTF8Scale_replaces_1024()
    {
        var json = Collection($$"""{"type":"Polygon","coordinates":["{{Triangle}}"],"encodeOffsets":[[106496,31232]]}""",
            "\"UTF8Encoding\":true,\"UTF8Scale\":2048");

        var ring = EChartsGeoDecoder.Decode(json)[0].Polygons[0][0];

        Assert.Equal(106498 / 2048.0, ring[1].Lon);
    }

    [Fact]
    public void Plain_geojson_is_read_as_it_is_with_adcode_as_the_id()
    {
        const string json = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":510105,"name":"青羊区"},
             "geometry":{"type":"Polygon","coordinates":[[[104,30.6],[104.1,30.6],[104.1,30.7],[104,30.6]]]}}]}
            """;

        var feature = Assert.Single(EChartsGeoDecoder.Decode(json));

        Assert.Equal("510105", feature.Id);
        Assert.Equal(new LonLat(104.1, 30.7), feature.Polygons[0][0][2]);
    }

    [Fact]
    public void A_feature_without_geometry_is_skipped_as_echarts_does()
    {
        var json = Collection("null");

        Assert.Empty(EChartsGeoDecoder.Decode(json));
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":["@@DA@D"],"encodeOffsets":[[106496,31232]]}""", "not closed")]
    [InlineData("""{"type":"Polygon","coordinates":["@@DA@DC"],"encodeOffsets":[[106496,31232]]}""", "odd number")]
    [InlineData("""{"type":"Polygon","coordinates":["@@DA@DCA"]}""", "feature 0")]
    [InlineData("""{"type":"Point","coordinates":[104,30]}""", "not Polygon or MultiPolygon")]
    public void Malformed_geometry_is_a_format_error_naming_the_feature(string geometry, string expected)
    {
        var e = Assert.Throws<FormatException>(() => EChartsGeoDecoder.Decode(Collection(geometry)));

        Assert.Contains("feature 0", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Converting_a_feature_maps_every_position_and_builds_a_polygon()
    {
        var json = Collection($$"""{"type":"Polygon","coordinates":["{{Triangle}}"],"encodeOffsets":[[106496,31232]]}""");
        var feature = EChartsGeoDecoder.Decode(json)[0].Map(p => new LonLat(p.Lon + 1, p.Lat));

        var geometry = feature.ToGeometry(TestCity.Factory);

        Assert.Equal("Polygon", geometry.GeometryType);
        Assert.Equal(105.0, geometry.Coordinates[0].X, 9); // 106496 / 1024 = 104, plus 1
        Assert.True(geometry.IsValid);
    }
}
