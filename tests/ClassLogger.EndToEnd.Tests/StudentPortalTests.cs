using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClassLogger.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class StudentPortalTests(EndToEndFixture browser)
{
    [Fact]
    public async Task Student_on_a_phone_books_cancels_outside_the_window_and_is_refused_inside_it()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await sample.PublishWeeklyClassesAsync(Dashboard.Maria);
        var link = await sample.IssueLinkAsync(Dashboard.Maria, "Lena Fischer");

        await using var context = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var page = await context.NewPageAsync();
        await Portal.OpenAsync(page, link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book a class with Maria Keller" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "portal-phone");
        await Accessibility.AssertNoViolationsAsync(page, "the booking page on a phone");

        // Tomorrow's class (Thursday 9 April, 10:00, 20 hours ahead): bookable after the 12-hour notice, but inside
        // the 24-hour cancellation window.
        await Portal.Slot(page, "2026-04-09", "10:00").TapAsync();
        var dialog = Portal.Dialog(page);
        await Expect(dialog).ToHaveAccessibleNameAsync("Book this class?");
        await Expect(dialog).ToContainTextAsync("Maria Keller");
        await Expect(dialog).ToContainTextAsync("You can cancel a class online until 24 hours before it starts.");
        await shots.TakeAsync(page, "confirm-booking");
        await Accessibility.AssertNoViolationsAsync(page, "the booking confirmation dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).TapAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("You are booked");
        await shots.TakeAsync(page, "booked");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(Portal.Upcoming(page)).ToHaveCountAsync(1);
        await Expect(Portal.Upcoming(page).First).ToContainTextAsync("Thu 9 Apr");
        await Expect(Portal.Slot(page, "2026-04-09", "10:00")).ToContainTextAsync("Booked by you");

        // Next Monday's class is far enough ahead to cancel online.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).TapAsync();
        await Expect(page.Locator(".cb-week__title")).ToContainTextAsync("13");
        await Portal.Slot(page, "2026-04-13", "10:00").TapAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).TapAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("You are booked");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(Portal.Upcoming(page)).ToHaveCountAsync(2);
        await shots.TakeAsync(page, "two-upcoming");

        await Portal.Upcoming(page).Filter(new() { HasText = "Mon 13 Apr" }).GetByRole(AriaRole.Button).TapAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("Cancel this class?");
        await Accessibility.AssertNoViolationsAsync(page, "the cancellation dialog");
        await shots.TakeAsync(page, "cancel-allowed");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel class" }).TapAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("Class cancelled");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(Portal.Upcoming(page)).ToHaveCountAsync(1);

        // Inside the window: the reason and the policy are shown, and the class stays booked.
        await Portal.Upcoming(page).Filter(new() { HasText = "Thu 9 Apr" }).GetByRole(AriaRole.Button).TapAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("This class can no longer be cancelled online");
        await Expect(dialog).ToContainTextAsync("You can cancel a class online until 24 hours before it starts.");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel class" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "cancel-refused");
        await Accessibility.AssertNoViolationsAsync(page, "the refused cancellation dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(Portal.Upcoming(page)).ToHaveCountAsync(1);
        await Expect(Portal.Upcoming(page).First).ToContainTextAsync("Thu 9 Apr");
    }
}
