namespace ClassBooking.Core.Notifications;

/// <summary>The state of a booked class as a calendar event, which also decides the invitation's method.</summary>
public enum CalendarEventStatus
{
    /// <summary>The class takes place: <c>STATUS:CONFIRMED</c>, sent with <c>METHOD:REQUEST</c>.</summary>
    Confirmed = 0,

    /// <summary>The booking was cancelled: <c>STATUS:CANCELLED</c>, sent with <c>METHOD:CANCEL</c>.</summary>
    Cancelled = 1,
}
