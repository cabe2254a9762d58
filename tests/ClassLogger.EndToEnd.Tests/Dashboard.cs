using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>What a person does in the sample dashboard, as Playwright steps.</summary>
public static class Dashboard
{
    public const string Maria = "maria@classlogger.test";
    public const string James = "james@classlogger.test";
    public const string Password = "Demo!2345";

    /// <summary>Signs in through the login form and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Waits until an interactive component's circuit is connected (its <c>data-interactive</c> is true).</summary>
    public static Task WaitForInteractiveAsync(IPage page, string selector) =>
        page.Locator($"{selector}[data-interactive=true]").WaitForAsync();

    /// <summary>The notification bell in the dashboard's header (its name says how many notices are unread).</summary>
    public static ILocator Bell(IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, ") });

    /// <summary>The bell's open list of notices.</summary>
    public static ILocator Notices(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = "Notifications" });

    /// <summary>Opens the Schedule tab and waits until it can be used.</summary>
    public static async Task OpenScheduleAsync(IPage page)
    {
        await page.GotoAsync("/schedule");
        await WaitForInteractiveAsync(page, ".cb-schedule");
    }

    /// <summary>Publishes a weekly series through "Set availability", its preview and Save, and closes the dialog.</summary>
    public static async Task PublishWeeklySeriesAsync(IPage page, string firstDate, string startTime, string weeks, params string[] days)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Set availability" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Set availability" });
        await dialog.GetByLabel("Every week").CheckAsync();
        foreach (var day in days)
        {
            await dialog.GetByLabel(day, new() { Exact = true }).CheckAsync();
        }

        await dialog.GetByLabel("Starting").FillAsync(firstDate);
        await dialog.GetByLabel("Start time").FillAsync(startTime);
        await dialog.GetByLabel("Duration (minutes)").FillAsync("60");
        await dialog.GetByLabel("For").SelectOptionAsync(weeks);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".cb-preview__row").First).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".cb-result")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}
