using GridGov.Web.Features.Cases;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Web.Features.Residents;

/// <summary>
/// The resident channel's API (the pages under /r use the same services): SMS codes, sign-up, sign-in and reset by
/// mobile number; the public services; reports; one's own cases and their rating.
/// </summary>
public static class ResidentEndpoints
{
    public const string SmsRateLimit = "sms";
    public const string PublicRateLimit = Hosting.Security.RateLimitPolicies.Public;

    public static void MapResidents(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/resident").WithTags("Residents");
        g.MapPost("/codes", SendCode).AllowAnonymous().RequireRateLimiting(SmsRateLimit)
            .WithSummary("Send an SMS code for sign-up (purpose=signup) or a password reset (purpose=reset)");
        g.MapPost("/signup", SignUp).AllowAnonymous().RequireRateLimiting(Auth.AuthEndpoints.LoginRateLimit)
            .WithSummary("Create a resident account: mobile number, SMS code, password");
        g.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(Auth.AuthEndpoints.LoginRateLimit)
            .WithSummary("Sign in by mobile number and password: bearer + refresh token, or a cookie (useCookies=true)");
        g.MapPost("/password/reset", Reset).AllowAnonymous().RequireRateLimiting(Auth.AuthEndpoints.LoginRateLimit)
            .WithSummary("Set a new password with an SMS code; ends every session of the account");
        g.MapGet("/services", (PublicServices services, CancellationToken ct) => services.ListAsync(ct)).AllowAnonymous()
            .RequireRateLimiting(PublicRateLimit).WithSummary("The public services residents may ask for, with their questions");
        g.MapPost("/reports", async (ResidentReport body, ResidentReports reports, CancellationToken ct) =>
            {
                var outcome = await reports.FileAsync(body, ct);
                return outcome.Filed is { } f
                    ? f.Replayed ? Results.Ok(f) : Results.Created($"/api/public/cases/{f.TrackingNo}", f)
                    : Problems.Invalid(outcome.Errors);
            }).RequireAuthorization().RequirePermission(Permission.CasesReport)
            .WithSummary("Report a problem or ask for a service; returns the tracking number");
        g.MapGet("/cases", async (long? cursor, MyCases mine, CancellationToken ct) =>
            {
                var (items, next) = await mine.ListAsync(cursor, ct);
                return Results.Ok(new { items, nextCursor = next });
            }).RequireAuthorization().WithSummary("The caller's own cases, newest first");
        g.MapGet("/cases/{trackingNo}", async (string trackingNo, MyCases mine, CancellationToken ct) =>
                await mine.FindAsync(trackingNo, ct) is { } c ? Results.Ok(c) : Problems.NotFound($"No case {trackingNo} of yours."))
            .RequireAuthorization().WithSummary("One of the caller's own cases with its public timeline");
        g.MapPost("/cases/{trackingNo}/rating", async (string trackingNo, RatingRequest body, MyCases mine, CancellationToken ct) =>
                (await mine.RateAsync(trackingNo, body, ct)).ToHttp())
            .RequireAuthorization().WithSummary("Rate a closed case you reported (1–5 and a comment), once");
    }

    private static async Task<IResult> SendCode(CodeRequest body, ResidentAccounts accounts, Caller caller, CancellationToken ct)
    {
        var purpose = body.Purpose switch
        {
            null or "signup" => VerificationPurpose.SignUp,
            "reset" => VerificationPurpose.ResetPassword,
            _ => (VerificationPurpose?)null,
        };
        if (purpose is null) return Problems.Invalid("purpose", "purpose is signup or reset.");
        var (sent, refused) = await accounts.SendCodeAsync(body.Phone, purpose.Value, caller.Ip, ct);
        if (refused is not null) return Refusal(refused);
        return Results.Ok(sent);
    }

    private static async Task<IResult> SignUp(SignUpRequest body, ResidentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.SignUpAsync(body.Phone, body.Code, body.Password, body.Nickname, body.Consent, ct);
        return outcome.Ok
            ? Results.Created("/api/auth/me", new ResidentAccount(outcome.User!.UserName!, outcome.User.DisplayName, outcome.User.PhoneMasked!))
            : Refusal(outcome);
    }

    private static async Task<IResult> Login(ResidentLoginRequest body, ResidentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.SignInAsync(body.Phone, body.Password,
            body.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme, ct);
        // On success the sign-in handler has written the cookie or the token response.
        return outcome.Ok ? Results.Empty : Refusal(outcome);
    }

    private static async Task<IResult> Reset(ResetRequest body, ResidentAccounts accounts, CancellationToken ct)
    {
        var outcome = await accounts.ResetPasswordAsync(body.Phone, body.Code, body.NewPassword, ct);
        return outcome.Ok ? Results.NoContent() : Refusal(outcome);
    }

    /// <summary>Field errors as a validation problem (400), or the outcome's status with the first message.</summary>
    public static IResult Refusal(AccountOutcome outcome) => outcome.Status == 400
        ? Problems.Invalid(outcome.Errors)
        : Results.Problem(statusCode: outcome.Status, detail: outcome.Errors.Values.First()[0],
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
}
