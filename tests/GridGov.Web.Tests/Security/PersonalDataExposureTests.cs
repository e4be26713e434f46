using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Security;

/// <summary>No personal number appears unmasked in any list, export or stored row; only /contact reveals it.</summary>
public sealed class PersonalDataExposureTests(Apps apps) : IClassFixture<Apps>
{
    private const string Grid = "51010401700101";
    private const string Phone = "13912345678";
    private static readonly string IdNumber = IdCard.WithCheckCharacter("51010419850715002");

    [SkippableTheory, BothDatabases]
    public async Task Lists_exports_and_the_audit_log_only_ever_show_masked_numbers(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.CreateStaffMember("sjf.secretary", "孙丽", "510104017001", Phone, IdNumber);
        var secretary = await app.ClientFor("sjf.secretary");
        await secretary.PostOk($"/api/grids/{Grid}/assignments", new { staffMemberId = id, role = "volunteer", note = "楼栋长" });
        var (unmasked, contact) = await (await app.ClientFor("sjf.staff")).GetText($"/api/staff/{id}/contact?reason=电话回访");
        Assert.Equal(200, unmasked);
        Assert.Contains(Phone, contact); // the one place the numbers may appear

        var city = await app.ClientFor("city.admin");
        var reads = new (HttpClient Client, string Url, string? MustContain)[]
        {
            (secretary, $"/api/grids/{Grid}/members", "139****5678"),
            (secretary, $"/api/grids/{Grid}/assignments", "139****5678"),
            (await app.ClientFor("sjf.head"), $"/api/grids/{Grid}/members", "139****5678"),
            (secretary, $"/api/staff/{id}", IdCard.Masked(IdNumber)),
            (city, "/api/audit?limit=500", "139****5678"),                  // the create, with before → after
            (city, "/api/audit?action=unmask&limit=500", "电话回访"),
            (await app.ClientFor("jgy.admin"), "/api/audit?limit=500", "139****5678"),
            (city, "/api/boundaries/export?area=510104017001", Grid),
            (secretary, "/api/boundaries/export", Grid),
            (city, "/api/regions/510104017001", null),
        };
        foreach (var (client, url, mustContain) in reads)
        {
            var (status, text) = await client.GetText(url);
            Assert.True(status == 200, $"{url}: {status} {text}");
            if (mustContain is not null) Assert.Contains(mustContain, text); // the page is the one with the person
            Assert.False(text.Contains(Phone, StringComparison.Ordinal), $"{url} shows the full phone");
            Assert.False(text.Contains(IdNumber, StringComparison.OrdinalIgnoreCase), $"{url} shows the full ID number");
            if (!url.Contains("export", StringComparison.Ordinal)) // coordinates are long digit strings
                Assert.False(text.Contains(IdNumber[6..14], StringComparison.Ordinal), $"{url} shows the birth date");
        }
    }

    [SkippableTheory, BothDatabases]
    public async Task The_numbers_are_stored_encrypted_and_the_audit_table_holds_only_masks(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.CreateStaffMember("sjf.secretary", "周燕", "510104017001", Phone, IdNumber);
        await (await app.ClientFor("sjf.staff")).GetText($"/api/staff/{id}/contact?reason=核实身份");

        await using var db = app.Db();
        var row = await db.StaffMembers.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal("139****5678", row.PhoneMasked);
        Assert.NotNull(row.PhoneCipher);
        Assert.DoesNotContain(Phone, row.PhoneCipher);
        Assert.DoesNotContain(IdNumber, row.IdNumberCipher!);
        var audit = await db.AuditLog.AsNoTracking().Select(e => (e.Summary ?? "") + "|" + (e.Reason ?? "")).ToListAsync();
        Assert.Contains(audit, a => a.Contains("139****5678", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Contains(Phone, StringComparison.Ordinal) || a.Contains(IdNumber, StringComparison.Ordinal));
    }
}
