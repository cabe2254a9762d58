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

    /// <summary>Opens the Schedule tab and waits until it can be used.</summary>
    public static async Task OpenScheduleAsync(IPage page)
    {
        await page.GotoAsync("/schedule");
        await WaitForInteractiveAsync(page, ".cb-schedule");
    }
}
