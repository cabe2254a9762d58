using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>The calendar feeds in the browser: the teacher makes and copies her feed address, the student finds theirs.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class CalendarFeedTests(EndToEndFixture browser)
{
    [Fact]
    public async Task Teacher_makes_copies_and_reads_her_feed_address_and_the_student_finds_theirs_on_the_portal()
    {
        await using var sample = EndToEndFixture.StartSample();
        await sample.PublishWeeklyClassesAsync(Dashboard.Maria);
        await using var teacherContext = await browser.NewContextAsync(sample);
        await teacherContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var teacher = await teacherContext.NewPageAsync();
        await Dashboard.SignInAsync(teacher, Dashboard.Maria);

        await teacher.GotoAsync("/links");
        await Dashboard.WaitForInteractiveAsync(teacher, ".cb-feed-panel");
        var panel = teacher.Locator(".cb-feed-panel");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Create feed address" }).ClickAsync();
        var address = panel.GetByRole(AriaRole.Textbox, new() { Name = "Your calendar feed address" });
        await Expect(address).ToHaveValueAsync(FeedAddress());
        var url = await address.InputValueAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Add to my calendar" })).ToHaveAttributeAsync("href", "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..]);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Copy your calendar feed address" }).ClickAsync();
        await Expect(panel.Locator("[data-copy-state=copied]")).ToBeVisibleAsync();
        Assert.Equal(url, await teacher.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Accessibility.AssertNoViolationsAsync(teacher, "the booking links page with a new feed address shown");

        // What a calendar app reads there: no cookie, the week's classes as open slots.
        var calendarApp = await browser.Browser.NewContextAsync();
        var feed = await calendarApp.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Open: 1 seat", await feed.TextAsync(), StringComparison.Ordinal);
        await calendarApp.DisposeAsync();

        await using var studentContext = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var student = await studentContext.NewPageAsync();
        await Portal.OpenAsync(student, await sample.IssueLinkAsync(Dashboard.Maria, "Lena Fischer"));
        var subscribe = student.GetByRole(AriaRole.Link, new() { Name = "Add to my calendar" });
        await subscribe.ScrollIntoViewIfNeededAsync();
        await Expect(subscribe).ToHaveAttributeAsync("href", new Regex("^webcal://127\\.0\\.0\\.1:[0-9]+/api/booking/[A-Za-z0-9_-]{43}/calendar\\.ics$"));
        await Accessibility.AssertNoViolationsAsync(student, "the portal with its calendar feed");
    }

    [GeneratedRegex("^http://127\\.0\\.0\\.1:[0-9]+/api/calendar-feed/[A-Za-z0-9_-]{43}/calendar\\.ics$")]
    private static partial Regex FeedAddress();
}
