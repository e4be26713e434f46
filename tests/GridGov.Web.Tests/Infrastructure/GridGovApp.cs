using GridGov.Data;
using GridGov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridGov.Web.Tests.Infrastructure;

/// <summary>The real app (real pipeline, real database) seeded with the test slice of Chengdu.</summary>
public sealed class GridGovApp(DatabaseProvider provider, string connectionString, string divisionsFolder, int maxUploadMb = 2,
    int loginsPerMinute = 10_000, int demoCases = 0, bool demoHomes = true) : WebApplicationFactory<Program>
{
    public const string Password = "gridgov-demo-2026";
    private readonly Dictionary<string, string> _tokens = new();
    private readonly SemaphoreSlim _loginGate = new(1, 1);

    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("GridGov:DivisionsFolder", divisionsFolder);
        builder.UseSetting("GridGov:DemoScale", TestCity.Scale);
        builder.UseSetting("GridGov:MaxBoundaryUploadMegabytes", maxUploadMb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GridGov:LoginAttemptsPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GridGov:SmsCodesPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GridGov:PublicRequestsPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GridGov:DemoPassword", Password);
        // Seeded demo accounts skip the forced change here; accounts created through the API keep it (tested).
        builder.UseSetting("GridGov:DemoAccountsMustChangePassword", "false");
        builder.UseSetting("GridGov:DeadlineSweepSeconds", "0"); // tests run the sweep and the rollup themselves
        builder.UseSetting("GridGov:StatsRollupSeconds", "0");
        builder.UseSetting("GridGov:DemoCases", demoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!demoHomes) builder.UseSetting("GridGov:DemoHomesArea", ""); // a test that counts every house of a micro-grid
        builder.UseSetting("GridGov:PhotosFolder", Path.Combine(divisionsFolder, "..", "photos"));
    }

    /// <summary>An HTTP client signed in (bearer token) as one of the demo accounts.</summary>
    public async Task<HttpClient> ClientFor(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenFor(userName));
        return client;
    }

    public async Task<string> TokenFor(string userName)
    {
        await _loginGate.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(userName, out var cached)) return cached;
            var token = await LoginAsync(CreateClient(), userName, Password);
            _tokens[userName] = token;
            return token;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    public static async Task<string> LoginAsync(HttpClient client, string userName, string password, string? code = null)
    {
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/auth/login",
            new { userName, password, twoFactorCode = code });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"login {userName}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    public GridGovDb Db() => DbSetup.Create(Provider, ConnectionString);

    /// <summary>Like <see cref="StartAsync"/> but served by Kestrel on 127.0.0.1, for a real browser.</summary>
    public static async Task<GridGovApp> StartKestrelAsync(DatabaseProvider provider, int demoCases, bool demoHomes = true)
    {
        var (cs, divisions) = await PrepareAsync(provider);
        var app = new GridGovApp(provider, cs, divisions, demoCases: demoCases, demoHomes: demoHomes);
        app.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        return app;
    }

    /// <summary>A fresh folder with the test slice of divisions, and a fresh database of the provider.</summary>
    private static async Task<(string ConnectionString, string DivisionsFolder)> PrepareAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridgov-tests", Guid.NewGuid().ToString("N"));
        TestCity.WriteSlice(Path.Combine(folder, "divisions"));
        var cs = provider == DatabaseProvider.Postgres
            ? await RequiresPostgres.Get().CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "gridgov.db")}";
        return (cs, Path.Combine(folder, "divisions"));
    }

    /// <summary>A fresh app on a fresh database of the given provider (PostgreSQL: skipped or failed per CI policy).</summary>
    public static async Task<GridGovApp> StartAsync(DatabaseProvider provider, int loginsPerMinute = 10_000, int demoCases = 0)
    {
        var (cs, divisions) = await PrepareAsync(provider);
        var app = new GridGovApp(provider, cs, divisions, loginsPerMinute: loginsPerMinute, demoCases: demoCases);
        _ = app.Server; // start now: migrate, seed, build the index
        return app;
    }
}
