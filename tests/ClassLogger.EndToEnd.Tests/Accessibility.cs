using System.Text.Json;
using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>
/// Runs axe-core (the npm package in this folder's node_modules, installed by test.sh with npm ci) in the page and
/// fails with every violation's rule, impact and elements when there is any.
/// </summary>
public static class Accessibility
{
    private static readonly string AxeScript = System.IO.Path.Combine(ProjectFolder.Path, "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is not installed at {AxeScript}: run `npm ci` in tests/ClassLogger.EndToEnd.Tests (test.sh does).");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary)
              }));
            }
            """);
        var list = violations.EnumerateArray().ToList();
        Assert.True(list.Count == 0,
            $"axe-core found {list.Count} violation(s) on {what}:\n" + string.Join("\n", list.Select(v =>
                $"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
                + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))));
    }
}
