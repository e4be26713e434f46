using GridGov.Web.Features.Open311;

namespace GridGov.Web.Features.Residents;

/// <summary>The services residents may ask for: active public minor categories, grouped by major, with their questions.</summary>
public sealed class PublicServices(Categories.CategoryCache categoryCache, ServiceCatalog catalog)
{
    public async Task<List<PublicService>> ListAsync(CancellationToken ct)
    {
        var all = (await categoryCache.AllAsync(ct)).Values.Where(c => c.Active).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var majors = all.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => c.Name);
        return all.Where(c => c.ParentCode is not null && c.IsPublic).Select(c =>
        {
            var extras = catalog.For(c.Code);
            var questions = extras.Attributes.Where(a => a.Variable).Select(a => new ServiceQuestion(a.Code, a.Datatype, a.Required,
                a.Label ?? a.Description ?? a.Code, a.Description, a.Values.Select(v => new ServiceQuestionOption(v.Key, v.Name)).ToList())).ToList();
            var notes = extras.Attributes.Where(a => !a.Variable).Select(a => a.Description).OfType<string>();
            var description = string.Join(" ", new[] { extras.Description }.Concat(notes).OfType<string>());
            return new PublicService(c.Code, c.Name, c.ParentCode!, majors.GetValueOrDefault(c.ParentCode!) ?? "",
                description.Length == 0 ? null : description, RequestViews.ServiceNotice(c), c.IsSensitive, questions);
        }).ToList();
    }
}
