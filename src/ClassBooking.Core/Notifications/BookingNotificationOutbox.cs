using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Writes the e-mails a booking change causes into the outbox, inside the unit of work of the change: a refused or
/// rolled-back change leaves no message, a committed one always has its messages. Reminders are rows due before
/// the class; cancelling a booking cancels its pending reminders and moving a class moves them, in the same
/// transaction.
/// </summary>
public sealed class BookingNotificationOutbox(IOptions<ClassBookingNotificationOptions> options, TimeProvider time)
{
    /// <summary>
    /// A booking was made: the student's confirmation, the teacher's notice when the student booked it themselves,
    /// and the reminders whose time has not already passed.
    /// </summary>
    public void BookingConfirmed(IClassBookingSession session, Booking booking, TimeSlot slot, TeacherPolicy policy, ActorKind bookedBy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        session.AddNotification(New(booking, BookingEmailKind.BookingConfirmed, slot.Note, now));
        if (bookedBy == ActorKind.Student)
        {
            session.AddNotification(New(booking, BookingEmailKind.TeacherStudentBooked, slot.Note, now));
        }

        AddReminders(session, booking, policy, now);
    }

    /// <summary>
    /// A booking was cancelled (by the student, or by the teacher, also by withdrawing the class): the student's
    /// cancellation with a higher calendar sequence, the teacher's notice when the student cancelled, and its pending
    /// reminders cancelled.
    /// </summary>
    public async Task BookingCancelledAsync(IClassBookingSession session, Booking booking, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(booking);
        var now = time.GetUtcNow();
        await CancelPendingRemindersAsync(session, [booking.Id], cancellationToken).ConfigureAwait(false);
        booking.CalendarSequence++;
        session.AddNotification(Cancellation(booking, BookingEmailKind.BookingCancelled, note, now));
        if (booking.CancelledBy == ActorKind.Student)
        {
            session.AddNotification(Cancellation(booking, BookingEmailKind.TeacherStudentCancelled, note, now));
        }
    }

    /// <summary>
    /// The teacher changed a booked class (its time, or its note): the student's update with a higher calendar
    /// sequence, and, when the time changed, the reminders moved with it (pending ones cancelled, new ones due
    /// before the new start). The caller has already copied the new times onto <paramref name="booking"/>.
    /// </summary>
    public async Task BookingChangedAsync(
        IClassBookingSession session, Booking booking, TimeRange previous, string? note, TeacherPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        booking.CalendarSequence++;
        var message = New(booking, BookingEmailKind.BookingChanged, note, now);
        var moved = previous.Start != booking.StartsAt || previous.End != booking.EndsAt;
        if (moved)
        {
            message.PreviousStartsAt = previous.Start;
            message.PreviousEndsAt = previous.End;
            await CancelPendingRemindersAsync(session, [booking.Id], cancellationToken).ConfigureAwait(false);
            AddReminders(session, booking, policy, now);
        }

        session.AddNotification(message);
    }

    private void AddReminders(IClassBookingSession session, Booking booking, TeacherPolicy policy, DateTimeOffset now)
    {
        foreach (var offset in options.Value.RemindersFor(policy.ReminderMinutes).Distinct())
        {
            var due = booking.StartsAt - offset;
            // A reminder whose time has passed would arrive out of place (e.g. "in 24 hours" for a class in 3).
            if (due <= now)
            {
                continue;
            }

            var reminder = New(booking, BookingEmailKind.Reminder, note: null, now);
            reminder.DueAt = due;
            reminder.NextAttemptAt = due;
            reminder.ReminderOffset = offset;
            session.AddNotification(reminder);
        }
    }

    private static async Task CancelPendingRemindersAsync(IClassBookingSession session, IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken)
    {
        foreach (var pending in await session.GetPendingNotificationsAsync(bookingIds, cancellationToken).ConfigureAwait(false))
        {
            if (pending.Kind == BookingEmailKind.Reminder)
            {
                pending.Status = NotificationStatus.Cancelled;
                pending.LeaseOwner = null;
                pending.LeasedUntil = null;
            }
        }
    }

    private static Notification Cancellation(Booking booking, BookingEmailKind kind, string? note, DateTimeOffset now)
    {
        var message = New(booking, kind, note, now);
        message.CancelledBy = booking.CancelledBy;
        message.CancellationReason = booking.CancellationReason;
        return message;
    }

    private static Notification New(Booking booking, BookingEmailKind kind, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TeacherId = booking.TeacherId,
        StudentId = booking.StudentId,
        BookingId = booking.Id,
        Kind = kind,
        CreatedAt = now,
        DueAt = now,
        NextAttemptAt = now,
        Sequence = booking.CalendarSequence,
        StartsAt = booking.StartsAt,
        EndsAt = booking.EndsAt,
        Note = note,
    };
}
