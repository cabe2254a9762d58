using System.Globalization;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using ClassBooking.Testing;
using ClassBooking.Testing.Smtp;
using MimeKit;
using static ClassBooking.Core.Tests.Notifications.BookingEmails;

namespace ClassBooking.Core.Tests.Notifications.Delivery;

/// <summary>
/// Booking e-mails as a recipient receives them: composed, sent by SMTP to a real server on loopback (aiosmtpd),
/// read back from its mailbox, and their invitation read by ical.js and python3-icalendar, which must find the
/// class's instants for recipients in London, New York, Sydney and Kolkata, also right after a daylight-saving change.
/// </summary>
public sealed class DeliveredInvitationTests
{
    public static TheoryData<string, DateTimeOffset, string> ClassesInEachZone => ThirdPartyParserTests.ClassesInEachZone;

    [Theory]
    [MemberData(nameof(ClassesInEachZone))]
    public async Task A_confirmation_and_its_cancellation_arrive_with_invitations_both_parsers_read_at_the_classs_instants(string zone, DateTimeOffset startsAt, string localStart)
    {
        await using var server = await SmtpTestServer.StartAsync();
        var transport = new SmtpEmailTransport(new SmtpOptions { Host = SmtpTestServer.Host, Port = server.Port, Security = SmtpSecurity.None });
        var composer = Composer();
        var confirmed = Email(BookingEmailKind.BookingConfirmed, zone) with { StartsAt = startsAt, EndsAt = startsAt.AddHours(1), MessageKey = "confirmed-1" };
        var cancelled = Email(BookingEmailKind.BookingCancelled, zone) with { StartsAt = startsAt, EndsAt = startsAt.AddHours(1), MessageKey = "cancelled-1", Sequence = 1 };

        using (var message = composer.Compose(confirmed))
        {
            await transport.SendAsync(message, CancellationToken.None);
        }

        using (var message = composer.Compose(cancelled))
        {
            await transport.SendAsync(message, CancellationToken.None);
        }

        var received = server.ReceivedMessages().ToDictionary(m => m.MessageId ?? "");
        Assert.Equal(["cancelled-1@keller-music.example", "confirmed-1@keller-music.example"], received.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, method, sequence) in new[] { ("confirmed-1@keller-music.example", "REQUEST", 0), ("cancelled-1@keller-music.example", "CANCEL", 1) })
        {
            var message = received[id];
            Assert.Equal("sam.patel@example.org", message.To.Mailboxes.Single().Address);
            Assert.Contains($"({zone})", message.TextBody, StringComparison.Ordinal);
            var calendarPart = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
            Assert.Equal(method, calendarPart.ContentType.Parameters["method"]);
            var ics = calendarPart.Text;
            Assert.Contains($"DTSTART;TZID={zone}:{localStart}", ics, StringComparison.Ordinal);
            foreach (var read in new[] { ThirdPartyParsers.ReadWithIcalJs(ics), ThirdPartyParsers.ReadWithPythonIcalendar(ics) })
            {
                Assert.Equal(method, read.Method);
                var evt = Assert.Single(read.Events);
                Assert.Equal(BookingCalendarUid.For(Invitations.BookingId), evt.Uid);
                Assert.Equal(sequence, evt.Sequence);
                Assert.Equal((Iso(startsAt), Iso(startsAt.AddHours(1))), (evt.Start, evt.End));
            }
        }
    }

    [Fact]
    public async Task A_reminder_arrives_without_an_invitation_and_with_its_one_click_stop()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var transport = new SmtpEmailTransport(new SmtpOptions { Host = SmtpTestServer.Host, Port = server.Port, Security = SmtpSecurity.None });
        var stop = new Uri("https://keller-music.example/api/booking/abc/reminders/stop");

        using (var message = Composer().Compose(Email(BookingEmailKind.Reminder) with { StopRemindersUrl = stop }))
        {
            await transport.SendAsync(message, CancellationToken.None);
        }

        var received = Assert.Single(server.ReceivedMessages());
        Assert.DoesNotContain(received.BodyParts, p => p.ContentType.IsMimeType("text", "calendar") || p.ContentType.IsMimeType("application", "ics"));
        Assert.Equal($"<{stop.AbsoluteUri}>", received.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("Reminder: class with Maria Keller", received.Subject, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
