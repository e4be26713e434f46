using GridGov.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace GridGov.Web.Features.Auth;

/// <summary>Form posts of the web UI that are not pages: sign-out and the language switch.</summary>
public static class UiSessionEndpoints
{
    public static void MapUiSession(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (SignInManager<AppUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            // Residents go back to their own pages; staff to the sign-in page.
            var back = http.Request.HasFormContentType ? http.Request.Form["returnUrl"].ToString() : "";
            return Results.LocalRedirect(back == "/r" ? "/r" : "/login");
        }).ExcludeFromDescription();
        app.MapGet("/culture", (string? to, string? returnUrl, HttpContext http) =>
        {
            var culture = to is "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? r : "/");
        }).ExcludeFromDescription();
    }
}
