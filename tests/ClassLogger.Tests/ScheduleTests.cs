using System.Net;
using ClassLogger.Data;

namespace ClassLogger.Tests;

public sealed class ScheduleTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    [Fact]
    public async Task The_schedule_tab_redirects_to_login_when_signed_out()
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync("/schedule");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fschedule", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_schedule_tab_renders_marias_week_in_her_zone()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        using var response = await client.GetAsync("/schedule");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Schedule</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"cb-schedule\"", html, StringComparison.Ordinal);
        Assert.Contains("data-interactive=\"false\"", html, StringComparison.Ordinal); // the prerender
        Assert.Contains("Times in Europe/Berlin", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"cb-grid\"", html, StringComparison.Ordinal);
        Assert.Contains("Set availability", html, StringComparison.Ordinal);
        Assert.Contains("href=\"schedule\" class=\"nav-tab\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"students\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"class-log\"", html, StringComparison.Ordinal);
    }
}
