namespace GridGov.Data;

/// <summary>
/// One row of a hand-written INSERT, as an SQL expression per column. A table's subclass names its columns once, with one
/// constructor parameter each, so every statement that writes the table must give a value for a column added there: a
/// compile error, not a column that one writer silently leaves out.
/// </summary>
public abstract record InsertRow
{
    /// <summary>The table's columns, each with this row's expression, in the order they are written.</summary>
    protected abstract IReadOnlyList<(string Column, string Value)> Pairs { get; }

    protected abstract string Table { get; }

    /// <summary>What follows INSERT INTO: "table (a, b, c)".</summary>
    public string Into => $"{Table} ({string.Join(", ", Columns)})";

    /// <summary>The expressions in column order, for a SELECT list or VALUES (…).</summary>
    public string Values => string.Join(", ", Pairs.Select(p => p.Value));

    public IReadOnlyList<string> Columns => Pairs.Select(p => p.Column).ToList();
}
