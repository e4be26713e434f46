using GridGov.Web.Tests.Browser.Pages;
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
        var home = new ResidentHomePage(phone, s.BaseUrl);
        await home.OpenAsync();
        await home.ShotAsync("40-resident-home");

        // Reporting needs an account: the report page sends us to the residents' sign-in.
        var report = new ResidentReportPage(phone, s.BaseUrl);
        await report.OpenAsync();
        await new ResidentSignInPage(phone, s.BaseUrl).WaitUntilShownAsync();

        var signUp = new ResidentSignUpPage(phone, s.BaseUrl);
        await signUp.OpenAsync();
        var number = Residents.ResidentKit.NewPhone();
        await signUp.SendCodeAsync("123");
        await Assertions.Expect(signUp.FieldError("phone")).ToContainTextAsync("11 位手机号");
        await signUp.SendCodeAsync(number);
        var code = await signUp.DemoCodeAsync();
        Assert.Matches(@"^\d{6}$", code);
        await signUp.ShotAsync("41-resident-signup-code");
        await signUp.FillAsync(code: code, password: "short");
        await signUp.SubmitAsync();
        await Assertions.Expect(signUp.FieldError("password")).ToContainTextAsync("至少 10 位");
        await signUp.ShotAsync("42-resident-signup-errors");
        await signUp.FillAsync(password: Residents.ResidentKit.Password, nickname: "张阿姨", consent: true);
        await signUp.PressEnterAsync(); // Enter means sign up, not "send another code"

        await report.WaitUntilShownAsync();

        // Field errors first, then a bulky-waste pickup with its questions, a pin from GPS and a photo.
        await report.SendAsync();
        await Assertions.Expect(report.FieldError("serviceCode")).ToHaveTextAsync("请选择服务类别");
        await Assertions.Expect(report.FieldError("location")).ToContainTextAsync("请在地图上选点");
        await report.ChooseServiceAsync("1001");
        await report.SendAsync();
        await Assertions.Expect(report.FieldError("attributes-pickup_window")).ToContainTextAsync("上门时段");
        await report.ShotAsync("43-resident-report-errors");
        await report.ChooseAnswerAsync("1001", "pickup_window", "weekend");
        await report.TickAnswerAsync("1001", "item_types", "furniture");
        await report.TypeAnswerAsync("1001", "item_count", "2");
        await report.DescribeAsync("旧衣柜两个，放在 3 栋楼下");
        await report.AttachPhotoAsync(new FilePayload { Name = "wardrobe.png", MimeType = "image/png", Buffer = CaseTestKit.Png(640, 480) });
        await report.LocateAsync();
        await Assertions.Expect(report.Pin).ToContainTextAsync("已选点");
        await report.ShotAsync("44-resident-report-filled");
        await report.SendAsync();
        await report.WaitUntilFiledAsync();
        var filed = new ResidentCasePage(phone, s.BaseUrl);
        var trackingNo = await filed.TrackingNoAsync();
        await Assertions.Expect(filed.Filed).ToContainTextAsync(trackingNo);
        await Assertions.Expect(filed.Timeline).ToContainTextAsync("已收到，等待受理");
        await filed.ShotAsync("45-resident-filed");

        await using (var db = s.App.Db())
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.TrackingNo == trackingNo);
            Assert.Equal("resident", c.Source);
            Assert.Equal("张阿姨", c.ReporterName);
            Assert.StartsWith("5101040170010101", c.AreaCode);
            Assert.Equal(1, await db.CasePhotos.CountAsync(p => p.CaseId == c.Id));
        }

        // Their history, and the tracking page by number.
        var mine = new ResidentMinePage(phone, s.BaseUrl);
        await mine.OpenAsync();
        await Assertions.Expect(mine.Cases).ToContainTextAsync(trackingNo);
        await mine.ShotAsync("46-resident-mine");
        await mine.TrackAsync(trackingNo.ToLowerInvariant(), trackingNo);

        // Anyone (no sign-in) sees it on the public map, without the reporter.
        var visitor = await (await s.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" })).NewPageAsync();
        var map = new PublicMapPage(visitor, s.BaseUrl);
        await map.OpenAsync();
        await Assertions.Expect(map.Count).ToContainTextAsync("当前范围");
        var publicCase = new ResidentCasePage(visitor, s.BaseUrl);
        await publicCase.OpenAsync(trackingNo);
        await Assertions.Expect(publicCase.Status).ToHaveTextAsync("待受理");
        Assert.DoesNotContain("张阿姨", await visitor.ContentAsync());
        await publicCase.ShotAsync("47-public-case");
        await map.OpenAsync();
        await Assertions.Expect(map.Count).ToContainTextAsync("当前范围");
        await Assertions.Expect(map.DistrictOutlines.First).ToBeAttachedAsync();
        // The new case is a marker; its popup leads to its public page.
        Assert.True(await map.Markers.CountAsync() >= 1);
        await map.ShotAsync("48-public-map");
    }
}
