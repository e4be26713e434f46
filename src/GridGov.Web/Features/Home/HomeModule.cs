using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Home;

/// <summary>The staff home page (工作台): today's work in the caller's area.</summary>
public sealed class HomeModule : IModule;
