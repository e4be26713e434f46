namespace GridGov.Domain.Geo;

/// <summary>
/// Takes the map's JSON out of an ECharts map script. Such a file is a JavaScript module (UMD/AMD/CommonJS wrapper)
/// whose one interesting statement is <c>echarts.registerMap('成都', { "type": "FeatureCollection", ... });</c>:
/// the JSON object literal is the second argument. We expect exactly that shape: the first <c>registerMap(</c>,
/// a quoted map name, a comma, then a JSON object (double-quoted keys, as <c>JSON.stringify</c> writes them).
/// A file that is plain JSON (starts with <c>{</c>) is returned whole. The object's end is found by scanning with
/// JSON's string and escape rules, so braces inside names or encoded coordinates cannot cut it short.
/// </summary>
public static class EChartsMapScript
{
    private const string Call = "registerMap(";

    /// <summary>The map name (null for plain JSON) and the map's JSON text; FormatException if neither shape fits.</summary>
    public static (string? MapName, string Json) Extract(string script)
    {
        var trimmed = script.AsSpan().TrimStart();
        if (trimmed.StartsWith("{")) return (null, ObjectAt(script, script.Length - trimmed.Length));

        var call = script.IndexOf(Call, StringComparison.Ordinal);
        if (call < 0) throw new FormatException("neither a JSON object nor a script calling registerMap(name, {...})");
        var i = SkipSpace(script, call + Call.Length);
        if (i >= script.Length || script[i] is not ('\'' or '"'))
            throw new FormatException("registerMap( is not followed by a quoted map name");
        var quote = script[i];
        var nameEnd = script.IndexOf(quote, i + 1);
        if (nameEnd < 0) throw new FormatException("the map name is not closed");
        var name = script[(i + 1)..nameEnd];
        i = SkipSpace(script, nameEnd + 1);
        if (i >= script.Length || script[i] != ',') throw new FormatException("registerMap(name is not followed by a comma");
        i = SkipSpace(script, i + 1);
        if (i >= script.Length || script[i] != '{')
            throw new FormatException("registerMap's second argument is not an object literal");
        return (name, ObjectAt(script, i));
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>The balanced JSON object starting at <paramref name="start"/> (which holds '{').</summary>
    private static string ObjectAt(string s, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (inString)
            {
                if (c == '\\') i++; // skip the escaped character, which may be a quote
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    if (--depth == 0) return s[start..(i + 1)];
                    break;
            }
        }
        throw new FormatException("the map's JSON object is not closed");
    }
}
