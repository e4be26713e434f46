using GridGov.Domain.Indicators;

namespace GridGov.Domain.Tests.Indicators;

public sealed class AccumulatorCodecTests
{
    [Fact]
    public void A_stored_accumulator_restores_to_the_same_indicators_and_still_merges()
    {
        var start = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var mid = start.AddDays(15);
        var end = start.AddMonths(1);
        var cases = RandomCases.Generate(3000, 7);
        var first = new IndicatorAccumulator(start, mid);
        first.AddRange(cases);
        var second = new IndicatorAccumulator(mid, end);
        second.AddRange(cases);

        var restored = AccumulatorCodec.Read(AccumulatorCodec.Write(first));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.Result()), System.Text.Json.JsonSerializer.Serialize(restored.Result()));
        restored.Merge(AccumulatorCodec.Read(AccumulatorCodec.Write(second)));
        var whole = new IndicatorAccumulator(start, end);
        whole.AddRange(cases);
        Assert.Equal(whole.Result().Due, restored.Result().Due);
        Assert.Equal(whole.Result().ClosureRate, restored.Result().ClosureRate);
        Assert.Equal(whole.Result().MedianHoursToClose, restored.Result().MedianHoursToClose);
        Assert.Equal(whole.Result().BySource.OrderBy(x => x.Key), restored.Result().BySource.OrderBy(x => x.Key));
    }
}
