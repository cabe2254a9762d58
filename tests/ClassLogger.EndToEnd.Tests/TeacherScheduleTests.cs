using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class TeacherScheduleTests(EndToEndFixture browser)
{
    [Fact]
    public async Task Teacher_publishes_a_weekly_series_through_the_preview()
    {
        var shots = new StepShots();
        await using var sample = EndToEndFixture.StartSample();
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
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Preview: 8 classes to create" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "availability-preview");
        await Accessibility.AssertNoViolationsAsync(page, "the availability dialog with its preview");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".cb-result")).ToContainTextAsync("8");
        await shots.TakeAsync(page, "availability-saved");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // This week (6–12 April) shows Thursday's class at 10:00 Berlin time.
        var thursday = page.Locator("td[data-date='2026-04-09'][data-hour='10'] .cb-slot");
        await Assertions.Expect(thursday).ToHaveCountAsync(1);
        await Assertions.Expect(thursday).ToContainTextAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        await Assertions.Expect(page.Locator("td[data-hour='10'] .cb-slot")).ToHaveCountAsync(2);
        await shots.TakeAsync(page, "schedule-next-week");
    }
}
