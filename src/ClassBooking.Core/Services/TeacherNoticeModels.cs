using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;

namespace ClassBooking.Core.Services;

/// <summary>What a teacher's notice reports.</summary>
public enum TeacherNoticeKind
{
    /// <summary>A student booked a class.</summary>
    StudentBooked = 0,

    /// <summary>A student cancelled a booking.</summary>
    StudentCancelled = 1,

    /// <summary>A message to the student (<see cref="TeacherNotice.MessageKind"/>) could not be delivered.</summary>
    DeliveryFailed = 2,
}

/// <summary>One of a teacher's notices, with the student's name as the host's directory gives it.</summary>
/// <param name="Id">The notice's id (the outbox row's).</param>
/// <param name="Kind">What happened.</param>
/// <param name="MessageKind">The outbox message the notice comes from (for a failed delivery: which message failed).</param>
/// <param name="StudentId">The booking's student.</param>
/// <param name="StudentName">The student's name, or null when the host's directory no longer lists the student.</param>
/// <param name="BookingId">The booking the notice is about.</param>
/// <param name="StartsAt">The class's start as the message stated it.</param>
/// <param name="EndsAt">The class's end as the message stated it.</param>
/// <param name="CreatedAt">When it happened (when the message was written), UTC.</param>
/// <param name="ReadAt">When the teacher marked it read, or null while it is unread.</param>
/// <param name="CancellationReason">For a cancellation: the reason the student gave, if any.</param>
/// <param name="DeliveryError">
/// When the message could not be delivered (also the teacher's own e-mail about a booking): why, as the delivery
/// recorded it; otherwise null.
/// </param>
public sealed record TeacherNotice(
    Guid Id,
    TeacherNoticeKind Kind,
    BookingEmailKind MessageKind,
    string StudentId,
    string? StudentName,
    Guid BookingId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string? CancellationReason,
    string? DeliveryError)
{
    /// <summary>True once the teacher has marked the notice read.</summary>
    public bool IsRead => ReadAt is not null;
}

/// <summary>The newest of a teacher's notices and how many are unread.</summary>
/// <param name="Notices">The newest notices, newest first.</param>
/// <param name="Version">The fingerprint the page was read at; <see cref="TeacherNoticeVersion.Unread"/> counts every unread notice, not only those of the page.</param>
public sealed record TeacherNoticePage(IReadOnlyList<TeacherNotice> Notices, TeacherNoticeVersion Version)
{
    /// <summary>How many of the teacher's notices are unread (all of them, not only those of the page).</summary>
    public int UnreadCount => Version.Unread;
}
