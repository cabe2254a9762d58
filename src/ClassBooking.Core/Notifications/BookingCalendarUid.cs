namespace ClassBooking.Core.Notifications;

/// <summary>
/// The iCalendar UIDs ClassBooking writes: a booking's (the one rule shared by invitations and the student and
/// teacher feeds), and those of the teacher feed's open slots and blocked periods.
/// </summary>
/// <remarks>
/// Calendar clients match an update or a cancellation to the event they already hold by its UID, and a feed entry
/// to an invitation the same way, so the UID depends on the booking's id alone: it never changes while the booking
/// lives (moved, renamed or cancelled), and two bookings never share it. The form is
/// <c>booking-{id as 32 lowercase hex digits}@classbooking</c>, e.g.
/// <c>booking-0f8fad5bd9cb469fa16570867728950e@classbooking</c>. Open slots and blocked periods have UIDs of their
/// own kind (<c>slot-…@classbooking</c>, <c>block-…@classbooking</c>), so no UID of one kind equals one of another.
/// </remarks>
public static class BookingCalendarUid
{
    /// <summary>The UID of the calendar event of a booking.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <exception cref="ArgumentException"><paramref name="bookingId"/> is <see cref="Guid.Empty"/>, which no booking has.</exception>
    public static string For(Guid bookingId) => Uid("booking", bookingId, nameof(bookingId));

    /// <summary>The UID of an open slot without bookings in the teacher's feed: <c>slot-{id:N}@classbooking</c>.</summary>
    /// <param name="slotId">The slot's id.</param>
    /// <exception cref="ArgumentException"><paramref name="slotId"/> is <see cref="Guid.Empty"/>.</exception>
    public static string ForOpenSlot(Guid slotId) => Uid("slot", slotId, nameof(slotId));

    /// <summary>The UID of a blocked period in the teacher's feed: <c>block-{id:N}@classbooking</c>.</summary>
    /// <param name="blockId">The blocked period's id.</param>
    /// <exception cref="ArgumentException"><paramref name="blockId"/> is <see cref="Guid.Empty"/>.</exception>
    public static string ForBlockedPeriod(Guid blockId) => Uid("block", blockId, nameof(blockId));

    private static string Uid(string kind, Guid id, string parameterName)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException($"A {kind}'s calendar UID needs the {kind}'s id; Guid.Empty is not one.", parameterName);
        }

        return $"{kind}-{id:N}@classbooking";
    }
}
