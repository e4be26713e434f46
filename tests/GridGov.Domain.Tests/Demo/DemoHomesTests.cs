using GridGov.Domain.Demo;
using GridGov.Domain.People;

namespace GridGov.Domain.Tests.Demo;

public sealed class DemoHomesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static IReadOnlyList<(string, string, string)> Grids(int n, string district = "510104") =>
        Enumerable.Range(1, n).Select(i => ($"{district}017001{i / 10 + 1:00}{i % 10 + 1:00}", "水井坊社区建设路", district)).ToList();

    [Fact]
    public void Every_id_number_is_valid_and_appears_once_even_across_chunks()
    {
        var numbers = new DemoHomes.Numbers(300);
        var all = DemoHomes.Generate(Grids(200), Today, seed: 1, numbers).Concat(DemoHomes.Generate(Grids(200), Today, seed: 2, numbers))
            .SelectMany(c => c.Buildings).SelectMany(b => b.Houses).SelectMany(h => h.Residents).ToList();
        Assert.True(all.Count > 10_000);
        Assert.Equal(all.Count, all.Select(r => r.IdNumber.Value).Distinct().Count());
        Assert.All(all.Take(2000), r => Assert.Null(IdNumber.Parse(r.IdNumber.Value, Today).Problem));
        Assert.All(all, r => Assert.True(r.From <= Today && r.IdNumber.BirthDate <= r.From));
    }

    [Fact]
    public void Households_look_like_a_real_neighbourhood()
    {
        var houses = DemoHomes.Generate(Grids(300), Today).SelectMany(c => c.Buildings).SelectMany(b => b.Houses).ToList();
        var occupied = houses.Where(h => h.Use is HouseUse.OwnerOccupied).ToList();
        Assert.All(occupied, h => Assert.Single(h.Residents, r => r.Relation == Relation.Head)); // one head per household
        Assert.All(houses.Where(h => h.Use is HouseUse.Vacant), h => Assert.Empty(h.Residents));
        Assert.All(houses.Where(h => h.Use is HouseUse.Rented).SelectMany(h => h.Residents), r => Assert.Equal(RegistrationType.Floating, r.Registration));
        var alone = occupied.Count(h => h.Residents.Count == 1 && h.Residents[0].Tags.Contains("独居老人"));
        Assert.InRange(alone / (double)occupied.Count, 0.015, 0.06); // about one household in thirty
        var people = houses.Sum(h => h.Residents.Count);
        Assert.InRange(people / (double)houses.Count, 1.8, 3.0); // 21 million people in 9 million houses: 2.3
        Assert.Equal(DemoHomes.Generate(Grids(5), Today).SelectMany(c => c.Buildings).Sum(b => b.Houses.Count),
            DemoHomes.Generate(Grids(5), Today).SelectMany(c => c.Buildings).Sum(b => b.Houses.Count)); // deterministic for a seed
    }
}
