using GridGov.Data;
using GridGov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridGov.Web.Tests.Infrastructure;

/// <summary>The real app (real pipeline, real database) seeded with the test slice of Chengdu.</summary>
public sealed class GridGovApp(DatabaseProvider provider, string connectionString, string divisionsFolder, int maxUploadMb = 2)
    : WebApplicationFactory<Program>
{
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
    }

    public GridGovDb Db() => DbSetup.Create(Provider, ConnectionString);

    /// <summary>A fresh app on a fresh database of the given provider (PostgreSQL: skipped or failed per CI policy).</summary>
    public static async Task<GridGovApp> StartAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridgov-tests", Guid.NewGuid().ToString("N"));
        TestCity.WriteSlice(Path.Combine(folder, "divisions"));
        var cs = provider == DatabaseProvider.Postgres
            ? await RequiresPostgres.Get().CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "gridgov.db")}";
        var app = new GridGovApp(provider, cs, Path.Combine(folder, "divisions"));
        _ = app.Server; // start now: migrate, seed, build the index
        return app;
    }
}
