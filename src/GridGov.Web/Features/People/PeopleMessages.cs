namespace GridGov.Web.Features.People;

public sealed record NewCompound(string? Name, string? AreaCode, string? Address, string? PropertyCompany, string? PropertyContact,
    string? PropertyPhone, string? SelfGovernance, double? Lon, double? Lat);
public sealed record CompoundDto(long Id, string Name, string AreaCode, string? Address, string? PropertyCompany, string? PropertyContact,
    string? PropertyPhone, string? SelfGovernance, double? Lon, double? Lat, int Buildings);

public sealed record NewBuilding(string? Name, string? AreaCode, long? CompoundId, int? Units, int? Floors, int? HousesPerFloor, double? Lon, double? Lat);
public sealed record BuildingDto(long Id, string Name, string AreaCode, long? CompoundId, string? CompoundName, int Units, int Floors,
    int HousesPerFloor, double? Lon, double? Lat, IReadOnlyList<HouseCell> Houses);

/// <summary>One door in a building's grid view: where it is, its use and how many live there now.</summary>
public sealed record HouseCell(long Id, int Unit, int Floor, string Number, string Use, string UseLabel, int Occupants, DateTime? VerifiedAt);

public sealed record HouseDto(long Id, long BuildingId, string BuildingName, string AreaCode, int Unit, int Floor, string Number, string Address,
    string Use, string UseLabel, double? FloorArea, long? OwnerPersonId, DateTime? VerifiedAt,
    IReadOnlyList<ResidenceDto> Occupants, IReadOnlyList<ResidenceDto> History);
public sealed record HouseChange(string? Use, double? FloorArea, long? OwnerPersonId);
public sealed record HouseHit(long Id, string Address, string Use, string UseLabel, int Occupants);

public sealed record NewPerson(string? Name, string? IdNumber, string? Document, string? Phone, string? Registration,
    IReadOnlyList<string>? Tags, string? AreaCode, long? HouseId, string? Relation, DateOnly? From);
public sealed record PersonChange(string? Name, string? Phone, string? Registration, IReadOnlyList<string>? Tags);

/// <summary>A resident as lists and pages show them: numbers masked, age and sex from the ID number.</summary>
public sealed record PersonDto(long Id, string Name, string AreaCode, string? IdNumber, string? Document, DateOnly? BirthDate, int? Age,
    string? Sex, string? Phone, string Registration, string RegistrationLabel, IReadOnlyList<string> Tags, IReadOnlyList<ResidenceDto> Homes);

/// <summary>The full numbers, given only with a stated reason and audited.</summary>
public sealed record PersonProfile(long Id, string Name, string? IdNumber, string? Document, string? Phone);

public sealed record NewResidence(long? PersonId, string? Relation, DateOnly? From);
public sealed record EndResidence(DateOnly? To, string? Note);
public sealed record ResidenceDto(long Id, long PersonId, string PersonName, long HouseId, string Address, string Relation, string RelationLabel,
    DateOnly From, DateOnly? To);
