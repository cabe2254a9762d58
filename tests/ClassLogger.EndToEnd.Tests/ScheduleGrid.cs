using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>The teacher's week grid, as Playwright steps.</summary>
public static class ScheduleGrid
{
    public static ILocator Cell(IPage page, string date, int hour) =>
        page.Locator($"td[data-date='{date}'][data-hour='{hour.ToString(CultureInfo.InvariantCulture)}']");

    /// <summary>Presses arrow keys from the focused cell until the cell of <paramref name="date"/> and <paramref name="hour"/> has focus.</summary>
    public static async Task ArrowToAsync(IPage page, string date, int hour)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            var at = await page.EvaluateAsync<JsonElement>("() => { const c = document.activeElement?.closest('td'); return c ? { date: c.dataset.date, hour: Number(c.dataset.hour) } : null; }");
            Assert.True(at.ValueKind == JsonValueKind.Object, $"Focus is not in the grid but on {await Keyboard.FocusedAsync(page)}.");
            var atDate = at.GetProperty("date").GetString()!;
            var atHour = at.GetProperty("hour").GetInt32();
            var key = string.CompareOrdinal(atDate, date) < 0 ? "ArrowRight"
                : string.CompareOrdinal(atDate, date) > 0 ? "ArrowLeft"
                : atHour < hour ? "ArrowDown"
                : atHour > hour ? "ArrowUp"
                : null;
            if (key is null)
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
            // Focus moves after the circuit answers: wait until it has left the cell it was on.
            await page.WaitForFunctionAsync(
                "([d, h]) => { const c = document.activeElement?.closest('td'); return c && (c.dataset.date !== d || Number(c.dataset.hour) !== h); }",
                new object[] { atDate, atHour });
        }

        Assert.Fail($"The arrow keys did not reach {date} {hour}:00.");
    }

    /// <summary>A one-finger horizontal swipe across the middle of <paramref name="target"/>, as the touch screen sends it.</summary>
    public static async Task SwipeAsync(IPage page, ILocator target, int deltaX)
    {
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The swipe target is not on screen.");
        var x = box.X + (box.Width / 2) - (deltaX / 2);
        var y = box.Y + Math.Min(box.Height / 2, 200);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = "touchStart",
            ["touchPoints"] = new[] { new Dictionary<string, object> { ["x"] = x, ["y"] = y } },
        });
        for (var step = 1; step <= 5; step++)
        {
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = "touchMove",
                ["touchPoints"] = new[] { new Dictionary<string, object> { ["x"] = x + (deltaX * step / 5.0), ["y"] = y } },
            });
        }

        await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = "touchEnd",
            ["touchPoints"] = Array.Empty<object>(),
        });
        await cdp.DetachAsync();
    }
}
