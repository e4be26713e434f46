using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GridGov.Web.Hosting;

/// <summary>What a person starting the app needs to see: where it listens and where to go next.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var db = app.Services.GetRequiredService<Database>();
        var seeded = app.Services.GetRequiredService<AppInitializer.State>().Seeded;
        var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine("GridGov is running — 网格化治理平台");
        Console.WriteLine($"  URL:        {url}");
        Console.WriteLine($"  API docs:   {url}/api-docs");
        Console.WriteLine($"  Health:     {url}/health");
        Console.WriteLine($"  Database:   {db.Provider}");
        if (seeded is not null)
            Console.WriteLine($"  Demo city:  seeded {seeded.Areas:N0} areas and {seeded.StaffMembers:N0} grid staff in {seeded.Elapsed.TotalSeconds:0.0} s (districts real, from {seeded.OutlinesSource}; streets, communities and grids SYNTHETIC)");
        var options = app.Services.GetRequiredService<GridGovOptions>();
        Console.WriteLine($"  Demo logins (password '{options.DemoPassword}'{(options.DemoAccountsMustChangePassword ? ", to be changed at first sign-in" : "")}):");
        foreach (var a in DemoAccounts.All)
            Console.WriteLine($"    {a.UserName,-18} {Features.Access.AccessNames.Chinese(a.Role)} · {a.Area}{(a.Department is null ? "" : " · " + a.Department)}");
        Console.WriteLine($"  Staff:      {url}/login (console), {url}/dashboard (command centre), {url}/field (phone)");
        Console.WriteLine($"  Residents:  {url}/r (sign up with a mobile number; demo SMS codes are shown on screen), {url}/map (public map)");
        Console.WriteLine("  Sign in:    POST /api/auth/login {\"userName\":\"sjf.secretary\",\"password\":\"…\"}");
        Console.WriteLine();
    }
}
