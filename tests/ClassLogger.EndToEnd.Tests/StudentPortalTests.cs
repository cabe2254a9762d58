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

    [Fact]
    public async Task Student_books_with_the_keyboard_only_in_their_own_time_zone()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await sample.PublishWeeklyClassesAsync(Dashboard.Maria);
        var link = await sample.IssueLinkAsync(Dashboard.Maria, "Hannah Kim");

        await using var context = await browser.NewContextAsync(sample);
        var page = await context.NewPageAsync();
        await Portal.OpenAsync(page, link);
        // Hannah is in New York: Maria's 10:00 in Berlin is 04:00 for her, and the page says whose zone is whose.
        await Expect(page.Locator(".cb-portal__zone")).ToContainTextAsync("America/New_York");
        await Expect(page.Locator(".cb-portal__zone")).ToContainTextAsync("Europe/Berlin");

        const string slot = ".cb-day[data-date='2026-04-09'] .cb-slot--available";
        await Expect(page.Locator(slot)).ToContainTextAsync("04:00–05:00");
        await Keyboard.TabToAsync(page, slot);
        await shots.TakeAsync(page, "slot-focused");
        await page.Keyboard.PressAsync("Enter");

        var dialog = Portal.Dialog(page);
        await Expect(dialog).ToHaveAccessibleNameAsync("Book this class?");
        await Expect(dialog).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveAccessibleNameAsync("You are booked");
        await shots.TakeAsync(page, "booked-with-keyboard");

        // Focus stays inside the dialog while it is open, and Escape closes it and gives focus back to the class.
        for (var i = 0; i < 4; i++)
        {
            // The trap's edge sends focus back in through the circuit, so focus is awaited, not read at once.
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator("[role=dialog]:focus, [role=dialog] :focus")).ToHaveCountAsync(1);
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        var booked = page.Locator(".cb-day[data-date='2026-04-09'] .cb-slot--booked");
        await Expect(booked).ToBeFocusedAsync();
        await Expect(booked).ToContainTextAsync("Booked by you");
        await Expect(Portal.Upcoming(page)).ToHaveCountAsync(1);
        await Expect(page.Locator(".cb-status")).ToContainTextAsync("04:00");
        await shots.TakeAsync(page, "focus-returned");
    }

    [Fact]
    public async Task A_regenerated_link_shows_the_friendly_page_with_404()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        var old = await sample.IssueLinkAsync(Dashboard.Maria, "Lena Fischer");
        await sample.IssueLinkAsync(Dashboard.Maria, "Lena Fischer");

        await using var context = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(old);
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link no longer works" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("ask your teacher for a new link", new() { IgnoreCase = true });
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Maria");
        await shots.TakeAsync(page, "invalid-link");
        await Accessibility.AssertNoViolationsAsync(page, "the page of an invalid link");
    }
}
