using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClassLogger.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class TeacherScheduleTests(EndToEndFixture browser)
{
    [Fact]
    public async Task Teacher_publishes_a_weekly_series_through_the_preview()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        // A class already on Thursday 16 April, 10:30–11:30 Berlin time, in the way of the series' third class.
        await sample.CreateClassAsync(Dashboard.Maria, new DateTimeOffset(2026, 4, 16, 8, 30, 0, TimeSpan.Zero), 60);
        await using var context = await browser.NewContextAsync(sample);
        var page = await context.NewPageAsync();

        await Dashboard.SignInAsync(page, Dashboard.Maria);
        await Dashboard.OpenScheduleAsync(page);
        await shots.TakeAsync(page, "schedule-empty");
        await Accessibility.AssertNoViolationsAsync(page, "the Schedule tab");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set availability" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Set availability" });
        await dialog.GetByLabel("Every week").CheckAsync();
        await dialog.GetByLabel("Mon").CheckAsync();
        await dialog.GetByLabel("Thu").CheckAsync();
        await dialog.GetByLabel("Starting").FillAsync("2026-04-09");
        await dialog.GetByLabel("Start time").FillAsync("10:00");
        await dialog.GetByLabel("Duration (minutes)").FillAsync("60");
        await dialog.GetByLabel("For").SelectOptionAsync("4");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var rows = dialog.Locator(".cb-preview__row");
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Preview: 7 classes to create, 1 conflict" })).ToBeVisibleAsync();
        var conflict = dialog.Locator(".cb-preview__row[data-conflict=true]");
        await Assertions.Expect(conflict).ToHaveCountAsync(1);
        await Assertions.Expect(conflict).ToContainTextAsync("Thu 16 Apr, 10:00–11:00");
        await Assertions.Expect(page.Locator(".cb-slot")).ToHaveCountAsync(0); // the preview wrote nothing
        await shots.TakeAsync(page, "availability-preview");
        await Accessibility.AssertNoViolationsAsync(page, "the availability dialog with its preview");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".cb-result")).ToContainTextAsync("7");
        await Assertions.Expect(dialog.Locator(".cb-skipped")).ToContainTextAsync("16 Apr");
        await shots.TakeAsync(page, "availability-saved");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // This week (6–12 April) shows Thursday's class at 10:00 Berlin time.
        var thursday = page.Locator("td[data-date='2026-04-09'][data-hour='10'] .cb-slot");
        await Assertions.Expect(thursday).ToHaveCountAsync(1);
        await Assertions.Expect(thursday).ToContainTextAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        await Assertions.Expect(page.Locator("td[data-hour='10'] .cb-slot")).ToHaveCountAsync(2);
        await Assertions.Expect(ScheduleGrid.Cell(page, "2026-04-13", 10).Locator(".cb-slot")).ToContainTextAsync("10:00–11:00");
        await Assertions.Expect(ScheduleGrid.Cell(page, "2026-04-16", 10).Locator(".cb-slot")).ToContainTextAsync("10:30–11:30");
        await shots.TakeAsync(page, "schedule-next-week");
    }

    [Fact]
    public async Task Teacher_creates_a_class_by_dragging_over_free_hours_and_moves_it_by_drag_and_drop()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        // Tall enough that the whole day is on screen: a drag starts and ends on visible cells, as a person's does.
        await using var context = await browser.NewContextAsync(sample, 1280, 1300);
        var page = await context.NewPageAsync();
        await Dashboard.SignInAsync(page, Dashboard.Maria);
        await Dashboard.OpenScheduleAsync(page);

        // Press on Friday 09:00, drag to 10:00, release: a two-hour class from 09:00.
        var from = ScheduleGrid.Cell(page, "2026-04-10", 9);
        var to = ScheduleGrid.Cell(page, "2026-04-10", 10);
        await from.HoverAsync();
        await page.Mouse.DownAsync();
        await to.HoverAsync();
        await Expect(page.Locator(".cb-cell--selected")).ToHaveCountAsync(2);
        await page.Mouse.UpAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New class" });
        await Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("09:00");
        await Expect(dialog.GetByLabel("Duration (minutes)")).ToHaveValueAsync("120");
        await shots.TakeAsync(page, "new-class-dialog");
        await Accessibility.AssertNoViolationsAsync(page, "the New class dialog");

        // Bad input is refused next to its field and nothing is created.
        await dialog.GetByLabel("Seats").FillAsync("0");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog.GetByLabel("Seats")).ToHaveAttributeAsync("aria-invalid", "true");
        await shots.TakeAsync(page, "new-class-invalid");
        await Expect(page.Locator(".cb-slot")).ToHaveCountAsync(0);

        await dialog.GetByLabel("Seats").FillAsync("2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var created = ScheduleGrid.Cell(page, "2026-04-10", 9).Locator(".cb-slot");
        await Expect(created).ToContainTextAsync("09:00–11:00");
        await Expect(created).ToContainTextAsync("0 of 2 seats booked");
        await Expect(page.Locator(".cb-schedule [role=status]")).ToContainTextAsync("Created a class");

        // Drag it to Saturday 14:00: same length and seats, new time.
        await created.DragToAsync(ScheduleGrid.Cell(page, "2026-04-11", 14));
        var moved = ScheduleGrid.Cell(page, "2026-04-11", 14).Locator(".cb-slot");
        await Expect(moved).ToContainTextAsync("14:00–16:00");
        await Expect(page.Locator(".cb-slot")).ToHaveCountAsync(1);
        await shots.TakeAsync(page, "class-moved");
        await Accessibility.AssertNoViolationsAsync(page, "the Schedule tab with a class");
    }

    [Fact]
    public async Task Teacher_creates_and_moves_a_class_with_the_keyboard_only()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await using var context = await browser.NewContextAsync(sample, 1280, 1300);
        var page = await context.NewPageAsync();
        await Dashboard.SignInAsync(page, Dashboard.Maria);
        await Dashboard.OpenScheduleAsync(page);

        // The grid is one tab stop; arrow keys walk it.
        await Keyboard.TabToAsync(page, "[role=grid] [tabindex='0']");
        await ScheduleGrid.ArrowToAsync(page, "2026-04-10", 11);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New class" });
        await Expect(dialog.GetByLabel("Start time")).ToHaveValueAsync("11:00");
        await Keyboard.TabToAsync(page, "[role=dialog] button.cb-button--primary");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        var slot = ScheduleGrid.Cell(page, "2026-04-10", 11).Locator(".cb-slot__open");
        await Expect(slot).ToBeFocusedAsync();
        await shots.TakeAsync(page, "created-with-keyboard");

        // Enter on the class opens its dialog; Escape closes it and gives focus back.
        await page.Keyboard.PressAsync("Enter");
        var actions = page.GetByRole(AriaRole.Dialog, new() { Name = "Move or delete this class" });
        await Expect(actions.GetByLabel("Start time")).ToHaveValueAsync("11:00");
        await Accessibility.AssertNoViolationsAsync(page, "the Move or delete dialog");
        await shots.TakeAsync(page, "class-dialog");
        await page.Keyboard.PressAsync("Escape");
        await Expect(actions).ToHaveCountAsync(0);
        await Expect(slot).ToBeFocusedAsync();

        // Alt+Down moves it an hour later, Alt+Right a day later.
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await Expect(ScheduleGrid.Cell(page, "2026-04-10", 12).Locator(".cb-slot")).ToContainTextAsync("12:00–13:00");
        await page.Locator("[role=grid] .cb-slot__open").FocusAsync();
        await Expect(page.Locator("[role=grid] .cb-slot__open")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+ArrowRight");
        await Expect(ScheduleGrid.Cell(page, "2026-04-11", 12).Locator(".cb-slot")).ToContainTextAsync("12:00–13:00");
        await Expect(page.Locator(".cb-slot")).ToHaveCountAsync(1);
        await shots.TakeAsync(page, "moved-with-keyboard");

        // Delete asks first; Escape keeps the class.
        await page.Locator("[role=grid] .cb-slot__open").FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        var delete = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this class?" });
        await Expect(delete).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the delete confirmation");
        await page.Keyboard.PressAsync("Escape");
        await Expect(delete).ToHaveCountAsync(0);
        await Expect(page.Locator(".cb-slot")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task On_a_phone_the_week_becomes_a_day_view_changed_by_buttons_and_swipes()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
        await sample.PublishWeeklyClassesAsync(Dashboard.Maria);
        await using var context = await browser.NewContextAsync(sample, 390, 844, touch: true);
        var page = await context.NewPageAsync();
        await Dashboard.SignInAsync(page, Dashboard.Maria);
        await Dashboard.OpenScheduleAsync(page);

        // Today (Wednesday) is shown alone; the other days' columns are hidden.
        var shownDay = page.Locator(".cb-schedule__scroll");
        await Expect(shownDay).ToHaveAttributeAsync("data-selected-day", "2026-04-08");
        await Expect(page.Locator("th[data-date='2026-04-09']")).ToBeHiddenAsync();
        await shots.TakeAsync(page, "day-view");
        await Accessibility.AssertNoViolationsAsync(page, "the Schedule tab on a phone");

        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next day" });
        var box = await next.BoundingBoxAsync();
        Assert.True(box is { Width: >= 44, Height: >= 44 }, $"The Next day button is {box?.Width}×{box?.Height} px, under 44×44.");
        await next.TapAsync();
        await Expect(shownDay).ToHaveAttributeAsync("data-selected-day", "2026-04-09");
        await Expect(page.Locator("th[data-date='2026-04-09']")).ToBeVisibleAsync();
        await Expect(ScheduleGrid.Cell(page, "2026-04-09", 10).Locator(".cb-slot")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "thursday");

        // A swipe to the left shows the next day, to the right the day before.
        await ScheduleGrid.SwipeAsync(page, shownDay, -160);
        await Expect(shownDay).ToHaveAttributeAsync("data-selected-day", "2026-04-10");
        await ScheduleGrid.SwipeAsync(page, shownDay, 160);
        await Expect(shownDay).ToHaveAttributeAsync("data-selected-day", "2026-04-09");
        await ScheduleGrid.SwipeAsync(page, shownDay, 160);
        await Expect(shownDay).ToHaveAttributeAsync("data-selected-day", "2026-04-08");
        // The swipes stayed on the page: none was taken as the browser's "back".
        Assert.EndsWith("/schedule", page.Url, StringComparison.Ordinal);
        await shots.TakeAsync(page, "after-swipes");
    }
}
