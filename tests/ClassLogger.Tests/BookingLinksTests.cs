using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassLogger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

/// <summary>The booking section the Students tab's cards gained: next booked class (teacher's zone) and link state.</summary>
public sealed partial class StudentCardBookingTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static string Card(string html, string name)
    {
        var start = html.IndexOf($">{name}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for {name}.");
        var card = html[start..];
        return card[..card.IndexOf("</article>", StringComparison.Ordinal)];
    }

    private async Task<Guid> SlotAsync(string teacherId, DateTimeOffset start)
    {
        var slot = await WithServiceAsync<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(teacherId, new SlotDraft(start, start.AddHours(1))));
        Assert.True(slot.Succeeded, slot.Error?.Message);
        return slot.Value.Id;
    }

    [Fact]
    public async Task Each_card_shows_the_next_booked_class_in_the_teachers_zone_and_the_link_state()
    {
        var maria = (await app.ProfileIdAsync(DemoAccounts.MariaEmail)).ToString(CultureInfo.InvariantCulture);
        var lena = (await app.ProfileIdAsync("lena.fischer@example.com")).ToString(CultureInfo.InvariantCulture);
        var jonas = (await app.ProfileIdAsync("jonas.weber@example.com")).ToString(CultureInfo.InvariantCulture);
        // Friday 10 April 15:00 UTC is 17:00 in Berlin (CEST); Lena also has a later class, and a cancelled earlier one.
        var friday = await SlotAsync(maria, new DateTimeOffset(2026, 4, 10, 15, 0, 0, TimeSpan.Zero));
        var monday = await SlotAsync(maria, new DateTimeOffset(2026, 4, 13, 14, 0, 0, TimeSpan.Zero));
        var thursday = await SlotAsync(maria, new DateTimeOffset(2026, 4, 9, 15, 0, 0, TimeSpan.Zero));
        await WithServiceAsync<BookingService, bool>(async b =>
        {
            Assert.True((await b.BookAsync(maria, lena, monday)).Succeeded);
            Assert.True((await b.BookAsync(maria, lena, friday)).Succeeded);
            var early = (await b.BookAsync(maria, lena, thursday)).Value;
            Assert.True((await b.CancelAsync(maria, early.Id, ActorKind.Teacher)).Succeeded);
            return true;
        });
        await WithServiceAsync<ShareTokenService, bool>(async t =>
        {
            Assert.True((await t.IssueAsync(maria, lena)).Succeeded);
            Assert.True((await t.IssueAsync(maria, jonas)).Succeeded);
            return true;
        });
        // Jonas's link ran out yesterday (written directly: the clock is shared by this fixture's tests).
        var yesterday = ClassLoggerAppFactory.Now.AddDays(-1).UtcTicks;
        var jonasId = int.Parse(jonas, CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE booking_share_tokens SET expires_at = {yesterday} WHERE student_id = {jonasId}")));
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        var html = await client.GetStringAsync("/students");

        Assert.Equal(Expected.MariasStudents, Browser.StudentCardNames(html));
        var lenasCard = Card(html, "Lena Fischer");
        Assert.Contains("<h3", lenasCard, StringComparison.Ordinal);
        Assert.Matches(NextClass("2026-04-10T17:00", "Fri 10 Apr, 17:00"), lenasCard);
        Assert.Matches(LinkState("active", "Active until Mon 5 Oct 2026"), lenasCard);
        Assert.Contains("6 credits", lenasCard, StringComparison.Ordinal); // the card's own facts are still there

        var jonasCard = Card(html, "Jonas Weber");
        Assert.Contains("None booked", jonasCard, StringComparison.Ordinal);
        Assert.Matches(LinkState("expired", "Expired on Tue 7 Apr 2026"), jonasCard);

        foreach (var other in Expected.MariasStudents.Except(["Lena Fischer", "Jonas Weber"]))
        {
            var card = Card(html, other);
            Assert.Contains("None booked", card, StringComparison.Ordinal);
            Assert.Matches(LinkState("none", "No link yet"), card);
        }
    }

    private static Regex NextClass(string datetime, string text) =>
        new($"data-booking=\"next-class\"[^>]*>\\s*<time datetime=\"{Regex.Escape(datetime)}\"[^>]*>\\s*{Regex.Escape(text)}\\s*</time>");

    private static Regex LinkState(string state, string text) =>
        new($"data-booking=\"link\" data-link-state=\"{state}\"[^>]*>{Regex.Escape(text)}</dd>");
}

/// <summary>The Links tab: the students panel mounted in the sample, prerendered over HTTP.</summary>
public sealed class BookingLinksPageTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    [Fact]
    public async Task The_links_tab_redirects_to_login_when_signed_out()
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync("/links");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Flinks", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_links_tab_lists_marias_students_with_their_links_colours_and_usage_and_nobody_elses()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        using var response = await client.GetAsync("/links");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Booking links</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"links\" class=\"nav-tab\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Matches("class=\"cb-panel\"[^>]*data-interactive=\"false\"", html); // the prerender; the circuit takes over
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
        Assert.Contains("Times are in Europe/Berlin.", html, StringComparison.Ordinal);
        var names = Regex.Matches(html, "class=\"cb-student-links__chip\"[^>]*>([^<]+)</span>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Expected.MariasStudents, names);
        Assert.Empty(Browser.StudentCardNames(html)); // not the Students tab's cards
        foreach (var name in Expected.MariasStudents)
        {
            Assert.Contains($"aria-label=\"Create link for {name}\"", html, StringComparison.Ordinal);
            Assert.Matches($"<legend[^>]*>Colour<span class=\"cb-visually-hidden\"[^>]*> for {name}</span></legend>", html);
        }

        Assert.Equal(6 * 8, Regex.Count(html, "type=\"radio\""));
        Assert.Contains("Link use, last 30 days", html, StringComparison.Ordinal);
        foreach (var other in Expected.OnlyJames().Append(Expected.MariasFormerStudent))
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_panels_clipboard_module_is_served_with_the_components_assets()
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync("/_content/ClassBooking.Components/clipboard.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("export async function copyText", script, StringComparison.Ordinal);
        Assert.Contains("navigator.clipboard.writeText", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_teacher_sees_his_own_students_on_the_links_tab()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.JamesEmail, DemoAccounts.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/links"));

        var names = Regex.Matches(html, "class=\"cb-student-links__chip\"[^>]*>([^<]+)</span>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Expected.JamessStudents, names);
        Assert.Contains("Times are in America/New_York.", html, StringComparison.Ordinal);
        foreach (var other in Expected.OnlyMaria())
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_links_tab_offers_marias_calendar_feed_above_her_students()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        using var response = await client.GetAsync("/links");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("class=\"cb-feed-panel\"[^>]*data-interactive=\"false\"", html);
        Assert.Contains("Your calendar feed", html, StringComparison.Ordinal);
        Assert.Matches("data-feed-state=\"(none|active)\"", html); // the sample maps the API, so a feed is offered
        Assert.True(html.IndexOf("cb-feed-panel", StringComparison.Ordinal) < html.IndexOf("cb-student-links", StringComparison.Ordinal));
    }
}
