namespace ClassBooking.Core.Notifications;

/// <summary>The <c>STATUS</c> of a feed event.</summary>
public enum CalendarFeedEventStatus
{
    /// <summary>It takes place: <c>STATUS:CONFIRMED</c>.</summary>
    Confirmed = 0,

    /// <summary>It may take place (an open slot without bookings): <c>STATUS:TENTATIVE</c>.</summary>
    Tentative = 1,

    /// <summary>It was cancelled: <c>STATUS:CANCELLED</c>.</summary>
    Cancelled = 2,
}
