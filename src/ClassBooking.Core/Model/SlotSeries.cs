namespace ClassBooking.Core.Model;

/// <summary>
/// A weekly rule in the teacher's local time ("Tuesdays and Thursdays 17:00 for 60 minutes"), expanded into
/// <see cref="TimeSlot"/> rows when it is created or edited.
/// </summary>
public sealed class SlotSeries
{
    /// <summary>Identifier of the series.</summary>
    public Guid Id { get; set; }

    /// <summary>The teacher's id in the host's profile table.</summary>
    public required string TeacherId { get; set; }

    /// <summary>IANA zone the rule is written in (the teacher's zone when the series was created).</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>Days of the week the class takes place.</summary>
    public WeekdaySet Weekdays { get; set; }

    /// <summary>Local start time on each day.</summary>
    public TimeOnly LocalStartTime { get; set; }

    /// <summary>Length of each class in minutes.</summary>
    public int DurationMinutes { get; set; }

    /// <summary>First local date the rule applies to.</summary>
    public DateOnly FirstDate { get; set; }

    /// <summary>Last local date the rule applies to (inclusive).</summary>
    public DateOnly LastDate { get; set; }

    /// <summary>Seats per occurrence.</summary>
    public int Capacity { get; set; } = 1;

    /// <summary>Optional price per seat.</summary>
    public decimal? Price { get; set; }

    /// <summary>Optional note copied to each occurrence.</summary>
    public string? Note { get; set; }

    /// <summary>Local dates skipped by the teacher; never re-created by later edits of the rule.</summary>
    public List<DateOnly> SkippedDates { get; set; } = [];

    /// <summary>When the series was created, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A set of weekdays, as flags.</summary>
[Flags]
public enum WeekdaySet
{
    /// <summary>No day.</summary>
    None = 0,
    /// <summary>Monday.</summary>
    Monday = 1,
    /// <summary>Tuesday.</summary>
    Tuesday = 2,
    /// <summary>Wednesday.</summary>
    Wednesday = 4,
    /// <summary>Thursday.</summary>
    Thursday = 8,
    /// <summary>Friday.</summary>
    Friday = 16,
    /// <summary>Saturday.</summary>
    Saturday = 32,
    /// <summary>Sunday.</summary>
    Sunday = 64,
}

/// <summary>Conversions between <see cref="WeekdaySet"/> and <see cref="DayOfWeek"/>.</summary>
public static class WeekdaySetExtensions
{
    /// <summary>The flag of one day.</summary>
    public static WeekdaySet ToWeekdaySet(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WeekdaySet.Monday,
        DayOfWeek.Tuesday => WeekdaySet.Tuesday,
        DayOfWeek.Wednesday => WeekdaySet.Wednesday,
        DayOfWeek.Thursday => WeekdaySet.Thursday,
        DayOfWeek.Friday => WeekdaySet.Friday,
        DayOfWeek.Saturday => WeekdaySet.Saturday,
        DayOfWeek.Sunday => WeekdaySet.Sunday,
        _ => WeekdaySet.None,
    };

    /// <summary>The flags of several days.</summary>
    public static WeekdaySet ToWeekdaySet(this IEnumerable<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var set = WeekdaySet.None;
        foreach (var day in days)
        {
            set |= day.ToWeekdaySet();
        }

        return set;
    }

    /// <summary>True when the set contains the day.</summary>
    public static bool Contains(this WeekdaySet set, DayOfWeek day) => (set & day.ToWeekdaySet()) != 0;
}
