namespace ClassBooking.Core.Notifications;

/// <summary>A person named in a calendar event: the teacher as organizer or the student as attendee.</summary>
/// <param name="Name">The display name (iCalendar <c>CN</c>), e.g. "Maria Keller".</param>
/// <param name="Email">The e-mail address, written as a <c>mailto:</c> URI.</param>
public sealed record CalendarParticipant(string Name, string Email);
