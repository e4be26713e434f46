using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Auth;

/// <summary>Sign-in for staff and apps (cookies, bearer and refresh tokens), password changes, the UI session.</summary>
public sealed class AuthModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(AuthEndpoints), typeof(PasswordRules)];

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapAuth();
        app.MapUiSession();
    }
}
