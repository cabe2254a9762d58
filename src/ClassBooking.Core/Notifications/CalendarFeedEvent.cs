namespace ClassBooking.Core.Notifications;

/// <summary>One event of a calendar feed: a booked class, an open slot or a blocked period.</summary>
/// <remarks>
/// A booked class carries the UID and sequence of the booking's invitations (<see cref="BookingCalendarUid.For"/>,
/// <c>Booking.CalendarSequence</c>), so a calendar that holds the invitation and the feed knows them as one event.
/// </remarks>
public sealed record CalendarFeedEvent
{
    /// <summary>The event's UID (see <see cref="BookingCalendarUid"/>).</summary>
    public required string Uid { get; init; }

    /// <summary>When it starts.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When it ends; after <see cref="StartsAt"/>.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>The title (<c>SUMMARY</c>), e.g. "Class with Maria Keller" or "Open: 2 seats".</summary>
    public required string Summary { get; init; }

    /// <summary>Optional text (<c>DESCRIPTION</c>), e.g. the slot's note.</summary>
    public string? Description { get; init; }

    /// <summary>The revision (<c>SEQUENCE</c>); for a booking, its calendar sequence.</summary>
    public int Sequence { get; init; }

    /// <summary>Confirmed, tentative (an open slot nobody booked yet) or cancelled.</summary>
    public CalendarFeedEventStatus Status { get; init; } = CalendarFeedEventStatus.Confirmed;
}
