using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// Verification rounds of houses and occupants (人房数据核验): a round over an area and a period, each house falling to
/// its grid worker, who confirms or corrects it in the field app; corrections are change requests the community
/// approves (applied through the People module's registry) or sends back; progress (核验率) and overdue houses by
/// area. Its own module rather than part of People: it has its own tables, life cycle and pages, and stands on the
/// registry only through People's surface, as care visits and sensors will.
/// </summary>
public sealed class VerificationModule : IModule
{
    public IReadOnlyList<Type> Surface => [typeof(VerificationProgress), typeof(AreaProgress)];

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddScoped<RoundOpener>();
        services.AddScoped<VerificationProgress>();
        services.AddScoped<WorkerHouses>();
        services.AddScoped<VerificationFiling>();
        services.AddScoped<ChangeReviews>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapRounds();
        app.MapWorker();
        app.MapReviews();
    }
}
