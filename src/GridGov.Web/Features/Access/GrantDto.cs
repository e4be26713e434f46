namespace GridGov.Web.Features.Access;

/// <summary>A role over an area as the API shows it (role by wire name, the area with its name).</summary>
public sealed record GrantDto(long Id, string Role, string Area, string? AreaName, string? Department);
