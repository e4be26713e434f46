using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Calendar;

/// <summary>The working calendar (holidays, 调休) per year: API and editor.</summary>
public sealed class CalendarModule : IModule
{
    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapCalendar();
}
