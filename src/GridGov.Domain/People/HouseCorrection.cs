using GridGov.Domain.Security;

namespace GridGov.Domain.People;

/// <summary>A new occupant as the worker typed it on the doorstep.</summary>
public sealed record NewOccupantDraft(string? Name, string? IdNumber, string? Relation, string? Phone = null, string? Registration = null);

/// <summary>A current occupant's new mobile number.</summary>
public sealed record PhoneDraft(long PersonId, string? Phone);

/// <summary>Who lives in the house now, as the registry has it (the correction is checked against them).</summary>
public sealed record CurrentOccupant(long ResidenceId, long PersonId, Relation Relation);

/// <summary>One problem of a correction: the JSON field (movedIn[0].idNumber) and the words for the worker and for a client.</summary>
public sealed record CorrectionError(string Field, string Chinese, string English);

/// <summary>A new occupant ready to register and move in.</summary>
public sealed record NewOccupant(ValidResident Resident, Relation Relation);

public sealed record PhoneChange(long PersonId, string Phone);

/// <summary>A checked correction: only what differs from the registry.</summary>
public sealed record HouseCorrection(HouseUse? Use, IReadOnlyList<long> MovedOut, IReadOnlyList<NewOccupant> MovedIn,
    IReadOnlyList<PhoneChange> Phones, string? Note);

/// <summary>
/// A worker's correction of a house (更正) as sent from the field app: use changed, occupants moved out, new
/// occupants, phones changed. It is kept as sent (encrypted) until community staff decide, and checked again against
/// the registry of that moment when approved, so an approval never applies something that no longer fits.
/// </summary>
public sealed record CorrectionDraft(string? Use, IReadOnlyList<long>? MovedOut, IReadOnlyList<NewOccupantDraft>? MovedIn,
    IReadOnlyList<PhoneDraft>? Phones, string? Note)
{
    public const int MaxEach = 20;
    public const int MaxNote = 200;

    public (HouseCorrection? Correction, IReadOnlyList<CorrectionError> Errors) Build(HouseUse currentUse,
        IReadOnlyList<CurrentOccupant> occupants, DateOnly today, IReadOnlyCollection<string> allowedTags)
    {
        var errors = new List<CorrectionError>();
        HouseUse? use = null;
        if (!string.IsNullOrWhiteSpace(Use))
        {
            use = PeopleNames.Parse<HouseUse>(Use);
            if (use is null) errors.Add(new("use", "房屋用途：请选择自住、出租、空置、经营或其他", "use must be one of owner_occupied, rented, vacant, business, other"));
            else if (use == currentUse) use = null; // unchanged: not a correction
        }

        var movedOut = (MovedOut ?? []).Distinct().ToList();
        if (movedOut.Count > MaxEach) errors.Add(new("movedOut", $"一次最多迁出 {MaxEach} 人", $"at most {MaxEach} move-outs"));
        for (var i = 0; i < movedOut.Count; i++)
            if (occupants.All(o => o.ResidenceId != movedOut[i]))
                errors.Add(new($"movedOut[{i}]", "迁出的人不在这套房屋的现住人员中", "movedOut must name residences (links) of people living in this house now"));

        var movedIn = new List<NewOccupant>();
        var drafts = MovedIn ?? [];
        if (drafts.Count > MaxEach) errors.Add(new("movedIn", $"一次最多登记 {MaxEach} 位新住户", $"at most {MaxEach} new occupants"));
        for (var i = 0; i < Math.Min(drafts.Count, MaxEach); i++)
        {
            var d = drafts[i];
            var relation = PeopleNames.Parse<Relation>(d.Relation);
            if (relation is null)
                errors.Add(new($"movedIn[{i}].relation", "与房屋关系：请选择户主、家庭成员、租户、借住或工作", "relation must be one of head, family_member, tenant, lodger, worker"));
            var registration = string.IsNullOrWhiteSpace(d.Registration) ? DefaultRegistration(relation).Wire() : d.Registration;
            var (resident, problems) = new ResidentDraft(d.Name, d.IdNumber, null, d.Phone, registration, []).Build(today, allowedTags);
            foreach (var p in problems)
                errors.Add(new($"movedIn[{i}].{ResidentDraft.FieldKey(p.Field)}", $"第 {i + 1} 位新住户的" + ResidentDraft.Chinese(p), ResidentDraft.English(p)));
            if (resident is not null && relation is { } r) movedIn.Add(new NewOccupant(resident, r));
        }
        var ids = movedIn.Where(m => m.Resident.IdNumber is not null).GroupBy(m => m.Resident.IdNumber!.Value.Value).Where(g => g.Count() > 1);
        if (ids.Any()) errors.Add(new("movedIn", "同一个身份证号填了两次", "the same ID number is given twice"));
        var headsStaying = occupants.Count(o => o.Relation == Relation.Head && !movedOut.Contains(o.ResidenceId));
        if (headsStaying + movedIn.Count(m => m.Relation == Relation.Head) > 1)
            errors.Add(new("movedIn", ResidenceRules.Chinese(ResidenceProblem.SecondHead), ResidenceRules.English(ResidenceProblem.SecondHead)));

        var phones = new List<PhoneChange>();
        var phoneDrafts = Phones ?? [];
        if (phoneDrafts.Count > MaxEach) errors.Add(new("phones", $"一次最多改 {MaxEach} 个电话", $"at most {MaxEach} phone changes"));
        for (var i = 0; i < Math.Min(phoneDrafts.Count, MaxEach); i++)
        {
            var p = phoneDrafts[i];
            if (occupants.All(o => o.PersonId != p.PersonId))
                errors.Add(new($"phones[{i}].personId", "改电话的人不在这套房屋的现住人员中", "personId must be someone living in this house now"));
            else if (PersonalNumbers.NormalizeMobile(p.Phone) is { } mobile) phones.Add(new PhoneChange(p.PersonId, mobile));
            else errors.Add(new($"phones[{i}].phone", $"手机号：「{p.Phone}」不是有效的手机号", "phone must be an 11-digit mainland mobile number"));
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > MaxNote }) errors.Add(new("note", $"说明最多 {MaxNote} 个字", $"note is at most {MaxNote} characters"));
        if (errors.Count == 0 && use is null && movedOut.Count == 0 && movedIn.Count == 0 && phones.Count == 0)
            errors.Add(new("use", "没有要更正的内容；信息无误请点「信息无误」", "nothing differs from the registry: confirm the house instead"));
        return errors.Count > 0 ? (null, errors) : (new HouseCorrection(use, movedOut, movedIn, phones, note), errors);
    }

    /// <summary>Tenants, lodgers and people working there usually come from elsewhere (流动); family is registered (户籍).</summary>
    public static RegistrationType DefaultRegistration(Relation? relation) =>
        relation is Relation.Tenant or Relation.Lodger or Relation.Worker ? RegistrationType.Floating : RegistrationType.Registered;
}
