using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>The teacher's bell in the dashboard's header, live while the dashboard is open.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NotificationBellTests(EndToEndFixture browser)
{
    [Fact]
    public async Task The_teachers_open_dashboard_shows_a_booking_made_in_another_browser_without_a_reload()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await sample.PublishWeeklyClassesAsync(Dashboard.Maria);
        var link = await sample.IssueLinkAsync(Dashboard.Maria, "Lena Fischer");

        // Maria's dashboard is open; nothing has happened yet.
        await using var teacherContext = await browser.NewContextAsync(sample);
        var teacher = await teacherContext.NewPageAsync();
        await Dashboard.SignInAsync(teacher, Dashboard.Maria);
        await Dashboard.OpenScheduleAsync(teacher);
        await Dashboard.WaitForInteractiveAsync(teacher, ".cb-bell");
        var bell = Dashboard.Bell(teacher);
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, none unread");
        // A reload would lose this: the update must arrive in the page as it is.
        await teacher.EvaluateAsync("() => { window.openedBeforeTheBooking = true; }");

        // Lena books tomorrow's class on her phone, in a browser of her own.
        await using var studentContext = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var student = await studentContext.NewPageAsync();
        await Portal.OpenAsync(student, link);
        await Portal.BookAsync(student, "2026-04-09", "10:00");

        // The sample's clock is a fake one that stands still: one poll interval passes on it, as it would by itself.
        sample.Time.Advance(TimeSpan.FromSeconds(1));

        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 1 unread");
        await Expect(teacher.Locator(".cb-bell__badge")).ToHaveTextAsync("1");
        Assert.True(await teacher.EvaluateAsync<bool>("() => window.openedBeforeTheBooking === true"), "The dashboard was reloaded.");
        await bell.ClickAsync();
        var notices = Dashboard.Notices(teacher);
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        var notice = notices.Locator(".cb-notice").First;
        await Expect(notice).ToContainTextAsync("Lena Fischer booked a class.");
        await Expect(notice).ToContainTextAsync("Class on Thu 9 Apr, 10:00–11:00");
        await Expect(notice).ToContainTextAsync("just now");
        await Expect(notices).ToBeFocusedAsync();
        await shots.TakeAsync(teacher, "bell-open");
        await Accessibility.AssertNoViolationsAsync(teacher, "the Schedule tab with the notifications open");

        // Selecting the notice marks it read; Escape closes the list and focus goes back to the bell.
        await notice.ClickAsync();
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, none unread");
        await Expect(notice).ToHaveAttributeAsync("aria-disabled", "true");
        await teacher.Keyboard.PressAsync("Escape");
        await Expect(notices).ToHaveCountAsync(0);
        await Expect(bell).ToBeFocusedAsync();
        await Expect(bell).ToHaveAttributeAsync("aria-expanded", "false");
        await shots.TakeAsync(teacher, "bell-read");
    }
}
