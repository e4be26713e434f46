using GridGov.Domain.Indicators;

namespace GridGov.Domain.Tests.Indicators;

public class PercentilesTests
{
    [Theory]
    // The classic nearest-rank examples: {15, 20, 35, 40, 50}
    [InlineData(0.05, 15.0)] // ⌈0.25⌉ = 1
    [InlineData(0.30, 20.0)] // ⌈1.5⌉ = 2
    [InlineData(0.40, 20.0)] // ⌈2.0⌉ = 2 (exact: no floating-point overshoot to 3)
    [InlineData(0.50, 35.0)] // ⌈2.5⌉ = 3
    [InlineData(1.00, 50.0)] // ⌈5⌉ = 5
    public void Five_values(double p, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank([50, 15, 40, 20, 35], p)); // order of input does not matter

    [Theory]
    // {3, 6, 7, 8, 8, 10, 13, 15, 16, 20}
    [InlineData(0.25, 7.0)]  // ⌈2.5⌉ = 3
    [InlineData(0.50, 8.0)]  // ⌈5⌉ = 5 (the lower middle: nearest rank never averages)
    [InlineData(0.75, 15.0)] // ⌈7.5⌉ = 8
    [InlineData(0.90, 16.0)] // ⌈9⌉ = 9
    [InlineData(1.00, 20.0)]
    public void Ten_values(double p, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], p));

    [Fact]
    public void Small_and_empty_lists()
    {
        Assert.Equal(2.0, Percentiles.NearestRank([4, 3, 2, 1], 0.5)); // ⌈2⌉ = 2
        Assert.Equal(4.0, Percentiles.NearestRank([4, 3, 2, 1], 0.9)); // ⌈3.6⌉ = 4
        Assert.Equal(7.5, Percentiles.NearestRank([7.5], 0.5));
        Assert.Equal(7.5, Percentiles.NearestRank([7.5], 0.9));
        Assert.Null(Percentiles.NearestRank([], 0.5));
    }

    [Fact]
    public void Ranks_are_exact_for_decimal_p()
    {
        Assert.Equal(9, Percentiles.Rank(10, 0.9));
        Assert.Equal(7, Percentiles.Rank(10, 0.7));
        Assert.Equal(90, Percentiles.Rank(100, 0.9));
        Assert.Equal(900_000_000, Percentiles.Rank(1_000_000_000, 0.9));
        Assert.Equal(1, Percentiles.Rank(1, 0.5));
        Assert.Equal(1, Percentiles.Rank(1000, 1e-9));
    }

    [Fact]
    public void Bad_p_and_NaN_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([1, 2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([1, 2], 1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([], double.NaN));
        Assert.Throws<ArgumentException>(() => Percentiles.NearestRank([1, double.NaN], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Rank(0, 0.5));
    }
}
