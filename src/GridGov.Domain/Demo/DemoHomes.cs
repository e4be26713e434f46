using GridGov.Domain.People;

namespace GridGov.Domain.Demo;

public sealed record DemoCompound(string AreaCode, string Name, string Address, string PropertyCompany, string PropertyContact,
    string SelfGovernance, IReadOnlyList<DemoBuilding> Buildings);

public sealed record DemoBuilding(string Name, int Units, int Floors, int HousesPerFloor, IReadOnlyList<DemoHouse> Houses);

/// <summary>One door: where it is, its use, who lives there and when it was last verified (days ago, or never).</summary>
public sealed record DemoHouse(int Unit, int Floor, int Door, HouseUse Use, double FloorArea, int? VerifiedDaysAgo, IReadOnlyList<DemoResident> Residents);

public sealed record DemoResident(string Name, IdNumber IdNumber, string? Phone, RegistrationType Registration, Relation Relation,
    DateOnly From, IReadOnlyList<string> Tags);

/// <summary>
/// Synthetic compounds, buildings, houses and households for the demo city, deterministic for a seed: families of
/// one to five (a head, a spouse, children, a grandparent), tenants in rented flats, vacant flats, shops on the ground
/// floor, and the people grid work is about at roughly their real rates (elderly living alone ≈ 3% of households,
/// disabled ≈ 2% of people, 低保 ≈ 1.5%, veterans ≈ 1%). Names and ID numbers are synthetic; the numbers are valid in
/// form (GB 11643) with this city's region code, so they exercise the same checks as real ones.
/// </summary>
public static class DemoHomes
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
    ];
    private static readonly string[] Male = ["建国", "志强", "伟", "军", "明", "磊", "勇", "杰", "涛", "国华", "德明", "俊", "浩然", "子轩", "宇航", "文斌", "成", "海", "平", "刚"];
    private static readonly string[] Female = ["秀英", "丽", "敏", "静", "芳", "霞", "婷", "燕", "娟", "琳", "欣怡", "淑芬", "桂兰", "玉珍", "雨涵", "梓涵", "慧", "红", "萍", "洁"];
    private static readonly string[] CompoundNames = ["锦苑", "望江花园", "水井坊院落", "府河小区", "东门里", "合江苑", "春熙家园", "芙蓉里", "蜀都花园", "兴隆小区", "翠竹院", "桂花巷小区"];
    private static readonly string[] ElsewhereRegions = ["500101", "511302", "513401", "420106", "610113"]; // 重庆万州, 南充, 西昌, 武汉, 西安
    private static readonly string[] Property = ["蓉城物业", "锦江物业服务有限公司", "安居物业", "华府物业", "院落自管"];

    /// <param name="microGrids">Each micro-grid's code, the street address its compound gets, and the region code of the ID numbers of people born there.</param>
    /// <param name="numbers">Shared across calls that must not repeat an ID number (a generator working in chunks).</param>
    /// <param name="buildings">Buildings per compound (0: one to three at random).</param>
    public static IReadOnlyList<DemoCompound> Generate(IReadOnlyList<(string Code, string Name, string Region)> microGrids, DateOnly today, int seed = 20261206,
        Numbers? numbers = null, int buildings = 0)
    {
        var rng = new Random(seed);
        numbers ??= new Numbers();
        var compounds = new List<DemoCompound>();
        foreach (var (code, name, region) in microGrids)
        {
            var compoundName = CompoundNames[rng.Next(CompoundNames.Length)] + (compounds.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "号院";
            var blocks = new List<DemoBuilding>();
            var count = buildings > 0 ? buildings : 1 + rng.Next(3);
            for (var b = 1; b <= count; b++)
            {
                var units = 1 + rng.Next(2);
                var floors = 6 + rng.Next(6);
                var perFloor = 2;
                var houses = new List<DemoHouse>();
                for (var unit = 1; unit <= units; unit++)
                    for (var floor = 1; floor <= floors; floor++)
                        for (var door = 1; door <= perFloor; door++)
                            houses.Add(House(rng, unit, floor, door, region, today, numbers));
                blocks.Add(new DemoBuilding($"{b}栋", units, floors, perFloor, houses));
            }
            compounds.Add(new DemoCompound(code, compoundName, $"{name}{compounds.Count + 1}号", Property[rng.Next(Property.Length)],
                Surnames[rng.Next(Surnames.Length)] + "经理", compoundName + "院落自治小组", blocks));
        }
        return compounds;
    }

    private static DemoHouse House(Random rng, int unit, int floor, int door, string region, DateOnly today, Numbers numbers)
    {
        var roll = rng.NextDouble();
        var use = floor == 1 && roll < 0.15 ? HouseUse.Business
            : roll < 0.70 ? HouseUse.OwnerOccupied : roll < 0.88 ? HouseUse.Rented : roll < 0.97 ? HouseUse.Vacant : HouseUse.Other;
        var residents = use switch
        {
            HouseUse.OwnerOccupied => Family(rng, region, today, numbers),
            HouseUse.Rented => Tenants(rng, region, today, numbers),
            _ => [],
        };
        int? verified = rng.NextDouble() < 0.6 ? rng.Next(1, 120) : null;
        return new DemoHouse(unit, floor, door, use, Math.Round(55 + rng.NextDouble() * 80, 1), verified, residents);
    }

    private static List<DemoResident> Family(Random rng, string region, DateOnly today, Numbers numbers)
    {
        var surname = Surnames[rng.Next(Surnames.Length)];
        var since = today.AddDays(-rng.Next(200, 9000));
        // About one household in thirty is an elderly person living alone: the people care visits are for.
        if (rng.NextDouble() < 0.033)
        {
            var male = rng.NextDouble() < 0.4;
            var tags = new List<string> { "独居老人" };
            if (rng.NextDouble() < 0.5) tags.Add("高龄老人");
            if (rng.NextDouble() < 0.15) tags.Add("低保");
            return [Person(rng, surname, male, today.Year - 75 - rng.Next(20), region, RegistrationType.Registered, Relation.Head, since, tags, numbers)];
        }
        var headMale = rng.NextDouble() < 0.6;
        var headAge = 28 + rng.Next(45);
        var family = new List<DemoResident>
        {
            Person(rng, surname, headMale, today.Year - headAge, region, RegistrationType.Registered, Relation.Head, since, Tags(rng, headAge), numbers),
        };
        if (rng.NextDouble() < 0.8)
            family.Add(Person(rng, Surnames[rng.Next(Surnames.Length)], !headMale, today.Year - headAge - 3 + rng.Next(6), region,
                RegistrationType.Registered, Relation.FamilyMember, since, Tags(rng, headAge), numbers));
        var children = headAge < 60 ? rng.Next(3) : 0;
        for (var c = 0; c < children; c++)
            family.Add(Person(rng, surname, rng.NextDouble() < 0.5, today.Year - Math.Max(1, headAge - 24 - rng.Next(10)), region,
                RegistrationType.Registered, Relation.FamilyMember, since, [], numbers));
        if (headAge < 55 && rng.NextDouble() < 0.15)
            family.Add(Person(rng, surname, rng.NextDouble() < 0.4, today.Year - headAge - 28 - rng.Next(8), region,
                RegistrationType.Registered, Relation.FamilyMember, since, ["空巢老人"], numbers));
        return family;
    }

    private static List<DemoResident> Tenants(Random rng, string region, DateOnly today, Numbers numbers)
    {
        var since = today.AddDays(-rng.Next(20, 1500));
        var count = 1 + rng.Next(3);
        var tenants = new List<DemoResident>();
        for (var i = 0; i < count; i++)
        {
            // Tenants come from elsewhere: another province's region code, registered as floating population.
            var home = rng.NextDouble() < 0.7 ? region : ElsewhereRegions[rng.Next(ElsewhereRegions.Length)];
            tenants.Add(Person(rng, Surnames[rng.Next(Surnames.Length)], rng.NextDouble() < 0.55, today.Year - 20 - rng.Next(25), home,
                RegistrationType.Floating, Relation.Tenant, since, [], numbers));
        }
        return tenants;
    }

    private static List<string> Tags(Random rng, int age)
    {
        var tags = new List<string>();
        if (rng.NextDouble() < 0.02) tags.Add("残疾人");
        if (rng.NextDouble() < 0.015) tags.Add("低保");
        if (age > 35 && rng.NextDouble() < 0.02) tags.Add("退役军人");
        return tags;
    }

    private static DemoResident Person(Random rng, string surname, bool male, int birthYear, string region, RegistrationType registration,
        Relation relation, DateOnly from, IReadOnlyList<string> tags, Numbers numbers)
    {
        var birth = new DateOnly(birthYear, 1, 1).AddDays(rng.Next(365));
        var id = numbers.Next(region, birth, male);
        var name = surname + (male ? Male : Female)[rng.Next(Male.Length)];
        var phone = birthYear > 1940 && rng.NextDouble() < 0.85 ? $"1{"3589"[rng.Next(4)]}{rng.Next(100_000_000, 999_999_999)}" : null;
        return new DemoResident(name, id, phone, registration, relation, from < birth ? birth : from, tags);
    }

    /// <summary>
    /// Hands out each ID number once: people born on the same day in the same region get the next sequence (500 per
    /// sex and day). <paramref name="firstSequence"/> keeps two generators apart (the demo starts at 0, the full-scale
    /// generator at 300).
    /// </summary>
    public sealed class Numbers(int firstSequence = 0)
    {
        private readonly Dictionary<(string, DateOnly, bool), int> _next = [];

        public IdNumber Next(string region, DateOnly birth, bool male)
        {
            var n = _next.GetValueOrDefault((region, birth, male), firstSequence);
            if (n >= 500) throw new InvalidOperationException($"more than {500 - firstSequence} people of one sex born on {birth} in {region}: spread them over more regions");
            _next[(region, birth, male)] = n + 1;
            return IdNumber.Compose(region, birth, n * 2 + (male ? 1 : 0));
        }
    }
}
