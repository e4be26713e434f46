namespace GridGov.Data.Entities;

/// <summary>Rows that belong to an area: their audit entries are filed under it.</summary>
public interface IAreaOwned
{
    string? OwningArea { get; }
}
