namespace ClassBooking.Core.Model;

/// <summary>A teacher's booking rules. A teacher without a stored row uses the defaults from <see cref="ClassBooking.Core.ClassBookingOptions"/>.</summary>
public sealed class TeacherPolicy
{
    /// <summary>The teacher's id in the host's profile table.</summary>
    public required string TeacherId { get; set; }

    /// <summary>IANA time zone the teacher's schedule is written in.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>A booking must be made at least this long before the class starts.</summary>
    public TimeSpan MinimumNotice { get; set; }

    /// <summary>A class can be booked at most this far ahead.</summary>
    public TimeSpan BookingHorizon { get; set; }

    /// <summary>A student may cancel until this long before the class starts.</summary>
    public TimeSpan CancellationWindow { get; set; }

    /// <summary>Free time kept before each class.</summary>
    public TimeSpan BufferBefore { get; set; }

    /// <summary>Free time kept after each class.</summary>
    public TimeSpan BufferAfter { get; set; }

    /// <summary>Optional limit of confirmed bookings per student per week (Monday to Sunday in the teacher's zone).</summary>
    public int? MaxBookingsPerStudentPerWeek { get; set; }

    /// <summary>
    /// When reminders go out, in minutes before a class starts (e.g. 1440 and 60), or <see langword="null"/> for the
    /// host's defaults (<see cref="Notifications.ClassBookingNotificationOptions.Reminders"/>); empty sends none.
    /// </summary>
#pragma warning disable CA2227, CA1002 // EF Core maps a settable List<int> as a primitive collection; replaced, never mutated.
    public List<int>? ReminderMinutes { get; set; }

    /// <summary>The e-mails the teacher switched off (for their students or themselves); null or empty sends all.</summary>
    public List<Notifications.BookingEmailKind>? MutedEmailKinds { get; set; }
#pragma warning restore CA2227, CA1002

    /// <summary>When the policy was last changed, UTC.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A copy of this policy.</summary>
    public TeacherPolicy Clone() => (TeacherPolicy)MemberwiseClone();
}
