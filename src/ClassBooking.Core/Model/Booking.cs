using System.Text.Json.Serialization;

namespace ClassBooking.Core.Model;

/// <summary>A student's seat in a <see cref="TimeSlot"/>.</summary>
public sealed class Booking
{
    /// <summary>Identifier of the booking.</summary>
    public Guid Id { get; set; }

    /// <summary>The booked slot.</summary>
    public Guid SlotId { get; set; }

    /// <summary>The teacher's id (copied from the slot, so a teacher's bookings are found without a join).</summary>
    public required string TeacherId { get; set; }

    /// <summary>The student's id in the host's profile table.</summary>
    public required string StudentId { get; set; }

    /// <summary>Confirmed or cancelled.</summary>
    public BookingStatus Status { get; set; } = BookingStatus.Confirmed;

    /// <summary>Copy of the slot's start, so history survives slot changes and week counts need no join.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Copy of the slot's end.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>When the booking was made, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the booking was cancelled, UTC.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Who cancelled it.</summary>
    public ActorKind? CancelledBy { get; set; }

    /// <summary>Optional reason given on cancellation.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>
    /// The client's idempotency key of the request that made the booking (unique per teacher and student), so a
    /// retried request returns this booking instead of booking twice.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// The revision of the booking's calendar event (iCalendar <c>SEQUENCE</c>): 0 when booked, one higher with each
    /// change the student is told of (the class moved or changed, the booking cancelled), so calendar clients apply
    /// every update and cancellation over what they hold.
    /// </summary>
    public int CalendarSequence { get; set; }
}

/// <summary>Lifecycle of a <see cref="Booking"/>.</summary>
// Sent as these strings by the HTTP API whatever JSON options serialize it, so the OpenAPI document agrees.
[JsonConverter(typeof(JsonStringEnumConverter<BookingStatus>))]
public enum BookingStatus
{
    /// <summary>The student holds a seat.</summary>
    [JsonStringEnumMemberName("confirmed")]
    Confirmed = 0,

    /// <summary>The seat was given back.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 1,
}

/// <summary>Who performed an action.</summary>
public enum ActorKind
{
    /// <summary>The teacher, signed in to the host.</summary>
    Teacher = 0,

    /// <summary>A student, through a share link.</summary>
    Student = 1,

    /// <summary>ClassBooking itself (e.g. a background job).</summary>
    System = 2,
}
