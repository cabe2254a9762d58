using System.Text;
using ClassBooking.Core.Notifications;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Time.Testing;
using static ClassBooking.Core.Tests.Notifications.Invitations;
using static ClassBooking.Core.Tests.Times;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>The invitation's structure, read back with Ical.Net.</summary>
public sealed class BookingInvitationWriterTests
{
    private static readonly DateTimeOffset AfterClocksGoForward = Utc(2026, 3, 29, 8); // 09:00 BST in London

    [Fact]
    public void A_request_carries_the_method_uid_sequence_status_stamp_and_people()
    {
        var invitation = BookingInvitationWriter.Write(Class(AfterClocksGoForward) with { Sequence = 2 }, London, StampedAt);

        var calendar = Calendar.Load(invitation.Text)!;
        var written = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(calendar.Method, invitation.Method);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", invitation.ContentType);
        Assert.Equal(BookingInvitationWriter.ProductId, calendar.ProductId);
        Assert.Equal("booking-0f8fad5bd9cb469fa16570867728950e@classbooking", written.Uid);
        Assert.Equal(2, written.Sequence);
        Assert.Equal("CONFIRMED", written.Status);
        Assert.Equal("Piano lesson with Maria Keller", written.Summary);
        Assert.Equal("Bring the Czerny études.", written.Description);
        Assert.Equal(StampedAt.UtcDateTime, written.DtStamp!.AsUtc);
        Assert.True(written.DtStamp.IsUtc);
        Assert.Equal(new Uri("mailto:maria@keller-music.example"), written.Organizer!.Value);
        Assert.Equal("Maria Keller", written.Organizer.CommonName);
        var attendee = Assert.Single(written.Attendees);
        Assert.Equal(new Uri("mailto:sam.patel@example.org"), attendee.Value);
        Assert.Equal("Sam Patel", attendee.CommonName);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
    }

    [Fact]
    public void The_times_are_in_the_recipients_zone_with_a_vtimezone_that_carries_its_rules()
    {
        var invitation = BookingInvitationWriter.Write(Class(AfterClocksGoForward), London, StampedAt);

        var calendar = Calendar.Load(invitation.Text)!;
        var written = Assert.Single(calendar.Events);
        Assert.Equal(London, written.DtStart!.TzId);
        Assert.Equal(London, written.DtEnd!.TzId);
        Assert.Equal(new DateTime(2026, 3, 29, 9, 0, 0), written.DtStart.Value);
        Assert.Equal(AfterClocksGoForward.UtcDateTime, written.DtStart.AsUtc);
        Assert.Equal(AfterClocksGoForward.AddHours(1).UtcDateTime, written.DtEnd.AsUtc);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(London, zone.TzId);
        Assert.Contains(zone.TimeZoneInfos, info => info.Name == "STANDARD" && info.RecurrenceRule is not null);
        Assert.Contains(zone.TimeZoneInfos, info => info.Name == "DAYLIGHT" && info.RecurrenceRule is not null);
    }

