using GridGov.Web.Tests.Browser.Pages;
using GridGov.Web.Tests.Cases;
using GridGov.Web.Tests.Residents;
using GridGov.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridGov.Web.Tests.Browser;

/// <summary>
/// A resident's bulky-waste pickup from the confirmation to the closure, on a phone: the confirmation repeats what
/// was asked and says when in words; the closed case shows the photo of the result and the handler's words.
/// </summary>
public sealed class ResidentJourneyBrowserTests
{
    [SkippableFact]
    public async Task A_resident_sees_what_was_asked_when_it_will_be_done_and_then_the_result_with_its_photo()
    {
        await using var s = await BrowserSession.StartAsync(demoCases: 0);
        var (lon, lat) = await CaseTestKit.PointIn(s.App);
        // A resident signed up through the API (the sign-up page has its own test), over real HTTP to Kestrel.
        var resident = new HttpClient { BaseAddress = new Uri(s.BaseUrl) };
        var number = ResidentKit.NewPhone();
        var code = await ResidentKit.SendCode(resident, number);
        Assert.Equal(201, (await resident.PostJson("/api/resident/signup", new { consent = true, phone = number, code, password = ResidentKit.Password, nickname = "李阿姨" })).Status);
        var (_, login) = await resident.PostJson("/api/resident/login", new { phone = number, password = ResidentKit.Password });
        resident.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var filed = await ResidentKit.File(resident, ResidentKit.BulkyWaste(lon, lat));
        var trackingNo = filed.GetProperty("trackingNo").GetString()!;
        var id = filed.GetProperty("id").GetInt64();

        var context = await s.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true,
        });
        var phone = await context.NewPageAsync();
        await new ResidentSignInPage(phone, s.BaseUrl).SignInAsync(number, ResidentKit.Password);
        var casePage = new ResidentCasePage(phone, s.BaseUrl);
        await casePage.OpenAsync(trackingNo, justFiled: true);
        var what = await casePage.WhatAsync();
        Assert.Contains("周末", what);      // the pickup window asked for
        Assert.Contains("2", what);         // the number of items
        Assert.Matches(@"\d+月\d+日（星期[日一二三四五六]）", await casePage.WhenAsync());
        await casePage.ShotAsync("64-resident-confirmation");

        // The community handles it: registered, dispatched, reported done with a photo and a note, verified.
        var secretary = await s.App.ClientFor("sjf.secretary");
        var worker = await s.App.ClientFor("sjf.worker");
        Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "register")).Status);
        Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "dispatch", new { assigneeUserId = await CaseTestKit.UserId(worker) })).Status);
        Assert.Equal(200, (await CaseTestKit.Act(worker, id, "accept")).Status);
        Assert.Equal(200, (await CaseTestKit.Act(worker, id, "feedback", new
        {
            photoIds = new[] { await CaseTestKit.UploadPhoto(worker) }, note = "已清运完毕，有问题请联系 13800138000",
        })).Status);
        Assert.Equal(200, (await CaseTestKit.Act(secretary, id, "verify_pass")).Status);

        await casePage.OpenAsync(trackingNo);
        Assert.Equal("已办结", (await casePage.Status.InnerTextAsync()).Trim());
        Assert.Equal(1, await casePage.PhotosAfter.CountAsync());
        var note = await casePage.HandlerNoteAsync();
        Assert.Contains("已清运完毕", note);
        Assert.DoesNotContain("13800138000", note); // numbers in free text are masked
        await casePage.ShotAsync("65-resident-closed-with-photo");
    }
}
