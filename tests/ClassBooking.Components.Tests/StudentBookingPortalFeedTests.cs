using ClassBooking.Core.Services;
using ClassBooking.Core.Tokens;

namespace ClassBooking.Components.Tests;

/// <summary>The portal's offer of the student's calendar feed (Anna's link, see <see cref="PortalTestBase"/>).</summary>
public sealed class StudentBookingPortalFeedTests : PortalTestBase
{
    [Fact]
    public async Task The_portal_offers_the_students_feed_as_a_webcal_link_and_as_an_address_to_copy()
    {
        var cut = RenderPortal();

        var section = cut.Find("section.cb-feed");
        Assert.Equal("Your classes in your calendar", section.QuerySelector("h2")!.TextContent);
        var subscribe = cut.Find("a[data-feed-link=webcal]");
        Assert.Equal("Add to my calendar", subscribe.TextContent);
        Assert.Equal($"webcal://localhost/api/booking/{Token}/calendar.ics", subscribe.GetAttribute("href"));
        var address = cut.Find("input#cb-feed-url");
        Assert.Equal($"http://localhost/api/booking/{Token}/calendar.ics", address.GetAttribute("value"));
        Assert.NotNull(address.GetAttribute("readonly"));
        Assert.Contains("Or copy this address", cut.Find("label[for=cb-feed-url]").TextContent, StringComparison.Ordinal);
        Assert.Equal("cb-feed-url-note", address.GetAttribute("aria-describedby"));
        Assert.Contains("anyone who has it can see your bookings", cut.Find("#cb-feed-url-note").TextContent, StringComparison.Ordinal);

        // The address is the one the API serves this student's feed at (the route MapClassBooking maps).
        var feed = await WithServiceAsync<CalendarFeedService, ClassBooking.Core.Result<CalendarFeed>>(s => s.GetStudentFeedAsync(Teacher, Anna));
        Assert.Contains(feed.Value.Content.Events, e => e.Uid == ClassBooking.Core.Notifications.BookingCalendarUid.For(AnnasBooking.Id));
    }

    [Fact]
    public void The_feed_address_starts_with_the_configured_public_address()
    {
        var cut = Render<StudentBookingPortal>(p =>
        {
            p.Add(x => x.Token, Token);
            p.Add(x => x.LinkBaseUrl, "https://lessons.example/school/");
        });
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("a[data-feed-link=webcal]")), Wait);

        Assert.Equal($"webcal://lessons.example/school/api/booking/{Token}/calendar.ics", cut.Find("a[data-feed-link=webcal]").GetAttribute("href"));
        Assert.Equal($"https://lessons.example/school/api/booking/{Token}/calendar.ics", cut.Find("input#cb-feed-url").GetAttribute("value"));
    }

    [Fact]
    public void Copy_puts_the_feed_address_on_the_clipboard_and_says_so()
    {
        var module = JSInterop.SetupModule(Clipboard.ModulePath);
        module.Setup<bool>("copyText", _ => true).SetResult(true);
        var cut = RenderPortal();

        cut.Find("button[aria-label='Copy your calendar address']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Copied", cut.Find(".cb-feed [data-copy-state=copied]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Single(module.Invocations, i => i.Identifier == "copyText");
    }

    [Fact]
    public void A_link_that_does_not_work_offers_no_feed()
    {
        var cut = RenderPortal(ShareTokenCodec.Create().Token);

        Assert.Contains("This link no longer works", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".cb-feed"));
        Assert.DoesNotContain("webcal:", cut.Markup, StringComparison.Ordinal);
    }
}

/// <summary>A host that did not map ClassBooking's API: the portal offers no feed address that would not work.</summary>
public sealed class StudentBookingPortalWithoutApiTests() : PortalTestBase(mapApi: false)
{
    [Fact]
    public void Without_the_api_the_portal_offers_no_feed()
    {
        var cut = RenderPortal();

        Assert.Contains("Book a class with Maria Keller", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".cb-feed"));
    }
}
