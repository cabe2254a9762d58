namespace ClassBooking.Core.Model;

/// <summary>A time a teacher offers for a class: one-off, or one occurrence of a <see cref="SlotSeries"/>.</summary>
public sealed class TimeSlot
{
    /// <summary>Identifier of the slot.</summary>
    public Guid Id { get; set; }

    /// <summary>The teacher's id in the host's profile table.</summary>
    public required string TeacherId { get; set; }

    /// <summary>Start instant, UTC.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>End instant, UTC; always after <see cref="StartsAt"/>.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Seats; 1 is a private class, more is a group class.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Confirmed bookings held by this slot; never above <see cref="Capacity"/> (a database check).</summary>
    public int BookedCount { get; set; }

    /// <summary>Optional price of one seat, in the teacher's currency.</summary>
    public decimal? Price { get; set; }

    /// <summary>Optional note shown to the teacher and to students who may book the slot.</summary>
    public string? Note { get; set; }

    /// <summary>Whether the slot is open for booking or was cancelled by the teacher.</summary>
    public SlotStatus Status { get; set; } = SlotStatus.Open;

    /// <summary>The series this slot was expanded from, if any.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>The local date of the series occurrence this slot stands for (kept when the occurrence is moved).</summary>
    public DateOnly? OccurrenceDate { get; set; }

    /// <summary>True when this occurrence was edited on its own and no longer follows its series' rule.</summary>
    public bool IsSeriesException { get; set; }

    /// <summary>When the slot was created, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token, changed on every update.</summary>
    public Guid Version { get; set; }

    /// <summary>Seats still free.</summary>
    public int SeatsLeft => Math.Max(0, Capacity - BookedCount);

    /// <summary>The slot's time range.</summary>
    public TimeRange Range => new(StartsAt, EndsAt);
}

/// <summary>Lifecycle of a <see cref="TimeSlot"/>.</summary>
public enum SlotStatus
{
    /// <summary>Bookable (subject to policy) and counted as the teacher's busy time.</summary>
    Open = 0,

    /// <summary>Withdrawn by the teacher; kept only so bookings that referred to it keep their history.</summary>
    Cancelled = 1,
}
