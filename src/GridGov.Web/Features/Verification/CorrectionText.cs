using GridGov.Domain.People;
using GridGov.Domain.Security;

namespace GridGov.Web.Features.Verification;

/// <summary>
/// A correction in one line of Chinese for the reviewers' list and the audit trail, with every number masked (the
/// full content stays encrypted until it is applied).
/// </summary>
internal static class CorrectionText
{
    public static string Summarize(HouseCorrection c, HouseUse currentUse, IReadOnlyDictionary<long, string> namesByResidence,
        IReadOnlyDictionary<long, string> namesByPerson)
    {
        var parts = new List<string>();
        if (c.Use is { } use) parts.Add($"用途：{currentUse.Chinese()}→{use.Chinese()}");
        if (c.MovedOut.Count > 0) parts.Add("迁出：" + string.Join("、", c.MovedOut.Select(id => namesByResidence.GetValueOrDefault(id, "?"))));
        foreach (var m in c.MovedIn)
        {
            var r = m.Resident;
            var facts = new List<string> { m.Relation.Chinese(), r.Registration.Chinese() };
            if (r.IdNumber is { } id) facts.Add("身份证 " + PersonalNumbers.MaskIdCard(id.Value));
            if (r.Phone is { } phone) facts.Add("电话 " + PersonalNumbers.MaskPhone(phone));
            parts.Add($"新住户：{r.Name}（{string.Join("，", facts)}）");
        }
        foreach (var p in c.Phones)
            parts.Add($"改电话：{namesByPerson.GetValueOrDefault(p.PersonId, "?")} → {PersonalNumbers.MaskPhone(p.Phone)}");
        if (c.Note is { } note) parts.Add("说明：" + PersonalNumbers.MaskInText(note));
        return string.Join("；", parts);
    }
}
