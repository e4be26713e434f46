namespace GridGov.Domain.People;

/// <summary>Where one house stands in a verification round (核验).</summary>
public enum VerificationState
{
    /// <summary>Not yet visited (待核验).</summary>
    Pending = 1,
    /// <summary>The worker corrected it; community staff have not decided yet (待审核).</summary>
    Submitted = 2,
    /// <summary>Confirmed as registered, or its correction approved and applied (已核验).</summary>
    Verified = 3,
    /// <summary>The correction was rejected with a note; back with the worker (已退回).</summary>
    Returned = 4,
}

public enum VerificationAction { Confirm, Correct, Approve, Reject }

public enum VerificationRefusal { AlreadyVerified, AwaitingReview, NothingToReview, RoundClosed }

/// <summary>
/// The decision table of a house in a round: the worker confirms or corrects a house that is pending or returned;
/// community staff approve or reject a correction. Nothing is applied to the registry before an approval.
/// </summary>
public static class VerificationFlow
{
    public static (VerificationState? Next, VerificationRefusal? Refusal) Decide(VerificationState state, VerificationAction action, bool roundOpen)
    {
        if (!roundOpen) return (null, VerificationRefusal.RoundClosed);
        return (action, state) switch
        {
            (VerificationAction.Confirm, VerificationState.Pending or VerificationState.Returned) => (VerificationState.Verified, null),
            (VerificationAction.Correct, VerificationState.Pending or VerificationState.Returned) => (VerificationState.Submitted, null),
            (VerificationAction.Confirm or VerificationAction.Correct, VerificationState.Verified) => (null, VerificationRefusal.AlreadyVerified),
            (VerificationAction.Confirm or VerificationAction.Correct, _) => (null, VerificationRefusal.AwaitingReview),
            (VerificationAction.Approve, VerificationState.Submitted) => (VerificationState.Verified, null),
            (VerificationAction.Reject, VerificationState.Submitted) => (VerificationState.Returned, null),
            _ => (null, VerificationRefusal.NothingToReview),
        };
    }

    public static string Wire(this VerificationState state) => state switch
    {
        VerificationState.Pending => "pending", VerificationState.Submitted => "submitted",
        VerificationState.Verified => "verified", _ => "returned",
    };

    public static string Chinese(this VerificationState state) => state switch
    {
        VerificationState.Pending => "待核验", VerificationState.Submitted => "待审核",
        VerificationState.Verified => "已核验", _ => "已退回",
    };

    public static string Chinese(VerificationRefusal refusal) => refusal switch
    {
        VerificationRefusal.AlreadyVerified => "这套房屋在本轮已核验",
        VerificationRefusal.AwaitingReview => "这套房屋的更正正在等社区审核",
        VerificationRefusal.NothingToReview => "这条更正已经处理过了",
        _ => "本轮核验已结束",
    };

    public static string English(VerificationRefusal refusal) => refusal switch
    {
        VerificationRefusal.AlreadyVerified => "this house is already verified in this round",
        VerificationRefusal.AwaitingReview => "a correction of this house is waiting for the community's review",
        VerificationRefusal.NothingToReview => "this correction has already been decided",
        _ => "this round is closed",
    };
}
