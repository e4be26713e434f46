using GridGov.Domain.Security;

namespace GridGov.Web.Hosting.Security;

public static class PermissionFilter
{
    /// <summary>
    /// Requires a signed-in caller holding <paramref name="permission"/> somewhere (401 / 403). Which objects they
    /// may touch is then decided by area in the handler, through <see cref="Caller"/>, answering 404 outside it.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.RequestServices.GetRequiredService<Caller>();
            if (!caller.Has(permission))
                return Results.Problem(statusCode: 403, title: "Forbidden", detail: $"Your roles do not include {permission}.");
            return await next(context);
        });
        return builder;
    }
}
