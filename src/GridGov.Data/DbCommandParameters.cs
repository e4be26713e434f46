using System.Data.Common;

namespace GridGov.Data;

/// <summary>Provider-neutral parameters for the few hand-written SQL paths (migrator, bulk writes, sweep, import log).</summary>
public static class DbCommandParameters
{
    /// <summary>Adds a named parameter (optionally with its value) and returns it, so a loop can reassign the value.</summary>
    public static DbParameter AddParameter(this DbCommand cmd, string name, object? value = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        if (value is not null) p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }
}
