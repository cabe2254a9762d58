using ClassBooking.Core.Model;

namespace ClassBooking.Core.Scheduling;

/// <summary>A weekly rule in local time, before it is stored as a <see cref="SlotSeries"/>.</summary>
/// <param name="Weekdays">Days the class takes place.</param>
/// <param name="LocalStartTime">Local start time on each day.</param>
/// <param name="DurationMinutes">Length of each class in minutes.</param>
/// <param name="FirstDate">First local date of the rule.</param>
/// <param name="LastDate">Last local date of the rule (inclusive).</param>
/// <param name="TimeZoneId">IANA zone the rule is written in.</param>
public sealed record WeeklyRecurrence(
    WeekdaySet Weekdays,
    TimeOnly LocalStartTime,
    int DurationMinutes,
    DateOnly FirstDate,
    DateOnly LastDate,
    string TimeZoneId)
{
    /// <summary>The rule "for <paramref name="weeks"/> weeks from <paramref name="firstDate"/>": the last date is the day before the same weekday <paramref name="weeks"/> weeks later.</summary>
    public static WeeklyRecurrence ForWeeks(WeekdaySet weekdays, TimeOnly localStartTime, int durationMinutes, DateOnly firstDate, int weeks, string timeZoneId) =>
        new(weekdays, localStartTime, durationMinutes, firstDate, firstDate.AddDays((7 * weeks) - 1), timeZoneId);
}

/// <summary>One occurrence of a weekly rule: the local date it stands for and its UTC range.</summary>
/// <param name="LocalDate">The local date of the occurrence.</param>
/// <param name="Range">Its instants, UTC.</param>
public readonly record struct Occurrence(DateOnly LocalDate, TimeRange Range);

/// <summary>Expands a <see cref="WeeklyRecurrence"/> into UTC occurrences.</summary>
/// <remarks>
/// Each occurrence is placed at the rule's local start time in the rule's zone, so "Tuesdays 17:00" stays 17:00
/// local across daylight-saving changes; gaps and overlaps follow <see cref="LocalTimeConverter"/>. The end is the
/// start plus the duration in elapsed time.
/// </remarks>
public static class WeeklyRecurrenceExpander
{
    /// <summary>The longest span a rule may cover; stops a typo ("until 2126") from creating thousands of rows.</summary>
    public const int MaxDays = 366;

    /// <summary>Checks a rule and returns each broken rule as a validation error (empty when valid).</summary>
    public static IReadOnlyList<ClassBookingError> Validate(WeeklyRecurrence rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = new List<ClassBookingError>();
        if (rule.Weekdays == WeekdaySet.None || ((int)rule.Weekdays & ~0x7F) != 0)
        {
            errors.Add(ClassBookingError.Invalid("weekdays", "Choose at least one day of the week."));
        }

        if (rule.DurationMinutes is < 5 or > 24 * 60)
        {
            errors.Add(ClassBookingError.Invalid("durationMinutes", "A class lasts between 5 minutes and 24 hours."));
        }

        if (!LocalTimeConverter.IsKnownZone(rule.TimeZoneId))
        {
            errors.Add(ClassBookingError.Invalid("timeZone", $"'{rule.TimeZoneId}' is not a known IANA time zone (e.g. Europe/London)."));
        }

        if (rule.LastDate < rule.FirstDate)
        {
            errors.Add(ClassBookingError.Invalid("until", "The last date is before the first date."));
        }
        else if (rule.LastDate.DayNumber - rule.FirstDate.DayNumber >= MaxDays)
        {
            errors.Add(ClassBookingError.Invalid("until", $"A series covers at most {MaxDays} days."));
        }

        return errors;
    }

    /// <summary>The occurrences of a valid rule in date order, leaving out <paramref name="skippedDates"/>.</summary>
    public static IReadOnlyList<Occurrence> Expand(WeeklyRecurrence rule, IReadOnlyCollection<DateOnly>? skippedDates = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var duration = TimeSpan.FromMinutes(rule.DurationMinutes);
        var occurrences = new List<Occurrence>();
        for (var date = rule.FirstDate; date <= rule.LastDate; date = date.AddDays(1))
        {
            if (!rule.Weekdays.Contains(date.DayOfWeek) || (skippedDates?.Contains(date) ?? false))
            {
                continue;
            }

            var start = LocalTimeConverter.ToUtc(date, rule.LocalStartTime, rule.TimeZoneId);
            occurrences.Add(new Occurrence(date, new TimeRange(start, start + duration)));
        }

        return occurrences;
    }
}
