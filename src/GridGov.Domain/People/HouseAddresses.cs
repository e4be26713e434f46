using System.Globalization;

namespace GridGov.Domain.People;

/// <summary>How a door is numbered and a house's address is written, the same for entry, demo data and the generator.</summary>
public static class HouseAddresses
{
    /// <summary>The door number as written on it: floor × 100 + door (502).</summary>
    public static string Number(int floor, int door) => (floor * 100 + door).ToString(CultureInfo.InvariantCulture);

    /// <summary>An area's name as it reads in an address (水井坊社区, not 水井坊社区居委会).</summary>
    public static string PlaceName(string areaName) => areaName.Replace("居委会", "", StringComparison.Ordinal);

    /// <summary>The full address: district, street and community names, the compound, the building, unit and door.</summary>
    public static string Full(string places, string? compound, string building, int unit, string number) =>
        $"{places}{compound}{building}{unit}单元{number}";
}
