namespace GridGov.Domain.Areas;

/// <summary>
/// Reads the division slice written by tools/divisions/make-slice.mjs: header "code,name,level,parent_code".
/// Names never contain commas (the national list has none), so a plain split is enough.
/// </summary>
public static class DivisionCsv
{
    public static IReadOnlyList<Division> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header?.Trim() != "code,name,level,parent_code")
            throw new FormatException($"division file must start with 'code,name,level,parent_code', found '{header}'");
        var result = new List<Division>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != 4) throw new FormatException($"line {lineNo}: expected 4 fields, found {f.Length}");
            if (!AreaKinds.TryParseWire(f[2], out var kind) || kind > AreaKind.Community)
                throw new FormatException($"line {lineNo}: unknown level '{f[2]}'");
            var parent = f[3].Length == 0 ? null : f[3];
            var problem = AreaCode.Problem(f[0], kind, parent);
            if (problem is not null) throw new FormatException($"line {lineNo}: {problem}");
            result.Add(new Division(f[0], f[1], kind, parent));
        }
        return result;
    }
}
