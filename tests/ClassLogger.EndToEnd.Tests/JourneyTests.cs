using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>The whole way through the sample: the teacher sets things up in the dashboard, the student books on a phone.</summary>
[Collection(SharedBrowser.Name)]
public sealed class JourneyTests(EndToEndFixture browser)
{
    [Fact]
    public async Task Teacher_publishes_and_shares_a_link_the_student_books_and_the_teacher_sees_it_in_the_students_colour()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await using var teacherContext = await browser.NewContextAsync(sample);
        var teacher = await teacherContext.NewPageAsync();
        await Dashboard.SignInAsync(teacher, Dashboard.Maria);

        // A weekly series through the preview.
        await Dashboard.OpenScheduleAsync(teacher);
        await Dashboard.PublishWeeklySeriesAsync(teacher, "2026-04-09", "10:00", weeks: "4", "Mon", "Thu");
        await shots.TakeAsync(teacher, "series-published");

        // A link for Lena, and a colour for her.
        await teacher.GotoAsync("/links");
        await Dashboard.WaitForInteractiveAsync(teacher, ".cb-panel");
        var lena = teacher.Locator("article.cb-student-links").Filter(new() { HasText = "Lena Fischer" });
        await lena.GetByRole(AriaRole.Button, new() { Name = "Create link for Lena Fischer" }).ClickAsync();
        var linkInput = lena.GetByLabel("Booking link for Lena Fischer");
        await Expect(linkInput).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/book/maria-keller/[A-Za-z0-9_-]{43}$"));
        var link = await linkInput.InputValueAsync();
        await teacherContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await lena.GetByRole(AriaRole.Button, new() { Name = "Copy link for Lena Fischer" }).ClickAsync();
        await Expect(lena.Locator("[data-copy-state=copied]")).ToBeVisibleAsync();
        Assert.Equal(link, await teacher.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(lena.GetByRole(AriaRole.Link, new() { Name = "E-mail link to Lena Fischer" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:lena\\.fischer@example\\.com\\?"));
        await lena.GetByRole(AriaRole.Radio, new() { Name = "Purple" }).CheckAsync();
        await Expect(teacher.Locator(".cb-panel .cb-status")).ToContainTextAsync("Lena Fischer is now shown in purple.");
        await shots.TakeAsync(teacher, "link-created");
        await Accessibility.AssertNoViolationsAsync(teacher, "the booking links page with a new link shown");

        // Lena books tomorrow's class on her phone.
        await using var studentContext = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var student = await studentContext.NewPageAsync();
        await Portal.OpenAsync(student, link);
        await shots.TakeAsync(student, "student-portal");
        await Portal.BookAsync(student, "2026-04-09", "10:00");
        await Portal.Dialog(student).GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(Portal.Upcoming(student)).ToContainTextAsync("Thu 9 Apr");
        await shots.TakeAsync(student, "student-booked");

        // The teacher's week shows the booking in Lena's purple, and the links page shows her link was used.
        await Dashboard.OpenScheduleAsync(teacher);
        var booking = teacher.Locator("td[data-date='2026-04-09'][data-hour='10'] .cb-student").Filter(new() { HasText = "Lena Fischer" });
        await Expect(booking).ToHaveCSSAsync("color", "rgb(91, 42, 134)");
        await Expect(booking).ToHaveCSSAsync("background-color", "rgb(239, 228, 250)");
        await shots.TakeAsync(teacher, "schedule-with-booking");
        await Accessibility.AssertNoViolationsAsync(teacher, "the Schedule tab with a booking");

        await teacher.GotoAsync("/links");
        await Dashboard.WaitForInteractiveAsync(teacher, ".cb-panel");
        await Expect(lena.Locator("[data-usage=uses]")).ToHaveTextAsync("1");
        await Expect(lena.Locator("[data-usage=devices]")).ToHaveTextAsync("1");
        await Expect(teacher.Locator("article.cb-student-links").Filter(new() { HasText = "Jonas Weber" }).Locator("[data-usage=uses]")).ToHaveTextAsync("0");
        await shots.TakeAsync(teacher, "link-used");

        // Regenerating asks first; keeping the link changes nothing.
        await lena.GetByRole(AriaRole.Button, new() { Name = "Regenerate link for Lena Fischer" }).ClickAsync();
        var confirm = teacher.GetByRole(AriaRole.Dialog, new() { Name = "Regenerate the link for Lena Fischer?" });
        await Expect(confirm).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(teacher, "the regenerate-link dialog");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep the current link" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);

        // The Students tab's card of Lena shows her next class and her link.
        await teacher.GotoAsync("/students");
        var card = teacher.Locator("article.student-card").Filter(new() { HasText = "Lena Fischer" });
        await Expect(card.Locator("[data-booking=next-class]")).ToContainTextAsync("9 Apr");
        await Expect(card.Locator("[data-booking=link]")).ToHaveAttributeAsync("data-link-state", "active");
        await shots.TakeAsync(teacher, "students-tab");
        await Accessibility.AssertNoViolationsAsync(teacher, "the Students tab");

        // The link still works after "Keep the current link".
        await Portal.OpenAsync(student, link);
        await Expect(Portal.Upcoming(student)).ToContainTextAsync("Thu 9 Apr");
    }
}
