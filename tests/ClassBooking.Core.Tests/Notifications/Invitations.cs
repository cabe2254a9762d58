using ClassBooking.Core.Notifications;

namespace ClassBooking.Core.Tests.Notifications;

/// <summary>The booked classes and clocks the invitation tests share.</summary>
internal static class Invitations
{
    public static readonly Guid BookingId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>When the invitations are written: before every class the tests book.</summary>
    public static readonly DateTimeOffset StampedAt = Times.Utc(2026, 1, 10, 9, 30);

    public static BookedClassEvent Class(DateTimeOffset startsAt, TimeSpan? length = null) => new()
    {
        BookingId = BookingId,
        StartsAt = startsAt,
        EndsAt = startsAt + (length ?? TimeSpan.FromHours(1)),
        Summary = "Piano lesson with Maria Keller",
        Description = "Bring the Czerny études.",
        Organizer = new CalendarParticipant("Maria Keller", "maria@keller-music.example"),
        Attendee = new CalendarParticipant("Sam Patel", "sam.patel@example.org"),
        Sequence = 0,
    };
}
