using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.People;
using GridGov.Domain.Security;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People;

/// <summary>
/// Reads of the registry in the caller's area, as lists and pages show them (numbers masked). A person is in the
/// caller's area when their current home is, or when they still hold a link to a house there (a registered owner who
/// lives elsewhere stays visible to the community of the house).
/// </summary>
internal static class PeopleRows
{
    public static IQueryable<Person> Visible(GridGovDb db, Caller caller, Permission permission)
    {
        var areas = caller.Areas(permission);
        var home = CodeScope.Predicate<Person>(p => p.AreaCode, areas);
        var inArea = CodeScope.Predicate<Residence>(l => l.AreaCode, areas);
        // EXISTS per candidate (index on person_id), not IN over every open link of the area: a district holds millions.
        var residences = db.Residences.AsNoTracking().Where(l => l.To == null).Where(inArea);
        return db.People.AsNoTracking().Where(home.Or(p => residences.Any(l => l.PersonId == p.Id)));
    }

    /// <summary>
    /// The people whose current home is in the caller's area: what lists and name searches show. Someone registered at a
    /// house here but living elsewhere (人户分离) is found by ID number or phone, or on the house's page. One index range
    /// per area (area_code, name), so a name search in a community reads that community's rows only.
    /// </summary>
    public static IQueryable<Person> LivingIn(GridGovDb db, Caller caller, Permission permission) =>
        db.People.AsNoTracking().WithinAny(p => p.AreaCode, caller.Areas(permission));

    public static async Task<Person?> FindVisibleAsync(long id, GridGovDb db, Caller caller, Permission permission, CancellationToken ct) =>
        await Visible(db, caller, permission).FirstOrDefaultAsync(p => p.Id == id, ct);

    public static async Task<IReadOnlyList<ResidenceDto>> LinksAsync(GridGovDb db, IQueryable<Residence> links, CancellationToken ct)
    {
        var rows = await (from l in links
                          join p in db.People.AsNoTracking() on l.PersonId equals p.Id
                          join h in db.Houses.AsNoTracking() on l.HouseId equals h.Id
                          orderby l.To == null descending, l.Relation, l.From
                          select new { l, p.Name, h.Address }).ToListAsync(ct);
        return rows.Select(r => ToDto(r.l, r.Name, r.Address)).ToList();
    }

    public static ResidenceDto ToDto(Residence l, string personName, string address) =>
        new(l.Id, l.PersonId, personName, l.HouseId, address, l.Relation.Wire(), Label(l.Relation), l.From, l.To);

    public static async Task<PersonDto> PersonAsync(Person p, GridGovDb db, DateOnly today, CancellationToken ct)
    {
        var homes = await LinksAsync(db, db.Residences.AsNoTracking().Where(l => l.PersonId == p.Id), ct);
        return ToDto(p, today, homes);
    }

    public static PersonDto ToDto(Person p, DateOnly today, IReadOnlyList<ResidenceDto> homes) =>
        new(p.Id, p.Name, p.AreaCode, p.IdNumberMasked, p.DocumentMasked, p.BirthDate, Age(p.BirthDate, today),
            p.Sex is { } s ? (Ui.UiText.IsEnglish ? s.ToString().ToLowerInvariant() : s.Chinese()) : null,
            p.PhoneMasked, p.Registration.Wire(), Label(p.Registration), SplitTags(p.Tags), homes);

    public static IReadOnlyList<string> SplitTags(string tags) => tags.Length == 0 ? [] : tags.Split('|');

    public static int? Age(DateOnly? birth, DateOnly today) => birth is { } b ? IdNumber.Age(b, today) : null;

    public static string Label(HouseUse use) => Ui.UiText.IsEnglish ? use.Wire().Replace('_', ' ') : use.Chinese();
    public static string Label(Relation relation) => Ui.UiText.IsEnglish ? relation.Wire().Replace('_', ' ') : relation.Chinese();
    public static string Label(RegistrationType type) => Ui.UiText.IsEnglish ? type.Wire() : type.Chinese();
}
