namespace ClassBooking.Core.Notifications;

/// <summary>One booked class described as a calendar event: what an invitation or a feed entry says about it.</summary>
/// <remarks>
/// Instants are absolute (any offset is accepted and read as the instant it denotes); the zone they are shown in is
/// the recipient's, chosen when the event is written (see <see cref="BookingInvitationWriter"/>), so the same
/// description serves the teacher and the student.
/// </remarks>
public sealed record BookedClassEvent
{
    /// <summary>The booking's id, from which the event's UID is made (<see cref="BookingCalendarUid.For"/>).</summary>
    public required Guid BookingId { get; init; }

    /// <summary>When the class starts.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When the class ends; after <see cref="StartsAt"/>.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>The event's title (<c>SUMMARY</c>), e.g. "Piano lesson with Maria Keller".</summary>
    public required string Summary { get; init; }

    /// <summary>Optional text of the event (<c>DESCRIPTION</c>), e.g. the booking's note.</summary>
    public string? Description { get; init; }

    /// <summary>The teacher (<c>ORGANIZER</c>).</summary>
    public required CalendarParticipant Organizer { get; init; }

    /// <summary>The student (<c>ATTENDEE</c>).</summary>
    public required CalendarParticipant Attendee { get; init; }

    /// <summary>
    /// The revision of the event (<c>SEQUENCE</c>): 0 for the first invitation, higher for each change after it.
    /// Calendar clients ignore a message whose sequence is lower than the one they hold, so a cancellation must carry
    /// a higher value than the last request sent for the booking.
    /// </summary>
    public int Sequence { get; init; }

    /// <summary>Confirmed or cancelled; decides the invitation's method.</summary>
    public CalendarEventStatus Status { get; init; } = CalendarEventStatus.Confirmed;

    /// <summary>Optional absolute link back to the student's portal (<c>URL</c>).</summary>
    public Uri? Url { get; init; }
}
