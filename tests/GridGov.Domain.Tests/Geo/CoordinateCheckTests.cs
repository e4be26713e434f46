using GridGov.Domain.Geo;

namespace GridGov.Domain.Tests.Geo;

public class CoordinateCheckTests
{
    [Theory]
    [InlineData(double.NaN, 30.0, "lon")]
    [InlineData(104.0, double.NaN, "lat")]
    [InlineData(double.PositiveInfinity, 30.0, "lon")]
    [InlineData(104.0, double.NegativeInfinity, "lat")]
    public void Non_finite_values_are_rejected(double lon, double lat, string field)
    {
        var problem = CoordinateCheck.Check(lon, lat);
        Assert.NotNull(problem);
        Assert.Equal(field, problem.Field);
        Assert.Contains("finite", problem.Message);
    }

    [Theory]
    [InlineData(200.0, 30.0, "lon")]
    [InlineData(104.0, 95.0, "lat")]
    [InlineData(200.0, 95.0, "lon")]
    public void Out_of_range_values_are_rejected(double lon, double lat, string field)
    {
        var problem = CoordinateCheck.Check(lon, lat);
        Assert.NotNull(problem);
        Assert.Equal(field, problem.Field);
        Assert.Contains("outside", problem.Message);
    }

    [Fact]
    public void Swapped_chengdu_suggests_the_corrected_order()
    {
        var problem = CoordinateCheck.Check(30.6595, 104.0657);
        Assert.NotNull(problem);
        Assert.Contains("swapped", problem.Hint);
        Assert.Contains("lon=104.0657, lat=30.6595", problem.Hint);
    }

    [Fact]
    public void Swapped_point_within_range_is_flagged_as_outside_china_with_swap_hint()
    {
        // lat 80 is a valid latitude, so this only fails the China check.
        var problem = CoordinateCheck.Check(30.0, 80.0);
        Assert.NotNull(problem);
        Assert.Equal("lon,lat", problem.Field);
        Assert.Contains("lon=80, lat=30", problem.Hint);
    }

    [Fact]
    public void Point_in_europe_gets_not_in_china_hint()
    {
        var problem = CoordinateCheck.Check(2.3522, 48.8566); // Paris
        Assert.NotNull(problem);
        Assert.Equal("lon,lat", problem.Field);
        Assert.DoesNotContain("swapped", problem.Hint);
        Assert.Contains("China", problem.Hint);
        Assert.Contains("WGS-84", problem.Hint);
    }

    [Fact]
    public void Valid_chengdu_point_passes()
    {
        Assert.Null(CoordinateCheck.Check(104.0657, 30.6595));
    }
}
