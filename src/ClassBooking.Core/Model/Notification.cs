using ClassBooking.Core.Notifications;

namespace ClassBooking.Core.Model;

/// <summary>
/// One message of the outbox: an e-mail about a booking, written in the transaction of the change it reports (or, for
/// a reminder, of the booking it reminds of) and delivered later by a background service. The row keeps the facts the
/// message states at the time of the change, so a retried delivery sends the same message.
/// </summary>
/// <remarks>
/// Delivery leases due rows (<see cref="LeaseOwner"/>, <see cref="LeasedUntil"/>) so that many host instances can
/// deliver at once and a row leased by an instance that stopped is taken over when its lease has expired. The
/// row's <see cref="Id"/> is the key of the e-mail's Message-ID, so a receiver can recognise a retried message.
/// </remarks>
public sealed class Notification
{
    /// <summary>Identifier of the row; the key of the message's Message-ID.</summary>
    public Guid Id { get; set; }

    /// <summary>The teacher whose booking the message is about.</summary>
    public required string TeacherId { get; set; }

    /// <summary>The booking's student.</summary>
    public required string StudentId { get; set; }

    /// <summary>The booking the message is about.</summary>
    public Guid BookingId { get; set; }

    /// <summary>Which message this is; decides the recipient (student or teacher).</summary>
    public BookingEmailKind Kind { get; set; }

    /// <summary>Where the row is in its life.</summary>
    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;

    /// <summary>When the row was written, UTC: the message's <c>Date</c>.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the message is due: at once for news of a change, the class's start minus the offset for a reminder.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Not before this instant is the next delivery attempt made (<see cref="DueAt"/>, later after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Delivery attempts started so far (counted when a row is leased).</summary>
    public int Attempts { get; set; }

    /// <summary>The delivering instance holding the lease, if any.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds; after it, another instance may take the row over.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>When the message was handed to the transport, UTC.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed or the message was not sent (no secrets, no stack trace).</summary>
    public string? LastError { get; set; }

    /// <summary>When the teacher marked the notice read in the app, if ever.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>For a reminder: how long before the class it is sent.</summary>
    public TimeSpan? ReminderOffset { get; set; }

    /// <summary>The calendar invitation's <c>SEQUENCE</c> the message carries (the booking's at the time of the change).</summary>
    public int Sequence { get; set; }

    /// <summary>The class's start as the message states it (after a move: the new start).</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>The class's end as the message states it.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>For a change: the class's start before it.</summary>
    public DateTimeOffset? PreviousStartsAt { get; set; }

    /// <summary>For a change: the class's end before it.</summary>
    public DateTimeOffset? PreviousEndsAt { get; set; }

    /// <summary>For a cancellation: who cancelled.</summary>
    public ActorKind? CancelledBy { get; set; }

    /// <summary>For a cancellation: the reason given.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>The class's note (place, what to bring) at the time of the change.</summary>
    public string? Note { get; set; }

    /// <summary>Whether the message goes to the teacher rather than the student.</summary>
    public bool IsToTeacher => Kind is BookingEmailKind.TeacherStudentBooked or BookingEmailKind.TeacherStudentCancelled;
}

/// <summary>Life of a <see cref="Notification"/>.</summary>
public enum NotificationStatus
{
    /// <summary>Waiting to be delivered (due, or due later, or to be retried).</summary>
    Pending = 0,

    /// <summary>Handed to the transport.</summary>
    Sent = 1,

    /// <summary>Every attempt failed, or the transport refused it for good; shown to the teacher and the health check.</summary>
    Dead = 2,

    /// <summary>No longer wanted: a reminder of a booking that was cancelled, or of a class that moved (a new row replaces it).</summary>
    Cancelled = 3,

    /// <summary>Not sent on purpose: the recipient has no e-mail address, switched this kind off, or the reminder's time passed.</summary>
    Skipped = 4,
}
