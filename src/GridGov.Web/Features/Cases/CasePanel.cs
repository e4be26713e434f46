namespace GridGov.Web.Features.Cases;

/// <summary>
/// A box another module adds to the case page (the house at the case's address, later the person it is about), without
/// the case module knowing that module: register one in DI; the page renders <see cref="Component"/> with the
/// parameters <c>CaseId</c> (long), <c>AreaCode</c> (string), <c>Lon</c> and <c>Lat</c> (double).
/// </summary>
public sealed record CasePanel(Type Component, int Order = 0);
