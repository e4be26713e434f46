namespace GridGov.Domain.Areas;

/// <summary>
/// Area codes nest as prefixes: city 4 digits (GB/T 2260 prefix), district 6, street 9, community 12,
/// grid 14 (general 01–79, dedicated 80–99 under the community), micro-grid 16 (under a general grid).
/// "Is X inside Y" is therefore a prefix test, and scoping a query is a range scan.
/// </summary>
public static class AreaCode
{
    public const int CityLength = 4;
    public const int DistrictLength = 6;
    public const int StreetLength = 9;
    public const int CommunityLength = 12;
    public const int GridLength = 14;
    public const int MicroGridLength = 16;

    /// <summary>First two-digit sequence of the dedicated-grid range under a community.</summary>
    public const int FirstDedicatedSequence = 80;

    public static bool IsWellFormed(string? code) =>
        code is { Length: CityLength or DistrictLength or StreetLength or CommunityLength or GridLength or MicroGridLength }
        && code.All(char.IsAsciiDigit);

    /// <summary>The kind a code denotes by its shape, or null if it is not a code.</summary>
    public static AreaKind? KindOf(string? code)
    {
        if (!IsWellFormed(code)) return null;
        return code!.Length switch
        {
            CityLength => AreaKind.City,
            DistrictLength => AreaKind.District,
            StreetLength => AreaKind.Street,
            CommunityLength => AreaKind.Community,
            // Grid sequences start at 01; a micro-grid hangs under a general grid (01–79), never a dedicated one.
            GridLength when Sequence(code) == 0 => null,
            GridLength => Sequence(code) >= FirstDedicatedSequence ? AreaKind.DedicatedGrid : AreaKind.GeneralGrid,
            MicroGridLength when Sequence(code) == 0 || Sequence(code[..GridLength]) is 0 or >= FirstDedicatedSequence => null,
            MicroGridLength => AreaKind.MicroGrid,
            _ => null,
        };
    }

    /// <summary>The parent's code by shape (a micro-grid's parent is its general grid).</summary>
    public static string? ParentOf(string code) => code.Length switch
    {
        DistrictLength => code[..CityLength],
        StreetLength => code[..DistrictLength],
        CommunityLength => code[..StreetLength],
        GridLength => code[..CommunityLength],
        MicroGridLength => code[..GridLength],
        _ => null,
    };

    /// <summary>True when <paramref name="code"/> is <paramref name="area"/> or lies inside it.</summary>
    public static bool IsWithin(string code, string area) =>
        code.StartsWith(area, StringComparison.Ordinal);

    /// <summary>The ancestor of <paramref name="code"/> at the given length, or null when the code is shorter.</summary>
    public static string? Truncate(string code, int length) => code.Length >= length ? code[..length] : null;

    public static string? DistrictOf(string code) => Truncate(code, DistrictLength);

    /// <summary>
    /// Exclusive upper bound for a range scan of everything inside <paramref name="area"/>: the prefix with its last
    /// non-9 digit incremented ("510104" → "510105", "510199" → "5102"). Codes c with area &lt;= c &lt; bound are
    /// exactly those starting with area, under any collation that orders digit strings character by character
    /// (unlike a ':' sentinel, which some PostgreSQL locales ignore). Null when the prefix is all nines.
    /// </summary>
    public static string? UpperBound(string area)
    {
        var trimmed = area.TrimEnd('9');
        if (trimmed.Length == 0) return null;
        return trimmed[..^1] + (char)(trimmed[^1] + 1);
    }

    /// <summary>Makes a child code from the parent and a 1-based sequence (two digits for grids, three otherwise).</summary>
    public static string Child(string parent, int sequence)
    {
        var width = parent.Length switch
        {
            CityLength => 2,
            DistrictLength => 3,
            StreetLength => 3,
            CommunityLength => 2,
            GridLength => 2,
            _ => throw new ArgumentException($"'{parent}' cannot have children", nameof(parent)),
        };
        var max = width == 2 ? 99 : 999;
        if (sequence < 1 || sequence > max) throw new ArgumentOutOfRangeException(nameof(sequence));
        return parent + sequence.ToString(width == 2 ? "D2" : "D3", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Checks that a code has the shape its kind requires and sits under the given parent.</summary>
    public static string? Problem(string code, AreaKind kind, string? parentCode)
    {
        if (!IsWellFormed(code)) return $"code '{code}' must be 4, 6, 9, 12, 14 or 16 digits";
        var byShape = KindOf(code);
        if (byShape is null)
            return $"code '{code}' is not a valid {kind.ToWire()} code: grid sequences start at 01, and a micro-grid's parent must be a general grid (01–79)";
        if (byShape != kind)
            return $"code '{code}' is the shape of a {byShape?.ToWire()} code, not a {kind.ToWire()} code";
        var expectedParent = ParentOf(code);
        if (parentCode is not null && expectedParent is not null && parentCode != expectedParent)
            return $"code '{code}' must start with its parent code '{parentCode}' (expected parent '{expectedParent}')";
        return null;
    }

    private static int Sequence(string code) => (code[^2] - '0') * 10 + (code[^1] - '0');
}
