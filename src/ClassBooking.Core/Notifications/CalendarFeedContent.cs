namespace ClassBooking.Core.Notifications;

/// <summary>
/// What a subscribed calendar feed holds: its name, the subscriber's zone, the teacher as organizer, and its events.
/// The input of <see cref="BookingInvitationWriter.WriteFeed"/>.
/// </summary>
public sealed record CalendarFeedContent
{
    /// <summary>The calendar's name as clients list it (<c>NAME</c> and <c>X-WR-CALNAME</c>), e.g. "Classes with Maria Keller".</summary>
    public required string Name { get; init; }

    /// <summary>The subscriber's IANA zone, or <see langword="null"/> for UTC (chosen as for invitations, see <see cref="BookingInvitationWriter"/>).</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The teacher, written as every event's <c>ORGANIZER</c>; <see langword="null"/> when the host knows no address for them.</summary>
    public CalendarParticipant? Organizer { get; init; }

    /// <summary>The events, in any order (they are written by start).</summary>
    public required IReadOnlyList<CalendarFeedEvent> Events { get; init; }
}
