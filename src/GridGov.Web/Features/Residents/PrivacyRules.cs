namespace GridGov.Web.Features.Residents;

/// <summary>The version of the personal information rules a resident agrees to at sign-up (shown at /r/privacy).</summary>
public static class PrivacyRules
{
    public const string Version = "2026-12";
}
