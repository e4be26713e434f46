using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// The case engine (事件闭环): intake from every channel, the loop's actions, lists, exports, the deadline sweep. Other
/// modules file and act through <see cref="CaseEngine"/> and listen to <see cref="CaseSaving"/> and <see cref="CaseChanged"/>.
/// </summary>
public sealed class CasesModule : IModule
{
    public IReadOnlyList<Type> Surface =>
    [
        typeof(CaseEngine), typeof(CaseOutcome), typeof(CaseOutcomeText), typeof(CaseResults), typeof(CaseSaving), typeof(CaseChanged),
        typeof(NewCase), typeof(CaseActionRequest), typeof(CaseSummary), typeof(IntakeResult), typeof(CaseAccess), typeof(CaseClock),
        typeof(CaseMapping), typeof(CaseEndpoints), typeof(CasePanel),
    ];

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<CaseClock>();
        services.AddScoped(sp => new CaseAccess(sp.GetRequiredService<Caller>().Actor));
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseActions>();
        services.AddScoped(sp => new CaseEngine(sp, sp.GetRequiredService<ActingAs>()));
        var database = context.Database;
        services.AddSingleton(sp =>
        {
            using var model = Data.DbSetup.Create(database.Provider, database.ConnectionString);
            return new IntakeWriter(IntakeWriter.StoreFor(database), model.Model.FindEntityType(typeof(Data.Entities.Case))!,
                sp.GetRequiredService<ILogger<IntakeWriter>>());
        });
        services.AddSingleton(sp => new DeadlineSweep(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<DeadlineJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapCases();
}
