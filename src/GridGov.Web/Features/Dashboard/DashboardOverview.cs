namespace GridGov.Web.Features.Dashboard;

/// <summary>A slice of a pie: its wire key (category code, source, or "other") and its name for people.</summary>
public sealed record NamedCount(string Key, string Name, long Count);

/// <summary>One line of the live events list: a case by names (category, the child area it lies in, status).</summary>
public sealed record ScreenEvent(long Id, string TrackingNo, string CategoryName, string PlaceName, string SourceName,
    string Status, string StatusLabel, string Colour, bool Overdue, DateTime ReportedAt);

/// <summary>What the big screen shows beside the indicators: cases reported in the period by category and by source, the latest cases.</summary>
public sealed record DashboardOverview(string Area, string AreaName, DateTimeOffset From, DateTimeOffset To, long Reported,
    IReadOnlyList<NamedCount> ByCategory, IReadOnlyList<NamedCount> BySource, IReadOnlyList<ScreenEvent> Events);
