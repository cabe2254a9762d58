using System.Text.Json.Serialization;
using ClassBooking.Core.Model;
using ClassBooking.Core.Policies;

namespace ClassBooking.Core.Privacy;

/// <summary>How a slot looks to one student.</summary>
// Sent as these strings by the HTTP API whatever JSON options serialize it, so the OpenAPI document agrees.
[JsonConverter(typeof(JsonStringEnumConverter<StudentSlotStatus>))]
public enum StudentSlotStatus
{
    /// <summary>The student can book it (a seat is free and the student holds none).</summary>
    [JsonStringEnumMemberName("available")]
    Available = 0,

    /// <summary>Taken by someone else, or otherwise not bookable; nothing more is said.</summary>
    [JsonStringEnumMemberName("unavailable")]
    Unavailable = 1,

    /// <summary>Booked by this student.</summary>
    [JsonStringEnumMemberName("booked")]
    Booked = 2,
}

/// <summary>
/// A slot as one student may see it. It carries only the slot's own facts; for slots the student cannot book it
/// carries nothing but the time.
/// </summary>
/// <param name="SlotId">The slot's id (needed to book it).</param>
/// <param name="StartsAt">Start, UTC.</param>
/// <param name="EndsAt">End, UTC.</param>
/// <param name="Status">Available, unavailable or booked by this student.</param>
/// <param name="SeatsLeft">Free seats, for group classes the student can see (null for one-seat and unavailable slots).</param>
/// <param name="Capacity">Seats of a group class the student can see (null otherwise).</param>
/// <param name="Price">The price, for slots the student can book or has booked.</param>
/// <param name="Note">The teacher's public note, for slots the student can book or has booked.</param>
/// <param name="BookingId">The student's own booking, when <see cref="Status"/> is <see cref="StudentSlotStatus.Booked"/>.</param>
public sealed record StudentCalendarEntry(
    Guid SlotId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    StudentSlotStatus Status,
    int? SeatsLeft,
    int? Capacity,
    decimal? Price,
    string? Note,
    Guid? BookingId);

/// <summary>
/// The privacy filter of the student's calendar: free slots, the student's own bookings, and every other booking
/// only as "unavailable" — no name, id, e-mail, note or colour of anyone else is in the projection, because the
/// projection has no field that could hold them.
/// </summary>
public static class StudentCalendarFilter
{
    /// <summary>
    /// Projects the teacher's open slots and their confirmed bookings for <paramref name="studentId"/>. A slot is
    /// available only when a seat is free and the teacher's policy allows booking it now (notice, horizon).
    /// </summary>
    public static IReadOnlyList<StudentCalendarEntry> Project(
        IEnumerable<TimeSlot> slots,
        IEnumerable<Booking> confirmedBookings,
        string studentId,
        TeacherPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(confirmedBookings);
        var own = confirmedBookings
            .Where(b => b.Status == BookingStatus.Confirmed && string.Equals(b.StudentId, studentId, StringComparison.Ordinal))
            .ToDictionary(b => b.SlotId, b => b.Id);

        return slots
            .Where(s => s.Status == SlotStatus.Open)
            .OrderBy(s => s.StartsAt)
            .Select(s =>
            {
                if (own.TryGetValue(s.Id, out var bookingId))
                {
                    return new StudentCalendarEntry(s.Id, s.StartsAt, s.EndsAt, StudentSlotStatus.Booked,
                        s.Capacity > 1 ? s.SeatsLeft : null, s.Capacity > 1 ? s.Capacity : null, s.Price, s.Note, bookingId);
                }

                if (s.SeatsLeft > 0 && BookingPolicyEvaluator.CheckBooking(policy, s, now) is null)
                {
                    return new StudentCalendarEntry(s.Id, s.StartsAt, s.EndsAt, StudentSlotStatus.Available,
                        s.Capacity > 1 ? s.SeatsLeft : null, s.Capacity > 1 ? s.Capacity : null, s.Price, s.Note, null);
                }

                return new StudentCalendarEntry(s.Id, s.StartsAt, s.EndsAt, StudentSlotStatus.Unavailable, null, null, null, null, null);
            })
            .ToList();
    }
}
