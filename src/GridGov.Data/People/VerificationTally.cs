using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// How many houses of a round in one grid or micro-grid are in each state: a cache of the items, written in the same
/// transaction as every change of state, so progress for a district sums a few thousand rows instead of counting a
/// million items. One row per (round, area, state), created with zeros when the round opens.
/// </summary>
public sealed class VerificationTally
{
    public long RoundId { get; set; }
    public required string AreaCode { get; set; }
    public VerificationState State { get; set; }
    public int Houses { get; set; }
}
