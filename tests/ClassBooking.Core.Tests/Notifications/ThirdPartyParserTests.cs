using System.Globalization;
using System.Text.RegularExpressions;
using ClassBooking.Core.Notifications;
using ClassBooking.Testing;
using static ClassBooking.Core.Tests.Notifications.Invitations;
using static ClassBooking.Core.Tests.Times;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>
/// Invitations read by parsers we did not write (Mozilla's ical.js and Python's icalendar), run as real processes:
/// each must find the booking's UTC instants whatever zone the invitation is written in.
/// </summary>
public sealed class ThirdPartyParserTests
{
    public static TheoryData<string, DateTimeOffset, string> ClassesInEachZone => new()
    {
        // zone, the class's UTC start, its local start as written in DTSTART
        { London, Utc(2026, 1, 15, 9), "20260115T090000" },
        { London, Utc(2026, 7, 15, 8), "20260715T090000" },
        { London, Utc(2026, 3, 29, 8), "20260329T090000" }, // the morning after clocks go forward (01:00 UTC)
        { London, Utc(2026, 10, 25, 9), "20261025T090000" }, // the morning after clocks go back
        { NewYork, Utc(2026, 1, 15, 22), "20260115T170000" },
        { NewYork, Utc(2026, 7, 15, 21), "20260715T170000" },
        { NewYork, Utc(2026, 3, 8, 13), "20260308T090000" }, // the morning after clocks go forward
        { NewYork, Utc(2026, 11, 1, 14), "20261101T090000" }, // the morning after clocks go back
        { Sydney, Utc(2026, 1, 15, 7), "20260115T180000" }, // southern summer, +11
        { Sydney, Utc(2026, 7, 15, 8), "20260715T180000" }, // southern winter, +10
        { Sydney, Utc(2026, 4, 4, 23), "20260405T090000" }, // the morning after clocks go back
        { Sydney, Utc(2026, 10, 3, 22), "20261004T090000" }, // the morning after clocks go forward
        { Kolkata, Utc(2026, 1, 15, 12, 30), "20260115T180000" },
        { Kolkata, Utc(2026, 7, 15, 12, 30), "20260715T180000" },
    };

