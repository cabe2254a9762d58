using ClassBooking.Core.Model;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Everything one booking e-mail says: the input of <see cref="BookingEmailComposer"/>. Immutable, so the same
/// value composed twice (a retried delivery) gives the same message.
/// </summary>
/// <remarks>
/// Instants are absolute; the e-mail shows them in <see cref="RecipientTimeZoneId"/>. The recipient is the student
/// for the student kinds and the teacher for <see cref="BookingEmailKind.TeacherStudentBooked"/> and
/// <see cref="BookingEmailKind.TeacherStudentCancelled"/> (see <see cref="Recipient"/>).
/// </remarks>
public sealed record BookingEmail
{
    /// <summary>Which e-mail this is.</summary>
    public required BookingEmailKind Kind { get; init; }

    /// <summary>The booking's id: the invitation's UID is made from it (<see cref="BookingCalendarUid.For"/>).</summary>
    public required Guid BookingId { get; init; }

    /// <summary>When the class starts (after a move: the new start).</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When the class ends; after <see cref="StartsAt"/>.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>For <see cref="BookingEmailKind.BookingChanged"/>: when the class started before it was moved, if known.</summary>
    public DateTimeOffset? PreviousStartsAt { get; init; }

    /// <summary>For <see cref="BookingEmailKind.BookingChanged"/>: when the class ended before it was moved, if known.</summary>
    public DateTimeOffset? PreviousEndsAt { get; init; }

    /// <summary>The teacher's name and e-mail address.</summary>
    public required CalendarParticipant Teacher { get; init; }

    /// <summary>The student's name and e-mail address.</summary>
    public required CalendarParticipant Student { get; init; }

    /// <summary>The booking's note, if any; written by a person, so the HTML body escapes it.</summary>
    public string? Note { get; init; }

    /// <summary>The recipient's IANA zone, e.g. "Europe/London"; <see langword="null"/> or unknown shows times in UTC.</summary>
    public string? RecipientTimeZoneId { get; init; }

    /// <summary>
    /// Until when the student may still cancel online, or <see langword="null"/> when the class is already inside the
    /// cancellation window (see <c>BookingPolicyEvaluator.CancellationDeadline</c>).
    /// </summary>
    public DateTimeOffset? CancellationDeadline { get; init; }

    /// <summary>The teacher's cancellation policy in words, e.g. "Classes can be cancelled until 24 hours before they start."</summary>
    public string? PolicyText { get; init; }

    /// <summary>
    /// The absolute link back to the portal where the booking can be seen and cancelled (for the teacher: their
    /// dashboard); <see langword="null"/> when no link can be given (e.g. the student's link was issued before links
    /// were kept for e-mails), and the e-mail then points to the link the teacher gave.
    /// </summary>
    public Uri? PortalUrl { get; init; }

    /// <summary>
    /// For the student's e-mails: the one-click address that stops reminders (RFC 8058), sent as the
    /// <c>List-Unsubscribe</c> header and linked in reminders; null when no link can be given.
    /// </summary>
    public Uri? StopRemindersUrl { get; init; }

    /// <summary>The teacher's own message for this kind of e-mail, if set; escaped in the HTML body.</summary>
    public string? TeacherMessage { get; init; }

    /// <summary>For <see cref="BookingEmailKind.BookingCancelled"/> and <see cref="BookingEmailKind.TeacherStudentCancelled"/>: who cancelled.</summary>
    public ActorKind? CancelledBy { get; init; }

    /// <summary>For a cancellation: the reason given, if any; escaped in the HTML body.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>
    /// The invitation's <c>SEQUENCE</c>: 0 for the first confirmation, higher for each change, and for a cancellation
    /// higher than the last invitation sent, since calendar clients ignore a message with a lower sequence.
    /// </summary>
    public int Sequence { get; init; }

    /// <summary>
    /// The stable key of this message (e.g. the notification row's id), from which the Message-ID
    /// <c>&lt;{key}@{domain}&gt;</c> is built, so a retried delivery carries the same id. Letters, digits and
    /// <c>. - _ +</c> only.
    /// </summary>
    public required string MessageKey { get; init; }

    /// <summary>When the message was queued: the e-mail's <c>Date</c> and the invitation's <c>DTSTAMP</c>.</summary>
    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>Whether the e-mail goes to the teacher rather than the student.</summary>
    public bool IsToTeacher => Kind is BookingEmailKind.TeacherStudentBooked or BookingEmailKind.TeacherStudentCancelled;

    /// <summary>The person the e-mail goes to: the teacher or the student, by <see cref="Kind"/>.</summary>
    public CalendarParticipant Recipient => IsToTeacher ? Teacher : Student;

    /// <summary>Whether the e-mail carries a calendar invitation: confirmations, changes and student cancellations do.</summary>
    public bool CarriesInvitation => Kind is BookingEmailKind.BookingConfirmed or BookingEmailKind.BookingChanged or BookingEmailKind.BookingCancelled;
}
