using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>What a student does on the booking page, as Playwright steps.</summary>
public static class Portal
{
    /// <summary>Opens a share link and waits until the page can be used.</summary>
    public static async Task OpenAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Dashboard.WaitForInteractiveAsync(page, ".cb-portal");
    }

    /// <summary>The slot button of a class starting at <paramref name="time"/> (e.g. "10:00") on a day (yyyy-MM-dd).</summary>
    public static ILocator Slot(IPage page, string date, string time) =>
        page.Locator($".cb-day[data-date='{date}'] .cb-slot").Filter(new() { HasText = time });

    /// <summary>Books the class starting at <paramref name="time"/> on a day (yyyy-MM-dd) and waits for "You are booked".</summary>
    public static async Task BookAsync(IPage page, string date, string time)
    {
        await Slot(page, date, time).TapAsync();
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).TapAsync();
        await Assertions.Expect(Dialog(page)).ToHaveAccessibleNameAsync("You are booked");
    }

    public static ILocator Upcoming(IPage page) => page.Locator(".cb-mine .cb-list__item");

    public static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);
}
