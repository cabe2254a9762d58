namespace ClassBooking.Core.Model;

/// <summary>
/// A teacher's secret calendar feed address: only the SHA-256 of its token is stored, and at most one per teacher,
/// so regenerating it kills the old address at once.
/// </summary>
public sealed class TeacherCalendarFeed
{
    /// <summary>The teacher (one feed each).</summary>
    public required string TeacherId { get; set; }

    /// <summary>SHA-256 of the feed token's bytes (32 bytes).</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>When the address was made, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
