using System.Threading.RateLimiting;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Web.Features.Auth;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Web.Hosting.Security;

/// <summary>Identity, cookie + bearer authentication, Data Protection keys, rate limits, audit: set up in one place.</summary>
public static class SecuritySetup
{
    public const string SmartScheme = "cookie-or-bearer";

    public static void AddGridGovSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Caller>();
        services.AddScoped<ActingAs>();
        services.AddSingleton<SessionCache>();
        services.AddScoped<AuditWriter>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<PersonalData>();

        services.AddDataProtection().SetApplicationName("GridGov").PersistKeysToDbContext<GridGovDb>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            })
            .AddIdentityCookies();
        // After the bearer handler's own options set the protector: remember decrypted tokens (BearerTicketCache).
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenProtector = new BearerTicketCache(o.BearerTokenProtector));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gridgov.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict; // with HttpOnly: a cross-site form cannot ride the session (CSRF)
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403; pages send people to the sign-in page.
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = c =>
            {
                if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = 401;
                // Residents' pages have their own sign-in (by mobile number).
                else if (c.Request.Path.StartsWithSegments("/r"))
                    c.Response.Redirect("/r/login?returnUrl=" + Uri.EscapeDataString(c.Request.Path + c.Request.QueryString));
                else c.Response.Redirect(c.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        services.AddAuthorization();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<long>>()
            .AddEntityFrameworkStores<GridGovDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddDefaultTokenProviders();

        var loginPerMinute = config.GetValue("GridGov:LoginAttemptsPerMinute", 20);
        var smsPerMinute = config.GetValue("GridGov:SmsCodesPerMinute", 5);
        var publicPerMinute = config.GetValue("GridGov:PublicRequestsPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            o.AddPolicy(AuthEndpoints.LoginRateLimit, http => PerAddress(http, "login", loginPerMinute));
            // Codes cost an SMS each: a tight per-address limit on top of the per-number rules (VerificationRules).
            o.AddPolicy(Features.Residents.ResidentEndpoints.SmsRateLimit, http => PerAddress(http, "sms", smsPerMinute));
            // Anonymous public data, and the resident pages (a tracking page by number, sign-up, sign-in) with the same budget.
            o.AddPolicy(RateLimitPolicies.Public, http => PerAddress(http, "public", publicPerMinute));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/r") || http.Request.Path.StartsWithSegments("/map")
                    ? PerAddress(http, "page", publicPerMinute) : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "Slow down and try again in a minute.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    /// <summary>A fixed one-minute window per client address, without queueing.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>Rate-limit policies shared by modules (by name, so a module needs no other module to use one).</summary>
public static class RateLimitPolicies
{
    /// <summary>Anonymous public reads, per client address (GridGov:PublicRequestsPerMinute).</summary>
    public const string Public = "public";
}
