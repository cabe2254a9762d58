using AngleSharp.Dom;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>Maria's calendar feed panel over the real services and SQLite store (see <see cref="PortalTestBase"/>).</summary>
public sealed class TeacherCalendarFeedPanelTests : PortalTestBase
{
    private IRenderedComponent<TeacherCalendarFeedPanel> RenderPanel(string? linkBaseUrl = null)
    {
        var cut = Render<TeacherCalendarFeedPanel>(p =>
        {
            p.Add(x => x.TeacherId, Teacher);
            p.Add(x => x.LinkBaseUrl, linkBaseUrl);
        });
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading your calendar feed", cut.Markup, StringComparison.Ordinal), Wait);
        return cut;
    }

    private static IElement Button(IRenderedComponent<TeacherCalendarFeedPanel> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static string State(IRenderedComponent<TeacherCalendarFeedPanel> cut) => cut.Find("[data-feed-state]").GetAttribute("data-feed-state")!;

    private static string TokenOf(string url) => new Uri(url).Segments[^2].TrimEnd('/');

    private Task<Result<CalendarFeed>> FeedAsync(string token) =>
        WithServiceAsync<CalendarFeedService, Result<CalendarFeed>>(s => s.GetTeacherFeedAsync(token));

    private static string NewAddress(IRenderedComponent<TeacherCalendarFeedPanel> cut)
    {
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".cb-feed-panel__new input")), Wait);
        return cut.Find(".cb-feed-panel__new input").GetAttribute("value")!;
    }

    [Fact]
    public async Task A_teacher_without_a_feed_creates_one_and_sees_its_address_once_as_a_webcal_link_and_to_copy()
    {
        var cut = RenderPanel();
        Assert.Equal("true", cut.Find(".cb-feed-panel").GetAttribute("data-interactive"));
        Assert.Equal("none", State(cut));
        Assert.Empty(cut.FindAll("input"));

        Button(cut, "Create feed address").Click();

        var url = NewAddress(cut);
        Assert.Matches("^http://localhost/api/calendar-feed/[A-Za-z0-9_-]{43}/calendar\\.ics$", url);
        Assert.Equal("webcal://" + url["http://".Length..], cut.Find("a[data-feed-link=webcal]").GetAttribute("href"));
        Assert.Equal("Add to my calendar", cut.Find("a[data-feed-link=webcal]").TextContent);
        Assert.Contains("Shown only now", cut.Find(".cb-address__note").TextContent, StringComparison.Ordinal);
        Assert.Equal("active", State(cut));
        Assert.Contains("made Wed 8 Apr 2026", cut.Find("[data-feed-state]").TextContent, StringComparison.Ordinal);
        Assert.Contains("shown only this once", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var feed = await FeedAsync(TokenOf(url));
        Assert.True(feed.Succeeded, feed.Error?.Message);
        Assert.Contains(feed.Value.Content.Events, e => e.Uid == ClassBooking.Core.Notifications.BookingCalendarUid.For(AnnasBooking.Id));

        Button(cut, "Hide address").Click();
        Assert.Empty(cut.FindAll("input"));
        Assert.Equal("active", State(cut));
    }

    [Fact]
    public async Task A_feed_made_earlier_shows_as_active_without_its_address()
    {
        await WithServiceAsync<CalendarFeedService, Result<IssuedCalendarFeed>>(s => s.CreateTeacherFeedAsync(Teacher));

        var cut = RenderPanel();

        Assert.Equal("active", State(cut));
        Assert.Empty(cut.FindAll("input"));
        Assert.Empty(cut.FindAll("a[data-feed-link]"));
        Assert.NotNull(Button(cut, "New address…"));
        Assert.NotNull(Button(cut, "Revoke feed…"));
    }

    [Fact]
    public async Task A_new_address_after_confirming_kills_the_old_one_and_closing_the_question_keeps_it()
    {
        var cut = RenderPanel();
        Button(cut, "Create feed address").Click();
        var first = NewAddress(cut);

        Button(cut, "New address…").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("Make a new feed address?", cut.Find($"#{dialog.GetAttribute("aria-labelledby")}").TextContent);
        dialog.KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.True((await FeedAsync(TokenOf(first))).Succeeded);

        Button(cut, "New address…").Click();
        Button(cut, "Make a new address").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(first, NewAddress(cut)), Wait);
        var second = NewAddress(cut);
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal(ErrorCodes.InvalidToken, (await FeedAsync(TokenOf(first))).Error?.Code);
        Assert.True((await FeedAsync(TokenOf(second))).Succeeded);
        Assert.Contains("The old address no longer works", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_after_confirming_kills_the_address_and_offers_to_create_one_again()
    {
        var cut = RenderPanel();
        Button(cut, "Create feed address").Click();
        var url = NewAddress(cut);

        Button(cut, "Revoke feed…").Click();
        Button(cut, "Revoke feed").Click();

        cut.WaitForAssertion(() => Assert.Equal("none", State(cut)), Wait);
        Assert.Empty(cut.FindAll("input"));
        Assert.NotNull(Button(cut, "Create feed address"));
        Assert.Equal(ErrorCodes.InvalidToken, (await FeedAsync(TokenOf(url))).Error?.Code);
        Assert.Contains("no longer works", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var audit = await WithServiceAsync<ClassBooking.Core.Stores.IClassBookingStore, IReadOnlyList<AuditEntry>>(s =>
            AuditTrail.ReadAsync(s, Teacher, new TimeRange(Now.AddDays(-1), Now.AddDays(1))));
        // One instant on the test clock: the rows are compared as a set.
        Assert.Equal([AuditActions.CalendarFeedCreated, AuditActions.CalendarFeedRevoked], audit.Where(a => a.TargetType == "calendar-feed").Select(a => a.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_address_starts_with_the_configured_public_address()
    {
        var cut = RenderPanel("https://lessons.example/school/");

        Button(cut, "Create feed address").Click();

        Assert.StartsWith("https://lessons.example/school/api/calendar-feed/", NewAddress(cut), StringComparison.Ordinal);
        Assert.StartsWith("webcal://lessons.example/school/api/calendar-feed/", cut.Find("a[data-feed-link=webcal]").GetAttribute("href"), StringComparison.Ordinal);
    }
}

/// <summary>A host that did not map ClassBooking's API: the panel makes no address that would not work.</summary>
public sealed class TeacherCalendarFeedPanelWithoutApiTests() : PortalTestBase(mapApi: false)
{
    [Fact]
    public void Without_the_api_no_feed_is_offered()
    {
        var cut = Render<TeacherCalendarFeedPanel>(p => p.Add(x => x.TeacherId, Teacher));
        cut.WaitForAssertion(() => Assert.Equal("unavailable", cut.Find("[data-feed-state]").GetAttribute("data-feed-state")), Wait);

        Assert.Empty(cut.FindAll("button"));
    }
}
