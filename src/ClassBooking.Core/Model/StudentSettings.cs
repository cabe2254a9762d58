namespace ClassBooking.Core.Model;

/// <summary>
/// What a teacher set for one of their students (one row per teacher and student). A student without a row, or
/// with no colour in it, is shown in the colour derived from their id.
/// </summary>
public sealed class StudentSettings
{
    /// <summary>The teacher.</summary>
    public required string TeacherId { get; set; }

    /// <summary>The student.</summary>
    public required string StudentId { get; set; }

    /// <summary>The key of the chosen palette colour (<see cref="Students.StudentColors.Keys"/>), or null for the default.</summary>
    public string? ColorKey { get; set; }

    /// <summary>When the settings last changed, UTC.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the student stopped reminder e-mails from this teacher (one click in an e-mail), or null while they get them.</summary>
    public DateTimeOffset? RemindersStoppedAt { get; set; }
}
