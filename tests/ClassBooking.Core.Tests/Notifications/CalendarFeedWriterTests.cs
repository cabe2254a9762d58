using System.Globalization;
using System.Text.RegularExpressions;
using ClassBooking.Core.Notifications;
using ClassBooking.Testing;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using static ClassBooking.Core.Tests.Notifications.Invitations;
using static ClassBooking.Core.Tests.Times;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>The feed BookingInvitationWriter.WriteFeed writes, read back with Ical.Net, ical.js and Python's icalendar.</summary>
public sealed partial class CalendarFeedWriterTests
{
    private static readonly Guid SlotId = Guid.Parse("5d1e3c1a-2b6f-4d8e-9a7b-0c1d2e3f4a5b");
    private static readonly Guid BlockId = Guid.Parse("9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4");

    // Across both of London's clock changes: winter, the morning after clocks go forward, summer, after they go back.
    private static readonly DateTimeOffset[] Starts = [Utc(2026, 1, 15, 9), Utc(2026, 3, 29, 8), Utc(2026, 7, 15, 8), Utc(2026, 10, 25, 9)];

    /// <summary>A booking (its invitation's class, moved once: sequence 1), an open slot, a block, and a cancelled booking.</summary>
    private static CalendarFeedContent Feed(string? zone) => new()
    {
        Name = "Classes with Maria Keller",
        TimeZoneId = zone,
        Organizer = new CalendarParticipant("Maria Keller", "maria@keller-music.example"),
        Events =
        [
            // Given out of order: the writer orders by start.
            new CalendarFeedEvent { Uid = BookingCalendarUid.ForBlockedPeriod(BlockId), StartsAt = Starts[2], EndsAt = Starts[2].AddHours(3), Summary = "Busy" },
            new CalendarFeedEvent
            {
                Uid = BookingCalendarUid.For(BookingId), StartsAt = Starts[1], EndsAt = Starts[1].AddHours(1), Summary = "Piano lesson with Maria Keller",
                Description = "Bring the Czerny études.", Sequence = 1,
            },
            new CalendarFeedEvent
            {
                Uid = BookingCalendarUid.ForOpenSlot(SlotId), StartsAt = Starts[0], EndsAt = Starts[0].AddMinutes(45), Summary = "Open: 2 seats",
                Status = CalendarFeedEventStatus.Tentative,
            },
            new CalendarFeedEvent
            {
                Uid = "booking-00000000000000000000000000000001@classbooking", StartsAt = Starts[3], EndsAt = Starts[3].AddHours(1), Summary = "Class with Maria Keller",
                Sequence = 2, Status = CalendarFeedEventStatus.Cancelled,
            },
        ],
    };

    [Fact]
    public void A_feed_is_published_with_its_name_and_a_refresh_interval_of_an_hour()
    {
        var text = BookingInvitationWriter.WriteFeed(Feed(London), StampedAt);

        var calendar = Calendar.Load(text)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(BookingInvitationWriter.ProductId, calendar.ProductId);
        Assert.Contains("\r\nNAME:Classes with Maria Keller\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Classes with Maria Keller\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-PUBLISHED-TTL:PT1H\r\n", text, StringComparison.Ordinal);
        Assert.Equal("text/calendar; charset=utf-8", BookingInvitationWriter.FeedContentType);
    }

    [Fact]
    public void Events_are_written_by_start_with_their_uids_statuses_and_sequences_and_no_attendee()
    {
        var calendar = Calendar.Load(BookingInvitationWriter.WriteFeed(Feed(London), StampedAt))!;

        Assert.Equal(
            [
                (BookingCalendarUid.ForOpenSlot(SlotId), "TENTATIVE", 0), (BookingCalendarUid.For(BookingId), "CONFIRMED", 1),
                (BookingCalendarUid.ForBlockedPeriod(BlockId), "CONFIRMED", 0), ("booking-00000000000000000000000000000001@classbooking", "CANCELLED", 2),
            ],
            calendar.Events.Select(e => (e.Uid!, e.Status!, e.Sequence)));
        Assert.All(calendar.Events, e =>
        {
            Assert.Empty(e.Attendees);
            Assert.Equal(new Uri("mailto:maria@keller-music.example"), e.Organizer!.Value);
            Assert.Equal("OPAQUE", e.Transparency);
            Assert.Equal(StampedAt.UtcDateTime, e.DtStamp!.AsUtc);
        });
        Assert.Equal(Starts.Select(s => s.UtcDateTime), calendar.Events.Select(e => e.DtStart!.AsUtc));
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(London, zone.TzId);
        Assert.Contains(zone.TimeZoneInfos, info => info.Name == "DAYLIGHT" && info.RecurrenceRule is not null);
    }

