using GridGov.Data.Entities;
using GridGov.Domain.Cases;

namespace GridGov.Web.Features.Cases;

/// <summary>Between the case row and the domain's <see cref="CaseSnapshot"/>: load what actions change, copy the result back.</summary>
internal static class CaseRows
{
    public static CaseSnapshot Facts(Case c) => new()
    {
        Id = c.Id, AreaCode = c.AreaCode, Status = c.Status, Pending = c.Pending, StatusBeforeSuspension = c.StatusBeforeSuspension,
        HandlerLevel = c.HandlerLevel, AssigneeUserId = c.AssigneeUserId, AssigneeDepartment = c.AssigneeDepartment,
        RegisteredAt = c.RegisteredAt, RespondedAt = c.RespondedAt, FeedbackAt = c.FeedbackAt, ClosedAt = c.ClosedAt,
        ResponseDueAt = c.ResponseDueAt, ResolveDueAt = c.ResolveDueAt, YellowAt = c.YellowAt, SuspendedAt = c.SuspendedAt,
        SuspendedHours = c.SuspendedHours, ReworkCount = c.ReworkCount, Rating = c.Rating, RatingComment = c.RatingComment,
        MergedIntoId = c.MergedIntoId, PendingExtensionHours = c.PendingExtensionHours, Version = c.Version,
    };

    public static void Apply(Case c, CaseSnapshot f)
    {
        c.Status = f.Status; c.Pending = f.Pending; c.StatusBeforeSuspension = f.StatusBeforeSuspension;
        c.HandlerLevel = f.HandlerLevel; c.AssigneeUserId = f.AssigneeUserId; c.AssigneeDepartment = f.AssigneeDepartment;
        c.RegisteredAt = f.RegisteredAt; c.RespondedAt = f.RespondedAt; c.FeedbackAt = f.FeedbackAt; c.ClosedAt = f.ClosedAt;
        c.ResponseDueAt = f.ResponseDueAt; c.ResolveDueAt = f.ResolveDueAt; c.YellowAt = f.YellowAt; c.SuspendedAt = f.SuspendedAt;
        c.SuspendedHours = f.SuspendedHours; c.ReworkCount = f.ReworkCount; c.Rating = f.Rating; c.RatingComment = f.RatingComment;
        c.MergedIntoId = f.MergedIntoId; c.PendingExtensionHours = f.PendingExtensionHours; c.Version = f.Version;
    }
}
