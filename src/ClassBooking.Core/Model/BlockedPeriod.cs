namespace ClassBooking.Core.Model;

/// <summary>A period in which the teacher is busy: no slot may overlap it.</summary>
public sealed class BlockedPeriod
{
    /// <summary>Identifier of the block.</summary>
    public Guid Id { get; set; }

    /// <summary>The teacher's id in the host's profile table.</summary>
    public required string TeacherId { get; set; }

    /// <summary>Start instant, UTC.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>End instant, UTC.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Optional private reason, never shown to students.</summary>
    public string? Reason { get; set; }

    /// <summary>When the block was created, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The block's time range.</summary>
    public TimeRange Range => new(StartsAt, EndsAt);
}
