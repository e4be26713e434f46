using System.Text;
using System.Text.Json;
using GridGov.Domain.Areas;
using GridGov.Domain.Boundaries;
using NetTopologySuite.Geometries;

namespace GridGov.Domain.Tests.Boundaries;

/// <summary>What the writer exports, the reader must accept unchanged (export, edit elsewhere, re-import).</summary>
public class GeoJsonRoundTripTests
{
    [Fact]
    public void Grids_written_and_read_back_keep_codes_kinds_parents_and_exact_geometry()
    {
        var grids = TestCity.Areas.Where(a => a.Kind.IsGrid()).ToList();

        var (features, problems) = GeoJsonBoundaryReader.Read(TestCity.ToGeoJson(grids));

        Assert.Empty(problems);
        Assert.Equal(grids.Count, features.Count);
        for (var i = 0; i < grids.Count; i++)
        {
            var (written, read) = (grids[i], features[i]);
            Assert.Equal(i, read.Index);
            Assert.Equal(written.Code, read.Code);
            Assert.Equal(written.Kind, read.Kind);
            Assert.Equal(written.ParentCode, read.ParentCode);
            Assert.Equal(written.Name, read.Name);
            Assert.True(read.Synthetic);
            Assert.Equal(written.DedicatedType, read.DedicatedType);
            Assert.True(written.Boundary!.EqualsExact(read.Geometry), $"{written.Code}: geometry changed in the round trip");
            Assert.Equal(4326, read.Geometry.SRID);
        }
    }

    [Fact]
    public void The_whole_slice_below_the_city_round_trips_and_still_tiles()
    {
        var areas = TestCity.Areas.Where(a => a.Kind != AreaKind.City).ToList();

        var (features, problems) = GeoJsonBoundaryReader.Read(TestCity.ToGeoJson(areas));

        Assert.Empty(problems);
        Assert.Equal(areas.Select(a => (a.Code, a.Kind, a.ParentCode)), features.Select(f => (f.Code, f.Kind, f.ParentCode)));
        Assert.All(features, f => Assert.True(f.Geometry.EqualsExact(TestCity.ByCode(f.Code).Boundary!)));
    }

    [Fact]
    public void The_city_outline_is_written_but_refused_on_import()
    {
        var city = TestCity.ByCode(TestCity.CityCode);

        var (features, problems) = GeoJsonBoundaryReader.Read(TestCity.ToGeoJson([city]));

        Assert.Empty(features);
        var problem = Assert.Single(problems);
        Assert.Equal(0, problem.FeatureIndex);
        Assert.Equal("5101", problem.Code);
        Assert.Contains("city outline is not imported", problem.Reason);
    }

    [Fact]
    public void A_multipolygon_with_a_hole_round_trips()
    {
        var shell = TestCity.Rect(104.00, 30.60, 104.02, 30.62);
        var hole = TestCity.Rect(104.005, 30.605, 104.01, 30.61);
        var withHole = TestCity.Factory.CreatePolygon((LinearRing)shell.ExteriorRing, [(LinearRing)hole.ExteriorRing.Reverse()]);
        var island = TestCity.Rect(104.03, 30.60, 104.04, 30.61);
        var multi = TestCity.Factory.CreateMultiPolygon([withHole, island]);
        var area = new AreaDraft("510104017001", AreaKind.Community, "水井坊社区", "510104017", multi, false);

        var (features, problems) = GeoJsonBoundaryReader.Read(TestCity.ToGeoJson([area]));

        Assert.Empty(problems);
        var feature = Assert.Single(features);
        var read = Assert.IsType<MultiPolygon>(feature.Geometry);
        Assert.True(multi.EqualsExact(read));
        Assert.Equal(1, ((Polygon)read.GetGeometryN(0)).NumInteriorRings);
        Assert.False(feature.Synthetic);
    }

    [Fact]
    public void The_writer_emits_the_properties_the_reader_expects()
    {
        var dedicated = TestCity.OfKind(AreaKind.DedicatedGrid)[0];
        using var doc = JsonDocument.Parse(TestCity.ToGeoJson([dedicated]));
        var feature = doc.RootElement.GetProperty("features")[0];
        var props = feature.GetProperty("properties");

        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(dedicated.Code, props.GetProperty("code").GetString());
        Assert.Equal("dedicated", props.GetProperty("kind").GetString());
        Assert.Equal(dedicated.ParentCode, props.GetProperty("parent").GetString());
        Assert.True(props.GetProperty("synthetic").GetBoolean());
        Assert.Equal(dedicated.DedicatedType, props.GetProperty("dedicated_type").GetString());
        Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public void Areas_without_a_boundary_are_skipped_and_non_polygons_refused()
    {
        var noBoundary = new AreaDraft("510104017001", AreaKind.Community, "水井坊社区", "510104017", null, false);
        using var doc = JsonDocument.Parse(TestCity.ToGeoJson([noBoundary]));
        Assert.Equal(0, doc.RootElement.GetProperty("features").GetArrayLength());

        using var stream = new MemoryStream();
        using var w = new Utf8JsonWriter(stream);
        var e = Assert.Throws<ArgumentException>(() =>
            GeoJsonBoundaryWriter.WriteGeometry(w, TestCity.Factory.CreatePoint(new Coordinate(104, 30.6))));
        Assert.Contains("Point", e.Message);
    }

    [Fact]
    public void Names_survive_as_utf8()
    {
        var grid = TestCity.ByCode("51010401700101");
        var json = Encoding.UTF8.GetString(TestCity.ToGeoJson([grid]));
        var (features, _) = GeoJsonBoundaryReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal("水井坊社区第1网格", Assert.Single(features).Name);
    }
}
