using System.Globalization;
using System.Net;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Services;
using ClassLogger.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

/// <summary>The student portal as the sample mounts it at /book/{teacher}/{token}, prerendered over HTTP.</summary>
public sealed class BookingPortalTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    [Theory]
    [InlineData("/book/maria-keller/not-a-token")]
    [InlineData("/book/maria-keller/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_invalid_link_answers_404_with_the_friendly_page(string path)
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link no longer works — ask your teacher for a new link.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Keller", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_link_shows_the_portal_and_a_regenerated_one_answers_404()
    {
        var maria = (await app.ProfileIdAsync(DemoAccounts.MariaEmail)).ToString(CultureInfo.InvariantCulture);
        await using var scope = app.Services.CreateAsyncScope();
        var students = await scope.ServiceProvider.GetRequiredService<IStudentDirectory>().GetStudentsAsync(maria, default);
        Assert.True(students.Count >= 2);
        var tokens = scope.ServiceProvider.GetRequiredService<ShareTokenService>();
        var token = (await tokens.IssueAsync(maria, students[0].Id)).Value.Token;
        using var client = Browser.Open(app);

        using var response = await client.GetAsync($"/book/maria-keller/{token}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Book a class with Maria Keller", html, StringComparison.Ordinal);
        var range = new ClassBooking.Core.Model.TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddYears(-1));
        // One page load, one use: the server-rendered request records it, the interactive render does not.
        var use = Assert.Single(await tokens.GetAccessLogAsync(maria, students[0].Id, range));
        Assert.Equal(use.TokenId, (await tokens.ResolveAsync(token, recordUse: false)).Value.TokenId);
        Assert.Contains("data-interactive=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
        foreach (var other in students.Skip(1))
        {
            Assert.DoesNotContain(other.DisplayName, html, StringComparison.Ordinal);
        }

        await tokens.RegenerateAsync(maria, students[0].Id);
        using var stale = await client.GetAsync($"/book/maria-keller/{token}");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        Assert.Contains("ask your teacher for a new link", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_links_to_the_students_calendar_feed_which_the_sample_serves()
    {
        var maria = (await app.ProfileIdAsync(DemoAccounts.MariaEmail)).ToString(CultureInfo.InvariantCulture);
        await using var scope = app.Services.CreateAsyncScope();
        var student = (await scope.ServiceProvider.GetRequiredService<IStudentDirectory>().GetStudentsAsync(maria, default))[1];
        var token = (await scope.ServiceProvider.GetRequiredService<ShareTokenService>().IssueAsync(maria, student.Id)).Value.Token;
        using var client = Browser.Open(app);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/book/maria-keller/{token}"));
        var feed = $"http://localhost/api/booking/{token}/calendar.ics";

        Assert.Contains($"href=\"webcal://localhost/api/booking/{token}/calendar.ics\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{feed}\"", html, StringComparison.Ordinal);
        using var calendar = await client.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