    [Fact]
    public void A_booked_class_is_written_in_the_feed_as_in_its_invitation()
    {
        var invitation = BookingInvitationWriter.Write(Class(Starts[1]) with { Sequence = 1 }, London, StampedAt).Text;
        var feed = BookingInvitationWriter.WriteFeed(Feed(London), StampedAt);

        // The same lines for the same class: UID, SEQUENCE, times with their zone, summary, description, organizer.
        var ofInvitation = EventLines(invitation, BookingCalendarUid.For(BookingId)).Where(l => !l.StartsWith("ATTENDEE", StringComparison.Ordinal)).ToList();
        var ofFeed = EventLines(feed, BookingCalendarUid.For(BookingId));
        Assert.Equal(ofInvitation, ofFeed);
        Assert.Contains("DTSTART;TZID=Europe/London:20260329T090000", ofFeed);
    }

    [Fact]
    public void An_organizer_is_left_out_when_the_feed_has_none_and_an_empty_feed_is_still_a_calendar()
    {
        var text = BookingInvitationWriter.WriteFeed(Feed(London) with { Organizer = null }, StampedAt);
        var empty = BookingInvitationWriter.WriteFeed(Feed(null) with { Events = [] }, StampedAt);

        Assert.DoesNotContain("ORGANIZER", text, StringComparison.Ordinal);
        Assert.Equal(4, Calendar.Load(text)!.Events.Count);
        Assert.Empty(Calendar.Load(empty)!.Events);
        Assert.Contains("X-WR-CALNAME:Classes with Maria Keller", empty, StringComparison.Ordinal);
    }

    public static TheoryData<CalendarFeedContent, string> Unwritable => new()
    {
        { Feed(London) with { Name = " " }, "needs a name" },
        { Feed(London) with { Organizer = new CalendarParticipant("Maria", "maria") }, "organizer's e-mail address" },
        { Feed(London) with { Events = [.. Feed(London).Events, Feed(London).Events[0] with { StartsAt = Starts[0] }] }, "UID of its own" },
        { Feed(London) with { Events = [Feed(London).Events[0] with { EndsAt = Starts[2] }] }, "must end after it starts" },
        { Feed(London) with { Events = [Feed(London).Events[0] with { Sequence = -1 }] }, "sequence of 0 or more" },
        { Feed(London) with { Events = [Feed(London).Events[0] with { Summary = "" }] }, "needs a summary" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void A_feed_that_cannot_be_written_is_refused_with_what_is_wrong(CalendarFeedContent feed, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => BookingInvitationWriter.WriteFeed(feed, StampedAt));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(London)]
    [InlineData(NewYork)]
    [InlineData(Sydney)]
    [InlineData(null)]
    public void Both_parsers_read_every_event_of_a_feed_at_its_instants_with_its_uid_status_and_sequence(string? zone)
    {
        var text = BookingInvitationWriter.WriteFeed(Feed(zone), StampedAt);

        foreach (var read in new Func<string, ParsedCalendar>[] { ThirdPartyParsers.ReadWithIcalJs, ThirdPartyParsers.ReadWithPythonIcalendar })
        {
            var parsed = read(text);
            Assert.Equal("PUBLISH", parsed.Method);
            var expected = Feed(zone).Events.OrderBy(e => e.StartsAt).ToList();
            Assert.Equal(expected.Select(e => e.Uid), parsed.Events.Select(e => e.Uid));
            Assert.Equal(expected.Select(e => e.Sequence), parsed.Events.Select(e => e.Sequence));
            Assert.Equal(["TENTATIVE", "CONFIRMED", "CONFIRMED", "CANCELLED"], parsed.Events.Select(e => e.Status));
            Assert.Equal(expected.Select(e => Iso(e.StartsAt)), parsed.Events.Select(e => e.Start));
            Assert.Equal(expected.Select(e => Iso(e.EndsAt)), parsed.Events.Select(e => e.End));
            Assert.Equal(expected.Select(e => Iso(e.StartsAt)), parsed.Events.Select(e => e.StartByVtimezone));
            Assert.Equal(expected.Select(e => Iso(e.EndsAt)), parsed.Events.Select(e => e.EndByVtimezone));
            if (zone is not null)
            {
                Assert.All(parsed.Events, e => Assert.Equal(zone, e.StartZone)); // read through the VTIMEZONE, not as UTC
            }
        }
    }

    private static List<string> EventLines(string text, string uid)
    {
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        var vevent = VEvent().Matches(unfolded).Select(m => m.Value).Single(e => e.Contains("\r\nUID:" + uid + "\r\n", StringComparison.Ordinal));
        return [.. vevent.Split("\r\n").Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal))];
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("BEGIN:VEVENT\r\n.*?END:VEVENT", RegexOptions.Singleline)]
    private static partial Regex VEvent();
}
