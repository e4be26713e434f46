namespace GridGov.Domain.Security;

/// <summary>What a verification-code check found.</summary>
public enum CodeCheck { Ok, Wrong, Expired, TooManyAttempts, NoCode }

/// <summary>
/// The rules of SMS verification codes, as Chinese apps apply them: 6 digits, valid 10 minutes, 5 tries, a new code
/// at most once a minute and 10 a day per number and purpose. Pure: the caller supplies the clock and the stored facts.
/// </summary>
public static class VerificationRules
{
    public const int CodeLength = 6;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public const int MaxPerDay = 10;
    public const int MaxAttempts = 5;

    /// <summary>How long the caller must wait before another code may be sent (zero: send now).</summary>
    public static TimeSpan WaitBeforeSending(IReadOnlyCollection<DateTime> sentInLastDay, DateTime now)
    {
        if (sentInLastDay.Count == 0) return TimeSpan.Zero;
        var sinceLast = now - sentInLastDay.Max();
        if (sinceLast < ResendInterval) return ResendInterval - sinceLast;
        if (sentInLastDay.Count >= MaxPerDay) return sentInLastDay.Min() + TimeSpan.FromDays(1) - now;
        return TimeSpan.Zero;
    }

    /// <summary>Judges a typed code against the newest code sent (null: none). Attempts are the tries already made.</summary>
    public static CodeCheck Judge(bool codeMatches, DateTime? expiresAt, int attempts, bool used, DateTime now)
    {
        if (expiresAt is null || used) return CodeCheck.NoCode;
        if (attempts >= MaxAttempts) return CodeCheck.TooManyAttempts;
        if (now >= expiresAt) return CodeCheck.Expired;
        return codeMatches ? CodeCheck.Ok : CodeCheck.Wrong;
    }

    /// <summary>The user's words for a failed check.</summary>
    public static string Message(CodeCheck check) => check switch
    {
        CodeCheck.Wrong => "验证码不正确 (wrong code)",
        CodeCheck.Expired => "验证码已过期，请重新获取 (the code has expired; get a new one)",
        CodeCheck.TooManyAttempts => "错误次数过多，请重新获取验证码 (too many wrong tries; get a new code)",
        CodeCheck.NoCode => "请先获取验证码 (get a code first)",
        _ => "",
    };
}
