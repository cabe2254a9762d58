using ClassBooking.Core.Model;

namespace ClassBooking.Core.Policies;

/// <summary>The teacher's booking and cancellation rules, applied to one slot or booking at one instant.</summary>
public static class BookingPolicyEvaluator
{
    /// <summary>Why a student may not book <paramref name="slot"/> at <paramref name="now"/>, or null when the policy allows it (seats are checked by the store).</summary>
    public static ClassBookingError? CheckBooking(TeacherPolicy policy, TimeSlot slot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Status != SlotStatus.Open)
        {
            return new ClassBookingError(ErrorCodes.SlotCancelled, "This class time was withdrawn by the teacher.");
        }

        if (slot.StartsAt <= now)
        {
            return new ClassBookingError(ErrorCodes.SlotInPast, "This class has already started.");
        }

        if (slot.StartsAt - now < policy.MinimumNotice)
        {
            return new ClassBookingError(
                ErrorCodes.TooLateToBook,
                $"Classes must be booked at least {Describe(policy.MinimumNotice)} before they start.");
        }

        if (slot.StartsAt - now > policy.BookingHorizon)
        {
            return new ClassBookingError(
                ErrorCodes.OutsideHorizon,
                $"Classes can be booked at most {Describe(policy.BookingHorizon)} ahead.");
        }

        return null;
    }

    /// <summary>Why <paramref name="actor"/> may not cancel <paramref name="booking"/> at <paramref name="now"/>, or null when allowed. Teachers may always cancel.</summary>
    public static ClassBookingError? CheckCancellation(TeacherPolicy policy, Booking booking, ActorKind actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.Status == BookingStatus.Cancelled)
        {
            return new ClassBookingError(ErrorCodes.AlreadyCancelled, "This booking was already cancelled.");
        }

        if (actor == ActorKind.Teacher || actor == ActorKind.System)
        {
            return null;
        }

        if (booking.StartsAt <= now)
        {
            return new ClassBookingError(ErrorCodes.TooLateToCancel, "This class has already started, so it can no longer be cancelled.");
        }

        if (booking.StartsAt - now < policy.CancellationWindow)
        {
            return new ClassBookingError(
                ErrorCodes.TooLateToCancel,
                $"Classes can be cancelled until {Describe(policy.CancellationWindow)} before they start. Please contact your teacher.");
        }

        return null;
    }

    /// <summary>The latest instant a student may still cancel a class starting at <paramref name="startsAt"/>.</summary>
    public static DateTimeOffset CancellationDeadline(TeacherPolicy policy, DateTimeOffset startsAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return startsAt - policy.CancellationWindow;
    }

    /// <summary>A span in plain words: "24 hours", "2 days", "90 minutes".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0 minutes";
        }

        if (span.TotalMinutes % 1 != 0)
        {
            // Policies are set in minutes; a stray second rounds up so a rule never reads shorter than it is.
            span = TimeSpan.FromMinutes(Math.Ceiling(span.TotalMinutes));
        }

        if (span.TotalDays >= 1 && span.TotalDays % 7 == 0)
        {
            var weeks = (int)(span.TotalDays / 7);
            return weeks == 1 ? "1 week" : $"{weeks} weeks";
        }

        if (span.TotalDays >= 2 && span.TotalDays % 1 == 0)
        {
            return $"{(int)span.TotalDays} days";
        }

        if (span.TotalHours >= 1 && span.TotalHours % 1 == 0)
        {
            return span.TotalHours == 1 ? "1 hour" : $"{(int)span.TotalHours} hours";
        }

        return span.TotalMinutes == 1 ? "1 minute" : $"{(int)span.TotalMinutes} minutes";
    }
}
