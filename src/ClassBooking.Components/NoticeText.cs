using System.Globalization;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;

namespace ClassBooking.Components;

/// <summary>
/// How the notification bell words the teacher's notices. Presentation only: which rows are notices, their order and
/// what is unread are decided by <see cref="TeacherNoticeService"/>; this puts them into words.
/// </summary>
internal static class NoticeText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"Notifications, 3 unread": the bell button's accessible name.</summary>
    public static string ButtonLabel(int unread) =>
        unread == 0 ? "Notifications, none unread" : string.Create(Culture, $"Notifications, {unread} unread");

    /// <summary>The badge's number: "3", or "99+" for more.</summary>
    public static string Badge(int unread) => unread > 99 ? "99+" : unread.ToString(Culture);

    /// <summary>"Amelie Schneider booked a class." or "The confirmation to Amelie Schneider could not be sent: …"</summary>
    public static string Sentence(TeacherNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind switch
        {
            TeacherNoticeKind.StudentBooked => $"{StudentAtStart(notice)} booked a class.",
            TeacherNoticeKind.StudentCancelled => $"{StudentAtStart(notice)} cancelled a class.",
            _ => $"{Message(notice.MessageKind)} to {Student(notice)} could not be sent: {Reason(notice.DeliveryError)}",
        };
    }

    /// <summary>What else there is to know: the reason for a cancellation, or that the teacher's own e-mail about it failed.</summary>
    public static string? Detail(TeacherNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Kind != TeacherNoticeKind.DeliveryFailed && notice.DeliveryError is { } error)
        {
            return $"Your e-mail about it could not be sent: {Reason(error)}";
        }

        return notice.Kind == TeacherNoticeKind.StudentCancelled && !string.IsNullOrWhiteSpace(notice.CancellationReason)
            ? $"Reason: “{notice.CancellationReason.Trim()}”"
            : null;
    }

    /// <summary>"Class on Thu 9 Apr, 10:00–11:00" in the teacher's zone.</summary>
    public static string ClassTime(TeacherNotice notice, string zone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return "Class on " + PortalText.When(notice.StartsAt, notice.EndsAt, zone);
    }

    /// <summary>How long ago <paramref name="at"/> was: "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now, string zone)
    {
        var elapsed = now - at;
        return elapsed < TimeSpan.FromMinutes(1) ? "just now"
            : elapsed < TimeSpan.FromHours(1) ? string.Create(Culture, $"{(int)elapsed.TotalMinutes} min ago")
            : elapsed < TimeSpan.FromDays(1) ? string.Create(Culture, $"{(int)elapsed.TotalHours} h ago")
            : elapsed < TimeSpan.FromDays(2) ? "yesterday"
            : elapsed < TimeSpan.FromDays(7) ? string.Create(Culture, $"{(int)elapsed.TotalDays} days ago")
            : "on " + PortalText.ShortDate(LocalTimeConverter.ToLocalDate(at, zone));
    }

    /// <summary>What the live region says when notices arrive: the notice itself when there is one, else how many.</summary>
    public static string Arrived(IReadOnlyList<TeacherNotice> arrived, string zone)
    {
        ArgumentNullException.ThrowIfNull(arrived);
        return arrived.Count == 1
            ? $"New notice: {Sentence(arrived[0])} {ClassTime(arrived[0], zone)}."
            : string.Create(Culture, $"{arrived.Count} new notices.");
    }

    /// <summary>"Marked 3 notices read."</summary>
    public static string MarkedAllRead(int count) =>
        count == 1 ? "Marked 1 notice read." : string.Create(Culture, $"Marked {count} notices read.");

    /// <summary>Said when the database could not be asked; the bell keeps what it showed and tries again.</summary>
    public const string Stale = "Could not check for new notices just now. Trying again…";

    /// <summary>Said when marking read failed for now.</summary>
    public const string MarkFailed = "The notice could not be marked read just now. Please try again.";

    private static string Message(BookingEmailKind kind) => kind switch
    {
        BookingEmailKind.BookingConfirmed => "The confirmation",
        BookingEmailKind.BookingCancelled => "The cancellation",
        BookingEmailKind.BookingChanged => "The change notice",
        BookingEmailKind.Reminder => "The reminder",
        _ => "A message",
    };

    private static string Student(TeacherNotice notice) => notice.StudentName ?? "a former student";

    private static string StudentAtStart(TeacherNotice notice) => notice.StudentName ?? "A former student";

    private static string Reason(string? error) =>
        string.IsNullOrWhiteSpace(error) ? "no reason was recorded." : error.Trim();
}
