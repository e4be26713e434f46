using System.Security.Claims;

namespace GridGov.Web.Hosting.Security;

public sealed record Grant(long Id, Domain.Security.AppRole Role, string Area, string? Department);

/// <summary>
/// The HTTP caller as an <see cref="Security.Actor"/>: the principal and the grants <see cref="SessionGuard"/> loaded
/// for this request. Endpoints and pages ask this object (or pass <see cref="Actor"/> on to a module) rather than
/// reading claims themselves; code that may run without a request takes an <see cref="Security.Actor"/> instead.
/// </summary>
public sealed class Caller(IHttpContextAccessor accessor)
{
    public const string GrantsItem = "gridgov.grants";

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("no request: pass an Actor instead");

    public bool IsAuthenticated => Http.User.Identity?.IsAuthenticated == true;

    public long? UserId => long.TryParse(Http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Http.User.Identity?.Name ?? "anonymous";

    /// <summary>The name people know the caller by (水井坊社区书记), for greetings; <see cref="Name"/> stays the sign-in name.</summary>
    public string DisplayName => IsAuthenticated ? DisplayNameClaims.Of(Http.User) : Name;

    public IReadOnlyList<Grant> Grants => Http.Items[GrantsItem] as IReadOnlyList<Grant> ?? [];

    public string? Ip => Http.Connection.RemoteIpAddress?.ToString();

    /// <summary>This request's caller as an actor (channel "api" for bearer tokens, "web" for the cookie session).</summary>
    public Actor Actor => new(UserId, Name, Grants,
        Http.User.Identity?.AuthenticationType is { } scheme && scheme.Contains("Bearer", StringComparison.OrdinalIgnoreCase) ? "api" : "web", Ip);

    public bool Has(Domain.Security.Permission permission) => Actor.Has(permission);

    /// <summary>The areas where the caller holds <paramref name="permission"/>, without areas nested in others.</summary>
    public IReadOnlyList<string> Areas(Domain.Security.Permission permission) => Actor.Areas(permission);

    /// <summary>True when <paramref name="code"/> lies inside an area where the caller holds the permission.</summary>
    public bool Covers(Domain.Security.Permission permission, string code) => Actor.Covers(permission, code);

    /// <summary>True when the code is inside the caller's areas or on the path down to them (for navigation).</summary>
    public bool CanNavigate(Domain.Security.Permission permission, string code) => Actor.CanNavigate(permission, code);

    /// <summary>The parts of <paramref name="area"/> the caller may see: the area itself, or their areas inside it.</summary>
    public IReadOnlyList<string> Within(Domain.Security.Permission permission, string area) => Actor.Within(permission, area);
}
