using System.Globalization;

namespace GridGov.Web.Features.Dashboard.Panels;

/// <summary>Numbers as the wall shows them, and the colour band of a rate (the same bands colour the map and the ranking).</summary>
public static class ScreenFormat
{
    public static string Pct(double? v) => v is null ? "—" : v.Value.ToString("0.0%", CultureInfo.InvariantCulture);

    /// <summary>A rate for a data attribute (read by js/dashboard.js); empty when there is none.</summary>
    public static string Raw(double? v) => v?.ToString("0.000", CultureInfo.InvariantCulture) ?? "";

    public static string Count(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>good at 90% and above, fair from 70%, poor below, none without a rate.</summary>
    public static string Band(double? v) => v switch { null => "none", >= 0.9 => "good", >= 0.7 => "fair", _ => "poor" };
}
