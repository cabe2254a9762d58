namespace ClassLogger.Data;

/// <summary>Whether a profile is a teacher or a student.</summary>
public enum ProfileRole
{
    /// <summary>Teaches classes and signs in to the dashboard.</summary>
    Teacher,

    /// <summary>Takes classes; does not sign in.</summary>
    Student,
}

/// <summary>A person the dashboard knows: a teacher or a student (table <c>profiles</c>).</summary>
public sealed class Profile
{
    public int Id { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public ProfileRole Role { get; set; }

    /// <summary>IANA time zone id, e.g. "Europe/Berlin".</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>The Identity user who signs in as this profile (teachers only), if any.</summary>
    public string? IdentityUserId { get; set; }
}

/// <summary>A student taking lessons in one subject with one teacher (table <c>enrollments</c>).</summary>
public sealed class Enrollment
{
    public int Id { get; set; }

    public int TeacherProfileId { get; set; }

    public int StudentProfileId { get; set; }

    public DateOnly StartedOn { get; set; }

    public bool Active { get; set; }

    /// <summary>Instrument or subject, e.g. "Piano".</summary>
    public required string Subject { get; set; }

    public Profile? Teacher { get; set; }

    public Profile? Student { get; set; }
}

/// <summary>One class that took place (table <c>class_logs</c>).</summary>
public sealed class ClassLogEntry
{
    public int Id { get; set; }

    public int TeacherProfileId { get; set; }

    public int StudentProfileId { get; set; }

    /// <summary>Start of the class, in UTC.</summary>
    public DateTime StartedAt { get; set; }

    public int DurationMinutes { get; set; }

    public string? Notes { get; set; }

    public int CreditsUsed { get; set; }

    public Profile? Teacher { get; set; }

    public Profile? Student { get; set; }
}

/// <summary>How many prepaid class credits a student has left with a teacher (table <c>credit_balances</c>).</summary>
public sealed class CreditBalance
{
    public int StudentProfileId { get; set; }

    public int TeacherProfileId { get; set; }

    public int Balance { get; set; }

    public Profile? Student { get; set; }

    public Profile? Teacher { get; set; }
}
