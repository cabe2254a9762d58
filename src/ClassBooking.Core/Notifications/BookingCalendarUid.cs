namespace ClassBooking.Core.Notifications;

/// <summary>
/// The iCalendar UID of a booking: the one rule shared by invitations and the student and teacher feeds.
/// </summary>
/// <remarks>
/// Calendar clients match an update or a cancellation to the event they already hold by its UID, and a feed entry
/// to an invitation the same way, so the UID depends on the booking's id alone: it never changes while the booking
/// lives (moved, renamed or cancelled), and two bookings never share it. The form is
/// <c>booking-{id as 32 lowercase hex digits}@classbooking</c>, e.g.
/// <c>booking-0f8fad5bd9cb469fa16570867728950e@classbooking</c>.
/// </remarks>
public static class BookingCalendarUid
{
    /// <summary>The UID of the calendar event of a booking.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <exception cref="ArgumentException"><paramref name="bookingId"/> is <see cref="Guid.Empty"/>, which no booking has.</exception>
    public static string For(Guid bookingId)
    {
        if (bookingId == Guid.Empty)
        {
            throw new ArgumentException("A booking's calendar UID needs the booking's id; Guid.Empty is not one.", nameof(bookingId));
        }

        return $"booking-{bookingId:N}@classbooking";
    }
}
