using System.Text.RegularExpressions;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GridGov.Web.Tests.Ui;

/// <summary>Pages go out as UTF-8 text: Chinese is sent as characters, markup in user text is still escaped.</summary>
public sealed partial class PageEncodingTests(Apps apps, ITestOutputHelper output) : IClassFixture<Apps>
{
    // A character reference for a CJK ideograph (U+3400–U+9FFF), as the Basic Latin encoder wrote every one.
    [GeneratedRegex("&#x(3[4-9A-F]|[4-9][0-9A-F])[0-9A-F]{2};", RegexOptions.IgnoreCase)]
    private static partial Regex CjkEntity();

    [SkippableFact]
    public async Task The_login_page_sends_chinese_as_characters()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateClient().GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();
        output.WriteLine($"/login: {System.Text.Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("网格", html);
        Assert.Contains("登录", html);
        Assert.DoesNotMatch(CjkEntity(), html);
    }

    [SkippableFact]
    public async Task A_case_page_shows_chinese_text_and_escapes_markup_from_the_description()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var micro = await app.ClientFor("sjf.micro");
        var (lon, lat) = await Cases.CaseTestKit.PointIn(app);
        var (status, body) = await micro.PostJson("/api/cases", new
        {
            categoryCode = "0101", description = "井盖缺失<script>alert('x')</script>&amp; \"危险\"", lon, lat, source = "patrol",
            addressText = "水井坊街道口",
        });
        Assert.True(status is 200 or 201, body.ToString());
        var id = body.GetProperty("case").GetProperty("id").GetInt64();

        var response = await (await app.ClientFor("sjf.secretary")).GetAsync($"/cases/{id}");
        var html = await response.Content.ReadAsStringAsync();
        output.WriteLine($"/cases/{id}: {System.Text.Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("井盖缺失", html);
        Assert.Contains("水井坊街道口", html);
        Assert.DoesNotMatch(CjkEntity(), html);
        // The description's markup stays text.
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;amp; &quot;危险&quot;", html);
    }
}
