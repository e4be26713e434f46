namespace GridGov.Domain.Geo;

/// <summary>
/// Holds the live index. Rebuilds produce a whole new <see cref="GridIndex"/> that replaces the old one in a single
/// reference write, so a lookup sees either the old boundaries or the new ones, never a mixture.
/// </summary>
public sealed class GridIndexHolder(GridIndex initial)
{
    private GridIndex _current = initial;

    public GridIndex Current => Volatile.Read(ref _current);

    public void Swap(GridIndex next) => Volatile.Write(ref _current, next);
}
