using System.Globalization;
using System.Text;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Every word of the booking e-mails: subjects, plain-text and HTML bodies, the way a date is written. A host
/// translates or rewords them by deriving from this class and overriding what it needs, then registering its class
/// in place of this one (the pattern of Identity's <c>IdentityErrorDescriber</c>).
/// </summary>
/// <remarks>
/// Both bodies are built from the same paragraphs (<see cref="Paragraphs"/>), so an override of a sentence changes
/// the text and the HTML alike. The HTML body encodes every value, so a name, note, reason or message written by a
/// person is shown as text and never read as markup; it uses inline styles only and loads nothing.
/// </remarks>
public class BookingEmailText
{
    /// <summary>The culture that writes day and month names; English by default.</summary>
    protected virtual CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>The subject line.</summary>
    public virtual string Subject(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var day = Day(email.StartsAt, email.RecipientTimeZoneId);
        return email.Kind switch
        {
            BookingEmailKind.BookingConfirmed => $"Class booked with {email.Teacher.Name}: {day}",
            BookingEmailKind.BookingCancelled => $"Class cancelled with {email.Teacher.Name}: {day}",
            BookingEmailKind.BookingChanged when email.PreviousStartsAt is null => $"Class details changed with {email.Teacher.Name}: {day}",
            BookingEmailKind.BookingChanged => $"Class moved with {email.Teacher.Name}: now {day}",
            BookingEmailKind.Reminder => $"Reminder: class with {email.Teacher.Name}, {day}",
            BookingEmailKind.TeacherStudentBooked => $"{email.Student.Name} booked a class: {day}",
            BookingEmailKind.TeacherStudentCancelled => $"{email.Student.Name} cancelled a class: {day}",
            _ => throw UnknownKind(email.Kind),
        };
    }

