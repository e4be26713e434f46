using GridGov.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>The resident channel on a phone: sign up with the (demo) SMS code, report with a map pin and a photo, follow and find it on the public map.</summary>
public sealed class ResidentBrowserTests
{
    [SkippableFact]
    public async Task A_resident_signs_up_reports_with_a_pin_and_photo_tracks_it_and_finds_it_on_the_public_map()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 60);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        var context = await s.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true,
            Geolocation = new Geolocation { Longitude = (float)lon, Latitude = (float)lat, Accuracy = 8 }, Permissions = ["geolocation"],
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"{s.BaseUrl}/r");
        await BrowserSession.Shot(phone, "40-resident-home");

        // Reporting needs an account: the report page sends us to the residents' sign-in.
        await phone.GotoAsync($"{s.BaseUrl}/r/report");
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/r/login"));

        await phone.GotoAsync($"{s.BaseUrl}/r/signup");
        var number = Residents.ResidentKit.NewPhone();
        await phone.FillAsync("#phone", "123");
        await phone.ClickAsync("button[value=send]");
        await Assertions.Expect(phone.Locator("#phone-error")).ToContainTextAsync("11 位手机号");
        await phone.FillAsync("#phone", number);
        await phone.ClickAsync("button[value=send]");
        var code = (await phone.Locator("#demo-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{6}$", code);
        await BrowserSession.Shot(phone, "41-resident-signup-code");
        await phone.FillAsync("#code", code);
        await phone.FillAsync("#password", "short");
        await phone.ClickAsync("button.primary[value=signup]");
        await Assertions.Expect(phone.Locator("#password-error")).ToContainTextAsync("至少 10 位");
        await BrowserSession.Shot(phone, "42-resident-signup-errors");
        await phone.FillAsync("#password", Residents.ResidentKit.Password);
        await phone.FillAsync("#nickname", "张阿姨");
        await phone.CheckAsync("#consent");
        await phone.PressAsync("#nickname", "Enter"); // Enter means sign up, not "send another code"

        await phone.WaitForURLAsync($"{s.BaseUrl}/r/report");

        // Field errors first, then a bulky-waste pickup with its questions, a pin from GPS and a photo.
        await phone.ClickAsync("#send");
        await Assertions.Expect(phone.Locator("#serviceCode-error")).ToHaveTextAsync("请选择服务类别");
        await Assertions.Expect(phone.Locator("#location-error")).ToContainTextAsync("请在地图上选点");
        await phone.SelectOptionAsync("#service", "1001");
        await phone.ClickAsync("#send");
        await Assertions.Expect(phone.Locator("#attributes-pickup_window-error")).ToContainTextAsync("上门时段");
        await BrowserSession.Shot(phone, "43-resident-report-errors");
        await phone.SelectOptionAsync("#q-1001-pickup_window", "weekend");
        await phone.CheckAsync("input[name=q-1001-item_types][value=furniture]");
        await phone.FillAsync("#q-1001-item_count", "2");
        await phone.FillAsync("#description", "旧衣柜两个，放在 3 栋楼下");
        await phone.SetInputFilesAsync("#photos", new FilePayload { Name = "wardrobe.png", MimeType = "image/png", Buffer = CaseTestKit.Png(640, 480) });
        await phone.ClickAsync("#locate");
        await Assertions.Expect(phone.Locator("#pin")).ToContainTextAsync("已选点");
        await BrowserSession.Shot(phone, "44-resident-report-filled");
        await phone.ClickAsync("#send");
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/r/cases/.*new=1"));
        var trackingNo = (await phone.Locator("#tracking-no").InnerTextAsync()).Trim();
        await Assertions.Expect(phone.Locator("#filed")).ToContainTextAsync(trackingNo);
        await Assertions.Expect(phone.Locator("#timeline")).ToContainTextAsync("已收到，等待受理");
        await BrowserSession.Shot(phone, "45-resident-filed");

        await using (var db = s.App.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.TrackingNo == trackingNo);
            Assert.Equal("resident", c.Source);
            Assert.Equal("张阿姨", c.ReporterName);
            Assert.StartsWith("5101040170010101", c.AreaCode);
            Assert.Equal(1, await db.CasePhotos.CountAsync(p => p.CaseId == c.Id));
        }

        // Their history, and the tracking page by number.
        await phone.GotoAsync($"{s.BaseUrl}/r/mine");
        await Assertions.Expect(phone.Locator("#my-cases")).ToContainTextAsync(trackingNo);
        await BrowserSession.Shot(phone, "46-resident-mine");
        await phone.GotoAsync($"{s.BaseUrl}/r/track");
        await phone.FillAsync("#no", trackingNo.ToLowerInvariant());
        await phone.ClickAsync("#track-form button[type=submit]");
        await phone.WaitForURLAsync($"{s.BaseUrl}/r/cases/{trackingNo}");

        // Anyone (no sign-in) sees it on the public map, without the reporter.
        var visitor = await (await s.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" })).NewPageAsync();
        await visitor.GotoAsync($"{s.BaseUrl}/map");
        await Assertions.Expect(visitor.Locator("#map-count")).ToContainTextAsync("当前范围");
        await visitor.GotoAsync($"{s.BaseUrl}/r/cases/{trackingNo}");
        await Assertions.Expect(visitor.Locator("#status")).ToHaveTextAsync("待受理");
        Assert.DoesNotContain("张阿姨", await visitor.ContentAsync());
        await BrowserSession.Shot(visitor, "47-public-case");
        await visitor.GotoAsync($"{s.BaseUrl}/map");
        await Assertions.Expect(visitor.Locator("#map-count")).ToContainTextAsync("当前范围");
        await Assertions.Expect(visitor.Locator("path.district-outline").First).ToBeAttachedAsync();
        // The new case is a marker; its popup leads to its public page.
        Assert.True(await visitor.Locator("path.leaflet-interactive:not(.district-outline)").CountAsync() >= 1);
        await BrowserSession.Shot(visitor, "48-public-map");
    }
}
