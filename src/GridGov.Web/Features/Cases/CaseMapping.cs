using GridGov.Data.Entities;
using GridGov.Domain.Cases;
using GridGov.Domain.Security;

namespace GridGov.Web.Features.Cases;

public static class CaseMapping
{
    public static readonly string[] Sources = ["patrol", "resident", "hotline", "sensor", "camera", "enterprise", "open311", "app"];

    public static HandlerLevel? ParseLevel(string? wire) => HandlerLevels.ParseLevel(wire);

    /// <summary>Every list, page, export and live event shows a case through this (the typed address masked).</summary>
    public static CaseSummary Summary(Case c, string categoryName, DateTime now) => new(
        c.Id, c.TrackingNo, c.CategoryCode, categoryName, c.Status.Wire(), c.Status.Chinese(), c.Source, c.AreaCode,
        PersonalNumbers.MaskInText(c.AddressText),
        c.Lon, c.Lat, c.LocationFlagged, CaseClock.Colour(c, now), c.ReportedAt, c.ResolveDueAt, c.ClosedAt, c.HandlerLevel.Wire(),
        c.AssigneeUserId, c.AssigneeDepartment, c.ReworkCount, c.Rating, c.Version);

    public static CaseState State(Case c) => new(c.Status, c.Pending, c.StatusBeforeSuspension, c.Rating is not null);
}