    /// <summary>The plain-text body: the paragraphs, the teacher's message and the portal link.</summary>
    public virtual string TextBody(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var text = new StringBuilder();
        foreach (var paragraph in Paragraphs(email))
        {
            text.AppendJoin('\n', paragraph).Append("\n\n");
        }

        if (!string.IsNullOrWhiteSpace(email.TeacherMessage))
        {
            text.Append(TeacherMessageHeading(email)).Append('\n').Append(email.TeacherMessage.Trim()).Append("\n\n");
        }

        if (email.PortalUrl is { } url)
        {
            text.Append(PortalLinkText(email)).Append(": ").Append(url.AbsoluteUri).Append('\n');
        }
        else
        {
            text.Append(MissingLinkText(email)).Append('\n');
        }

        if (email.Kind == BookingEmailKind.Reminder && email.StopRemindersUrl is { } stop)
        {
            text.Append(StopRemindersText(email)).Append(": ").Append(stop.AbsoluteUri).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The HTML body: the same content as <see cref="TextBody"/>, every value encoded, inline styles only.</summary>
    public virtual string HtmlBody(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(Subject(email)))
            .Append("</title></head>\n<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #222222;\">\n");
        foreach (var paragraph in Paragraphs(email))
        {
            html.Append("<p style=\"margin: 0 0 1em 0;\">").AppendJoin("<br>", paragraph.Select(Encode)).Append("</p>\n");
        }

        if (!string.IsNullOrWhiteSpace(email.TeacherMessage))
        {
            html.Append("<p style=\"margin: 0 0 0.25em 0;\">").Append(Encode(TeacherMessageHeading(email))).Append("</p>\n")
                .Append("<p style=\"margin: 0 0 1em 0; padding: 0.5em 1em; border-left: 3px solid #999999;\">")
                .AppendJoin("<br>", email.TeacherMessage.Trim().Split('\n').Select(line => Encode(line.TrimEnd('\r'))))
                .Append("</p>\n");
        }

        if (email.PortalUrl is { } url)
        {
            html.Append("<p style=\"margin: 0 0 1em 0;\"><a href=\"").Append(Encode(url.AbsoluteUri)).Append("\">")
                .Append(Encode(PortalLinkText(email))).Append("</a></p>\n");
        }
        else
        {
            html.Append("<p style=\"margin: 0 0 1em 0;\">").Append(Encode(MissingLinkText(email))).Append("</p>\n");
        }

        if (email.Kind == BookingEmailKind.Reminder && email.StopRemindersUrl is { } stop)
        {
            html.Append("<p style=\"margin: 0 0 1em 0; font-size: 0.9em;\"><a href=\"").Append(Encode(stop.AbsoluteUri)).Append("\">")
                .Append(Encode(StopRemindersText(email))).Append("</a></p>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The paragraphs of the body, each a list of lines: greeting, what happened, the class, the policy. Both
    /// bodies are made from them.
    /// </summary>
    protected virtual IReadOnlyList<IReadOnlyList<string>> Paragraphs(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var zone = email.RecipientTimeZoneId;
        var happened = new List<string> { Opening(email) };
        if (IsCancellation(email.Kind) && !string.IsNullOrWhiteSpace(email.CancellationReason))
        {
            happened.Add($"Reason: {email.CancellationReason.Trim()}");
        }

        var details = new List<string> { $"When: {ClassTime(email.StartsAt, email.EndsAt, zone)}" };
        if (email.Kind == BookingEmailKind.BookingChanged && email.PreviousStartsAt is { } previousStart && email.PreviousEndsAt is { } previousEnd)
        {
            details.Add($"Was: {ClassTime(previousStart, previousEnd, zone)}");
        }

        details.Add($"Teacher: {email.Teacher.Name}");
        if (email.IsToTeacher)
        {
            details.Add($"Student: {email.Student.Name} <{email.Student.Email}>");
        }

        if (!string.IsNullOrWhiteSpace(email.Note))
        {
            details.Add($"Note: {email.Note.Trim()}");
        }

        var paragraphs = new List<IReadOnlyList<string>> { new[] { Greeting(email) }, happened, details };
        var policy = new List<string>();
        if (!string.IsNullOrWhiteSpace(email.PolicyText))
        {
            policy.Add($"Cancellation policy: {email.PolicyText.Trim()}");
        }

        if (CancellationDeadlineSentence(email) is { } deadline)
        {
            policy.Add(deadline);
        }

        if (policy.Count > 0)
        {
            paragraphs.Add(policy);
        }

        return paragraphs;
    }

    /// <summary>The first line: "Hello Sam Patel,".</summary>
    protected virtual string Greeting(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return $"Hello {email.Recipient.Name},";
    }

    /// <summary>What happened, in one sentence.</summary>
    protected virtual string Opening(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var teacher = email.Teacher.Name;
        var student = email.Student.Name;
        return email.Kind switch
        {
            BookingEmailKind.BookingConfirmed => $"Your class with {teacher} is booked.",
            BookingEmailKind.BookingCancelled => email.CancelledBy switch
            {
                ActorKind.Student => $"Your class with {teacher} is cancelled, as you asked.",
                ActorKind.Teacher => $"{teacher} cancelled your class.",
                _ => $"Your class with {teacher} is cancelled.",
            },
            BookingEmailKind.BookingChanged when email.PreviousStartsAt is null => $"{teacher} changed the details of your class.",
            BookingEmailKind.BookingChanged => $"Your class with {teacher} has moved to a new time.",
            BookingEmailKind.Reminder => $"A reminder: your class with {teacher} is coming up.",
            BookingEmailKind.TeacherStudentBooked => $"{student} booked a class with you.",
            BookingEmailKind.TeacherStudentCancelled => $"{student} cancelled a class with you.",
            _ => throw UnknownKind(email.Kind),
        };
    }

    /// <summary>
    /// Until when the student may still cancel online, or that the class can no longer be cancelled online; nothing
    /// for a cancellation, which leaves nothing to cancel.
    /// </summary>
    protected virtual string? CancellationDeadlineSentence(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (IsCancellation(email.Kind))
        {
            return null;
        }

        var deadline = email.CancellationDeadline;
        if (email.IsToTeacher)
        {
            return deadline is { } until
                ? $"{email.Student.Name} can cancel online until {Moment(until, email.RecipientTimeZoneId)}."
                : $"{email.Student.Name} can no longer cancel this class online.";
        }

        return deadline is { } at
            ? $"You can cancel online until {Moment(at, email.RecipientTimeZoneId)}."
            : $"This class can no longer be cancelled online. Please contact {email.Teacher.Name} if you cannot come.";
    }

    /// <summary>The line above the teacher's own message.</summary>
    protected virtual string TeacherMessageHeading(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.IsToTeacher ? "Your message to students:" : $"A message from {email.Teacher.Name}:";
    }

    /// <summary>The words of the link back to the portal.</summary>
    protected virtual string PortalLinkText(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.IsToTeacher ? "Open your bookings" : "See or cancel your booking";
    }

    /// <summary>The words of the link that stops reminders, shown in reminder e-mails.</summary>
    protected virtual string StopRemindersText(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return $"Stop reminders from {email.Teacher.Name}";
    }

    /// <summary>What the e-mail says instead of a link when it has none (<see cref="BookingEmail.PortalUrl"/> is null).</summary>
    protected virtual string MissingLinkText(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.IsToTeacher
            ? "Open your dashboard to see your bookings."
            : "To see or cancel your booking, open the booking link your teacher gave you.";
    }

    /// <summary>The title of the class in the invitation (<c>SUMMARY</c>), e.g. "Class with Maria Keller".</summary>
    public virtual string CalendarSummary(BookingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return CalendarFeedText.ClassWith(email.IsToTeacher ? email.Student.Name : email.Teacher.Name);
    }

    /// <summary>
    /// A class's date and time in a zone, with the zone named: "Tuesday, 14 April 2026, 17:00–18:00 (Europe/London)";
    /// a class that ends on another local day names both days. An unknown or missing zone shows UTC.
    /// </summary>
    public virtual string ClassTime(DateTimeOffset startsAt, DateTimeOffset endsAt, string? timeZoneId)
    {
        var (zone, start) = Local(startsAt, timeZoneId);
        var (_, end) = Local(endsAt, timeZoneId);
        return start.Date == end.Date
            ? $"{DayText(start)}, {TimeText(start)}–{TimeText(end)} ({zone})"
            : $"{DayText(start)}, {TimeText(start)} – {DayText(end)}, {TimeText(end)} ({zone})";
    }

    /// <summary>An instant in a zone, with the zone named: "Monday, 13 April 2026, 17:00 (Europe/London)".</summary>
    public virtual string Moment(DateTimeOffset at, string? timeZoneId)
    {
        var (zone, local) = Local(at, timeZoneId);
        return $"{DayText(local)}, {TimeText(local)} ({zone})";
    }

    /// <summary>A short day and time for subjects: "Tuesday, 14 April 2026, 17:00".</summary>
    protected virtual string Day(DateTimeOffset at, string? timeZoneId)
    {
        var (_, local) = Local(at, timeZoneId);
        return $"{DayText(local)}, {TimeText(local)}";
    }

    private string DayText(DateTime local) => local.ToString("dddd, d MMMM yyyy", Culture);

    private string TimeText(DateTime local) => local.ToString("HH:mm", Culture);

    private static (string Zone, DateTime Local) Local(DateTimeOffset at, string? timeZoneId) =>
        LocalTimeConverter.IsKnownZone(timeZoneId)
            ? (LocalTimeConverter.GetZone(timeZoneId!).Id, LocalTimeConverter.ToLocal(at, timeZoneId!))
            : ("UTC", at.UtcDateTime);

    private static bool IsCancellation(BookingEmailKind kind) =>
        kind is BookingEmailKind.BookingCancelled or BookingEmailKind.TeacherStudentCancelled;

    // Only the characters that HTML reads as markup are encoded: the body is utf-8, so "é" stays readable in the
    // source rather than becoming "&#233;" as WebUtility.HtmlEncode writes it.
    private static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    private static ArgumentException UnknownKind(BookingEmailKind kind) =>
        new($"Unknown kind of booking e-mail: {kind}.", nameof(kind));
}
