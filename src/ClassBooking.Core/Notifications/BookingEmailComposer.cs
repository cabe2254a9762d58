using System.Text;
using MimeKit;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Turns a <see cref="BookingEmail"/> into a MimeKit <see cref="MimeMessage"/>: plain text and HTML alternatives
/// worded by a <see cref="BookingEmailText"/>, and for a confirmation, a change or a cancellation the calendar
/// invitation written by <see cref="BookingInvitationWriter"/>.
/// </summary>
/// <remarks>
/// <para>
/// The message is a pure function of its input: <c>Date</c> and the invitation's <c>DTSTAMP</c> are the time the
/// message was queued and the <c>Message-ID</c> is <c>&lt;{MessageKey}@{domain}&gt;</c>, so a retried delivery is the
/// same message and a receiver can recognise it.
/// </para>
/// <para>
/// An invitation follows the layout Google Calendar and Outlook send and Thunderbird and Gmail recognise:
/// <c>multipart/mixed</c> holding a <c>multipart/alternative</c> of <c>text/plain</c>, <c>text/html</c> and
/// <c>text/calendar; method=…; charset=utf-8</c> (the part clients act on; its <c>method</c> parameter equals the
/// calendar's <c>METHOD</c>, as RFC 6047 requires), followed by the same calendar as an <c>invite.ics</c>
/// attachment of type <c>application/ics</c> for clients that only offer attachments. Messages without an
/// invitation are a bare <c>multipart/alternative</c>.
/// </para>
/// <para>
/// MimeKit writes a message's line ends (headers, boundaries, quoted-printable bodies) in the
/// <see cref="FormatOptions.NewLineFormat"/> it is given, whose default follows the platform (LF on Linux), while
/// RFC 5322 and SMTP need CRLF: write a composed message with <see cref="WireFormat"/> (MailKit's SMTP client
/// already sends CRLF). The calendar parts are base64, so the CRLF line ends RFC 5545 requires survive either way.
/// </para>
/// </remarks>
public sealed class BookingEmailComposer
{
    /// <summary>The file name of the attached invitation.</summary>
    public const string InvitationFileName = "invite.ics";

    /// <summary>
    /// The options to write a composed message with (to an <c>.eml</c> file or a stream): CRLF line ends, which
    /// RFC 5322 and RFC 5545 require, whatever the platform.
    /// </summary>
    public static FormatOptions WireFormat { get; } = CreateWireFormat();

    private readonly BookingEmailText text;
    private readonly MailboxAddress sender;
    private readonly string messageIdDomain;

    /// <summary>Creates a composer.</summary>
    /// <param name="text">The wording; pass a derived class to translate or reword the e-mails.</param>
    /// <param name="sender">The <c>From</c> mailbox of every message, e.g. <c>"Maria Keller Music" &lt;bookings@keller-music.example&gt;</c>.</param>
    /// <param name="messageIdDomain">The domain of the <c>Message-ID</c>; by default the sender's domain.</param>
    /// <exception cref="ArgumentException">The sender's address has no domain and none is given, or the domain is not a plain host name.</exception>
    public BookingEmailComposer(BookingEmailText text, MailboxAddress sender, string? messageIdDomain = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sender);
        this.text = text;
        this.sender = sender;
        var domain = messageIdDomain ?? sender.Domain;
        // The domain goes into a header verbatim, so only the characters of a host name may reach it.
        if (string.IsNullOrEmpty(domain) || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            throw new ArgumentException($"The Message-ID domain must be a host name such as keller-music.example (got '{domain}').", nameof(messageIdDomain));
        }

        this.messageIdDomain = domain;
    }

    /// <summary>The <c>From</c> mailbox of every message.</summary>
    public MailboxAddress Sender => sender;

    /// <summary>The Message-ID, without angle brackets, of the message with a given key: <c>{key}@{domain}</c>.</summary>
    /// <exception cref="ArgumentException">The key is empty or holds a character other than a letter, digit or <c>. - _ +</c>.</exception>
    public string MessageIdFor(string messageKey)
    {
        if (string.IsNullOrEmpty(messageKey) || !messageKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+')
            || messageKey.StartsWith('.') || messageKey.EndsWith('.') || messageKey.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"A message key holds letters, digits and . - _ + only, with no leading, trailing or double dot (got '{messageKey}').", nameof(messageKey));
        }

        return $"{messageKey}@{messageIdDomain}";
    }

    /// <summary>Composes the e-mail.</summary>
    /// <param name="email">What the e-mail says.</param>
    /// <exception cref="ArgumentException">A value of <paramref name="email"/> cannot be used; the message says which.</exception>
    public MimeMessage Compose(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.EndsAt <= email.StartsAt)
        {
            throw new ArgumentException($"The class must end after it starts (starts {email.StartsAt:O}, ends {email.EndsAt:O}).", nameof(email));
        }

        if (email.PortalUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"The portal link must be absolute (got '{email.PortalUrl}').", nameof(email));
        }

        var recipient = email.Recipient;
        if (!MailboxAddress.TryParse(recipient.Email, out var to) || string.IsNullOrEmpty(to.Domain))
        {
            throw new ArgumentException($"The recipient's e-mail address must look like name@example.org (got '{recipient.Email}').", nameof(email));
        }

        to.Name = recipient.Name;
        var message = new MimeMessage
        {
            Subject = text.Subject(email),
            Date = email.QueuedAt.ToUniversalTime(),
            MessageId = MessageIdFor(email.MessageKey),
        };
        message.From.Add(sender);
        message.To.Add(to);
        if (!email.IsToTeacher && email.StopRemindersUrl is { IsAbsoluteUri: true } stop)
        {
            // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to the address, no page visit.
            message.Headers.Add("List-Unsubscribe", $"<{stop.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var alternative = new MultipartAlternative
        {
            TextPart("plain", text.TextBody(email)),
            TextPart("html", text.HtmlBody(email)),
        };

        if (!email.CarriesInvitation)
        {
            message.Body = alternative;
            return message;
        }

        var invitation = BookingInvitationWriter.Write(Event(email), email.RecipientTimeZoneId, email.QueuedAt);
        alternative.Add(CalendarPart(invitation));
        message.Body = new Multipart("mixed") { alternative, Attachment(invitation) };
        return message;
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    private BookedClassEvent Event(BookingEmail email) => new()
    {
        BookingId = email.BookingId,
        StartsAt = email.StartsAt,
        EndsAt = email.EndsAt,
        Summary = text.CalendarSummary(email),
        Description = email.Note,
        Organizer = email.Teacher,
        Attendee = email.Student,
        Sequence = email.Sequence,
        Status = email.Kind == BookingEmailKind.BookingCancelled ? CalendarEventStatus.Cancelled : CalendarEventStatus.Confirmed,
        Url = email.PortalUrl,
    };

    private static TextPart TextPart(string subtype, string body)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, body);
        return part;
    }

    private static TextPart CalendarPart(CalendarInvitation invitation)
    {
        // Base64 keeps the calendar's CRLF line ends and folding byte for byte, which quoted-printable need not.
        var part = new TextPart("calendar") { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, invitation.Text);
        part.ContentType.Parameters.Add("method", invitation.Method);
        return part;
    }

    private static MimePart Attachment(CalendarInvitation invitation) => new("application", "ics")
    {
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(invitation.Text))),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = InvitationFileName,
    };
}