    [Theory]
    [MemberData(nameof(ClassesInEachZone))]
    public void Icaljs_reads_a_request_in_the_recipients_zone_at_the_classs_instants(string zone, DateTimeOffset startsAt, string localStart)
    {
        var invitation = WrittenIn(zone, startsAt, localStart);

        AssertRead(ThirdPartyParsers.ReadWithIcalJs(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
    }

    [Theory]
    [MemberData(nameof(ClassesInEachZone))]
    public void Python_icalendar_reads_a_request_in_the_recipients_zone_at_the_classs_instants(string zone, DateTimeOffset startsAt, string localStart)
    {
        var invitation = WrittenIn(zone, startsAt, localStart);

        AssertRead(ThirdPartyParsers.ReadWithPythonIcalendar(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
    }

    [Theory]
    [InlineData(Sydney)]
    [InlineData(Kolkata)]
    [InlineData(null)]
    public void Both_parsers_read_a_cancellation_as_cancel_with_the_same_uid_and_a_higher_sequence(string? zone)
    {
        var startsAt = Utc(2026, 4, 4, 23); // Sydney, the morning after clocks go back
        var request = BookingInvitationWriter.Write(Class(startsAt), zone, StampedAt);
        var cancel = BookingInvitationWriter.Write(Class(startsAt) with { Status = CalendarEventStatus.Cancelled, Sequence = 1 }, zone, StampedAt.AddDays(1));

        foreach (var read in new Func<string, ParsedCalendar>[] { ThirdPartyParsers.ReadWithIcalJs, ThirdPartyParsers.ReadWithPythonIcalendar })
        {
            var requested = read(request.Text);
            var cancelled = read(cancel.Text);

            AssertRead(cancelled, "CANCEL", "CANCELLED", 1, startsAt, startsAt.AddHours(1));
            Assert.Equal(requested.Events.Single().Uid, cancelled.Events.Single().Uid);
            Assert.True(cancelled.Events.Single().Sequence > requested.Events.Single().Sequence);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void Both_parsers_read_an_invitation_written_in_utc_at_the_classs_instants(string? zone)
    {
        var startsAt = Utc(2026, 7, 15, 8);
        var invitation = BookingInvitationWriter.Write(Class(startsAt), zone, StampedAt);

        Assert.Contains("DTSTART:20260715T080000Z\r\n", invitation.Text, StringComparison.Ordinal);
        AssertRead(ThirdPartyParsers.ReadWithIcalJs(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
        AssertRead(ThirdPartyParsers.ReadWithPythonIcalendar(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
    }

    [Theory]
    // 00:30Z is 01:30 BST, the first 01:30 of the night clocks go back; 01:30Z is 01:30 GMT, the second. RFC 5545
    // reads a repeated local time as the first, ical.js as the second: both are written in UTC.
    [InlineData("2026-10-25T00:30:00Z", "DTSTART:20261025T003000Z\r\n")]
    [InlineData("2026-10-25T01:30:00Z", "DTSTART:20261025T013000Z\r\n")]
    public void Both_parsers_read_a_class_in_the_repeated_hour_at_its_instant(string start, string writtenStart)
    {
        var startsAt = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        var invitation = BookingInvitationWriter.Write(Class(startsAt), London, StampedAt);

        Assert.Contains(writtenStart, invitation.Text, StringComparison.Ordinal);
        AssertRead(ThirdPartyParsers.ReadWithIcalJs(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
        AssertRead(ThirdPartyParsers.ReadWithPythonIcalendar(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(1));
    }

    [Fact]
    public void Both_parsers_read_a_class_that_spans_the_change_to_summer_time_at_its_instants()
    {
        // 00:30 GMT to 03:30 BST: two hours, across the hour that does not exist.
        var startsAt = Utc(2026, 3, 29, 0, 30);
        var invitation = BookingInvitationWriter.Write(Class(startsAt, TimeSpan.FromHours(2)), London, StampedAt);

        Assert.Contains("DTEND;TZID=Europe/London:20260329T033000\r\n", invitation.Text, StringComparison.Ordinal);
        AssertRead(ThirdPartyParsers.ReadWithIcalJs(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(2));
        AssertRead(ThirdPartyParsers.ReadWithPythonIcalendar(invitation.Text), "REQUEST", "CONFIRMED", 0, startsAt, startsAt.AddHours(2));
    }

    [Fact]
    public void Both_parsers_misread_a_vtimezone_without_rules_so_the_checks_above_can_fail()
    {
        // What Ical.Net's `new VTimeZone(id)` writes: the zone's name and no STANDARD/DAYLIGHT. Read by its rules
        // alone, the time then has no offset to apply; if the right instant still came out, the checks above would
        // not be reading our VTIMEZONE.
        var startsAt = Utc(2026, 7, 15, 8);
        var text = BookingInvitationWriter.Write(Class(startsAt), London, StampedAt).Text;
        var withoutRules = Regex.Replace(text, @"BEGIN:(STANDARD|DAYLIGHT)\r\n.*?END:\1\r\n", string.Empty, RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("BEGIN:STANDARD", withoutRules, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", withoutRules, StringComparison.Ordinal);

        Assert.NotEqual(Iso(startsAt), ThirdPartyParsers.ReadWithIcalJs(withoutRules).Events.Single().StartByVtimezone);
        Assert.NotEqual(Iso(startsAt), ThirdPartyParsers.ReadWithPythonIcalendar(withoutRules).Events.Single().StartByVtimezone);
    }

    private static CalendarInvitation WrittenIn(string zone, DateTimeOffset startsAt, string localStart)
    {
        var invitation = BookingInvitationWriter.Write(Class(startsAt), zone, StampedAt);
        // The times are in the recipient's zone (not UTC), so the parser has to apply the VTIMEZONE's rules.
        Assert.Contains($"DTSTART;TZID={zone}:{localStart}\r\n", invitation.Text, StringComparison.Ordinal);
        return invitation;
    }

    private static void AssertRead(ParsedCalendar read, string method, string status, int sequence, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        Assert.Equal(method, read.Method);
        var parsed = Assert.Single(read.Events);
        Assert.Equal(BookingCalendarUid.For(BookingId), parsed.Uid);
        Assert.Equal(sequence, parsed.Sequence);
        Assert.Equal(status, parsed.Status);
        Assert.Equal(Iso(startsAt), parsed.Start);
        Assert.Equal(Iso(endsAt), parsed.End);
        Assert.Equal(Iso(startsAt), parsed.StartByVtimezone);
        Assert.Equal(Iso(endsAt), parsed.EndByVtimezone);
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
