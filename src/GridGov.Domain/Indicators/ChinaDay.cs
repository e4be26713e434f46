using System.Globalization;

namespace GridGov.Domain.Indicators;

/// <summary>The China calendar day (UTC+8) of an instant as the key of daily rows ("yyyy-MM-dd"), shared by every writer of them.</summary>
public static class ChinaDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Key(DateTime utc) => utc.Add(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
