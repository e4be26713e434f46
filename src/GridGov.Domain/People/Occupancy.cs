namespace GridGov.Domain.People;

/// <summary>What a house is used for (房屋用途), as a verification round records it.</summary>
public enum HouseUse { OwnerOccupied = 1, Rented = 2, Vacant = 3, Business = 4, Other = 5 }

/// <summary>How a person is tied to a house (人房关系). A household has one head at a time.</summary>
public enum Relation { Head = 1, FamilyMember = 2, Tenant = 3, Lodger = 4, Worker = 5 }

/// <summary>Registration type (人口类型): registered here (户籍), living here from elsewhere (流动), from abroad (境外).</summary>
public enum RegistrationType { Registered = 1, Floating = 2, Foreign = 3 }

/// <summary>Wire names (snake_case, as in the API) and Chinese names of the registry's closed lists.</summary>
public static class PeopleNames
{
    public static string Wire(this HouseUse use) => use switch
    {
        HouseUse.OwnerOccupied => "owner_occupied", HouseUse.Rented => "rented", HouseUse.Vacant => "vacant",
        HouseUse.Business => "business", _ => "other",
    };

    public static string Chinese(this HouseUse use) => use switch
    {
        HouseUse.OwnerOccupied => "自住", HouseUse.Rented => "出租", HouseUse.Vacant => "空置", HouseUse.Business => "经营", _ => "其他",
    };

    public static string Wire(this Relation relation) => relation switch
    {
        Relation.Head => "head", Relation.FamilyMember => "family_member", Relation.Tenant => "tenant",
        Relation.Lodger => "lodger", _ => "worker",
    };

    public static string Chinese(this Relation relation) => relation switch
    {
        Relation.Head => "户主", Relation.FamilyMember => "家庭成员", Relation.Tenant => "租户", Relation.Lodger => "借住", _ => "工作",
    };

    public static string Wire(this RegistrationType type) => type switch
    {
        RegistrationType.Registered => "registered", RegistrationType.Floating => "floating", _ => "foreign",
    };

    public static string Chinese(this RegistrationType type) => type switch
    {
        RegistrationType.Registered => "户籍", RegistrationType.Floating => "流动", _ => "境外",
    };

    public static string Chinese(this Sex sex) => sex == Sex.Male ? "男" : "女";

    /// <summary>A wire name or a Chinese name (as import files have it: 户籍, 出租) back to its value, or null.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Names(v!.Value) is var (wire, zh) && (wire == t || zh == t));
    }

    private static (string Wire, string Chinese) Names<T>(T value) where T : struct, Enum => value switch
    {
        HouseUse u => (u.Wire(), u.Chinese()),
        Relation r => (r.Wire(), r.Chinese()),
        RegistrationType g => (g.Wire(), g.Chinese()),
        _ => (value.ToString(), value.ToString()),
    };
}
