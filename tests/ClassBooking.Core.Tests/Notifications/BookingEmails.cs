using ClassBooking.Core.Notifications;
using MimeKit;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>The booking e-mails the composer tests share, and the round trip through an .eml.</summary>
internal static class BookingEmails
{
    public static readonly MailboxAddress Sender = new("Maria Keller Music", "bookings@keller-music.example");

    /// <summary>Tuesday 14 April 2026, 17:00 in London (BST) and 21:30 in Kolkata.</summary>
    public static readonly DateTimeOffset StartsAt = Times.Utc(2026, 4, 14, 16);

    /// <summary>24 hours before the class: Monday 13 April 2026, 17:00 in London.</summary>
    public static readonly DateTimeOffset Deadline = StartsAt.AddHours(-24);

    public static readonly DateTimeOffset QueuedAt = Times.Utc(2026, 4, 1, 9, 30);

    public static BookingEmailComposer Composer(BookingEmailText? text = null) => new(text ?? new BookingEmailText(), Sender);

    public static BookingEmail Email(BookingEmailKind kind, string? zone = Times.London) => new()
    {
        Kind = kind,
        BookingId = Invitations.BookingId,
        StartsAt = StartsAt,
        EndsAt = StartsAt.AddHours(1),
        Teacher = new CalendarParticipant("Maria Keller", "maria@keller-music.example"),
        Student = new CalendarParticipant("Sam Patel", "sam.patel@example.org"),
        Note = "Bring the Czerny études.",
        RecipientTimeZoneId = zone,
        CancellationDeadline = Deadline,
        PolicyText = "Classes can be cancelled until 24 hours before they start.",
        PortalUrl = new Uri("https://keller-music.example/portal/s/abc123"),
        Sequence = kind == BookingEmailKind.BookingCancelled ? 1 : 0,
        MessageKey = "notification-42",
        QueuedAt = QueuedAt,
    };

    /// <summary>Writes the message as an .eml and reads it back, as a mail client would see it.</summary>
    public static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(BookingEmailComposer.WireFormat, stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    public static MimeMessage ComposedAndRead(BookingEmail email, BookingEmailText? text = null) =>
        RoundTrip(Composer(text).Compose(email));

    /// <summary>A part's decoded content as it was sent; <see cref="TextPart.Text"/> would turn CRLF into LF.</summary>
    public static string Decoded(MimePart part)
    {
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);
        return System.Text.Encoding.UTF8.GetString(decoded.ToArray());
    }

    public static IReadOnlyList<TextPart> CalendarParts(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Where(part => part.ContentType.IsMimeType("text", "calendar")).ToList();
}
