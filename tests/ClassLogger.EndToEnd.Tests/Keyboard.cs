using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>Keyboard-only steps: Tab through the page as a person would until focus is where they want it.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails after <paramref name="limit"/> presses.</summary>
    public static async Task TabToAsync(IPage page, string selector, int limit = 60)
    {
        for (var presses = 0; presses < limit; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Focus did not reach {selector} in {limit} presses of Tab (it is on {await FocusedAsync(page)}).");
    }

    /// <summary>A short description of the focused element (tag, text or label).</summary>
    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()} \"${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 60)}\"` : 'nothing'; }");
}
