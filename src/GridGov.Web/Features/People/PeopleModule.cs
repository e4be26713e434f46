using GridGov.Web.Features.People.Import;
using GridGov.Web.Features.People.CaseHouses;
using GridGov.Web.Hosting;

namespace GridGov.Web.Features.People;

/// <summary>
/// People and homes (人房数据): compounds, buildings, houses, residents and who lives where. Care, sensors, volunteers
/// and activities stand on it through <see cref="PeopleRegistry"/> and the messages below.
/// </summary>
public sealed class PeopleModule : IModule
{
    public IReadOnlyList<Type> Surface =>
    [
        typeof(PeopleRegistry), typeof(Registered), typeof(PeopleLookup), typeof(PeopleHashes), typeof(DemoHomesSeeder), typeof(PeopleOptions),
        typeof(PersonDto), typeof(HouseDto), typeof(ResidenceDto), typeof(HouseCell), typeof(BuildingDto), typeof(CompoundDto),
        typeof(BuildingEndpoints), typeof(PersonEndpoints), typeof(ResidenceEndpoints),
    ];

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<PeopleLookup>();
        services.AddSingleton(PeopleOptions.From(context.Configuration));
        services.AddScoped<PeopleRegistry>();
        services.AddScoped<DemoHomesSeeder>();
        services.AddSingleton(new Cases.CasePanel(typeof(CaseHouses.CaseHousePanel), Order: 10)); // the house on the case page
        services.AddScoped<FullScale.PeopleGenerator>();
        // Staged imports: the queue answers uploads at once; one worker per node stages and commits batches.
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportStaging>();
        services.AddScoped<ImportCommit>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapBuildings();
        app.MapPeople();
        app.MapResidences();
        app.MapCaseHouses();
        app.MapPeopleImport();
        app.MapImportReviews();
        app.MapResidentExport();
    }
}
