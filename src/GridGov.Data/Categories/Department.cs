namespace GridGov.Data.Entities;

/// <summary>A functional department (职能部门) of a district, receiving dispatched cases. Code = district + '-' + kind.</summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public required string DistrictCode { get; set; }
}