    [Fact]
    public void A_zone_without_daylight_saving_still_has_a_vtimezone_with_its_offset()
    {
        var invitation = BookingInvitationWriter.Write(Class(Utc(2026, 7, 15, 12, 30)), Kolkata, StampedAt);

        var zone = Assert.Single(Calendar.Load(invitation.Text)!.TimeZones);
        Assert.Equal(Kolkata, zone.TzId);
        Assert.All(zone.TimeZoneInfos, info => Assert.Equal(TimeSpan.FromMinutes(330), info.OffsetTo!.Offset));
        Assert.Contains("DTSTART;TZID=Asia/Kolkata:20260715T180000\r\n", invitation.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("UTC")]
    public void Without_a_zone_that_has_offsets_the_times_are_in_utc_and_no_vtimezone_is_written(string? zone)
    {
        var invitation = BookingInvitationWriter.Write(Class(AfterClocksGoForward), zone, StampedAt);

        var calendar = Calendar.Load(invitation.Text)!;
        var written = Assert.Single(calendar.Events);
        Assert.Empty(calendar.TimeZones);
        Assert.True(written.DtStart!.IsUtc);
        Assert.True(written.DtEnd!.IsUtc);
        Assert.Contains("DTSTART:20260329T080000Z\r\n", invitation.Text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260329T090000Z\r\n", invitation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancellation_has_the_same_uid_a_higher_sequence_method_cancel_and_status_cancelled()
    {
        var request = BookingInvitationWriter.Write(Class(AfterClocksGoForward), London, StampedAt);
        var cancel = BookingInvitationWriter.Write(
            Class(AfterClocksGoForward) with { Status = CalendarEventStatus.Cancelled, Sequence = 1 }, London, StampedAt.AddDays(2));

        var requested = Calendar.Load(request.Text)!;
        var cancelled = Calendar.Load(cancel.Text)!;
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", cancel.ContentType);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
        Assert.Equal(requested.Events.Single().Uid, cancelled.Events.Single().Uid);
        Assert.True(cancelled.Events.Single().Sequence > requested.Events.Single().Sequence);
        Assert.Equal(requested.Events.Single().DtStart!.AsUtc, cancelled.Events.Single().DtStart!.AsUtc);
    }

    [Fact]
    public void The_teacher_and_the_student_get_the_same_event_each_in_their_own_zone()
    {
        var booked = Class(AfterClocksGoForward);
        var written = new[] { London, NewYork, Sydney, Kolkata }
            .Select(zone => Calendar.Load(BookingInvitationWriter.Write(booked, zone, StampedAt).Text)!.Events.Single())
            .ToList();

        Assert.Equal(4, written.Select(e => e.DtStart!.TzId).Distinct().Count());
        Assert.All(written, e =>
        {
            Assert.Equal(BookingCalendarUid.For(BookingId), e.Uid);
            Assert.Equal(AfterClocksGoForward.UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(AfterClocksGoForward.AddHours(1).UtcDateTime, e.DtEnd!.AsUtc);
        });
    }

    [Fact]
    public void The_stamp_comes_from_the_time_provider()
    {
        var clock = new FakeTimeProvider(Utc(2026, 2, 3, 4, 5));

        var invitation = BookingInvitationWriter.Write(Class(AfterClocksGoForward), London, clock);

        Assert.Contains("DTSTAMP:20260203T040500Z\r\n", invitation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_is_folded_at_75_octets_even_with_accented_text()
    {
        // Two- and four-octet characters: a fold counted in characters rather than octets would pass 75 octets.
        var note = new string('é', 60) + " Étude in C — bring the score 🎹.\nSecond line: " + new string('x', 100);
        var invitation = BookingInvitationWriter.Write(
            Class(AfterClocksGoForward) with { Description = note, Url = new Uri("https://school.example/book/maria-keller/" + new string('t', 60)) },
            London,
            StampedAt);

        var text = invitation.Text;
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
            Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75);
        });
        Assert.Contains(lines, line => line.StartsWith(' ')); // folding happened
        var written = Calendar.Load(text)!.Events.Single();
        Assert.Equal(note, written.Description);
        Assert.Equal("https://school.example/book/maria-keller/" + new string('t', 60), written.Url!.ToString());
    }

    [Fact]
    public void Without_a_description_or_url_neither_is_written()
    {
        var invitation = BookingInvitationWriter.Write(Class(AfterClocksGoForward) with { Description = "  ", Url = null }, London, StampedAt);

        Assert.DoesNotContain("\r\nDESCRIPTION", invitation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nURL", invitation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_a_double_quote_is_written_as_a_readable_common_name()
    {
        var booked = Class(AfterClocksGoForward) with { Attendee = new CalendarParticipant("Sam \"Sammy\" Patel, Jr.", "sam@example.org") };

        var attendee = Calendar.Load(BookingInvitationWriter.Write(booked, London, StampedAt).Text)!.Events.Single().Attendees.Single();

        Assert.Equal("Sam 'Sammy' Patel, Jr.", attendee.CommonName);
        Assert.Equal(new Uri("mailto:sam@example.org"), attendee.Value);
    }

    [Fact]
    public void The_invitation_is_written_to_the_second()
    {
        var booked = Class(AfterClocksGoForward.AddMilliseconds(750));

        var written = Calendar.Load(BookingInvitationWriter.Write(booked, London, StampedAt.AddTicks(1234)).Text)!.Events.Single();

        Assert.Equal(AfterClocksGoForward.UtcDateTime, written.DtStart!.AsUtc);
        Assert.Equal(StampedAt.UtcDateTime, written.DtStamp!.AsUtc);
    }

    public static TheoryData<BookedClassEvent, string> Unwritable => new()
    {
        { Class(AfterClocksGoForward) with { EndsAt = AfterClocksGoForward }, "must end after it starts" },
        { Class(AfterClocksGoForward) with { Sequence = -1 }, "sequence must be 0 or more" },
        { Class(AfterClocksGoForward) with { Summary = " " }, "needs a summary" },
        { Class(AfterClocksGoForward) with { Url = new Uri("/book/maria", UriKind.Relative) }, "URL must be absolute" },
        { Class(AfterClocksGoForward) with { Organizer = new CalendarParticipant("Maria", "maria") }, "organizer's e-mail address" },
        { Class(AfterClocksGoForward) with { Attendee = new CalendarParticipant("Sam", "sam @example.org") }, "attendee's e-mail address" },
        { Class(AfterClocksGoForward) with { Attendee = null! }, "needs an attendee" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void An_event_that_cannot_be_written_is_refused_with_what_is_wrong(BookedClassEvent booked, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => BookingInvitationWriter.Write(booked, London, StampedAt));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
