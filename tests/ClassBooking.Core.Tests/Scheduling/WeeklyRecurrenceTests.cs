using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using static ClassBooking.Core.Tests.Times;

namespace ClassBooking.Core.Tests.Scheduling;

public sealed class WeeklyRecurrenceTests
{
    private static WeeklyRecurrence TuesdaysAt17(DateOnly first, int weeks, string zone) =>
        WeeklyRecurrence.ForWeeks(WeekdaySet.Tuesday, Time(17), 60, first, weeks, zone);

    public static TheoryData<string, DateOnly, DateTimeOffset[]> TuesdaysAcrossDst => new()
    {
        // London, clocks forward on Sun 29 Mar: 17:00 GMT = 17:00Z, then 17:00 BST = 16:00Z.
        { London, Date(2026, 3, 17), [Utc(2026, 3, 17, 17), Utc(2026, 3, 24, 17), Utc(2026, 3, 31, 16), Utc(2026, 4, 7, 16)] },
        // London, clocks back on Sun 25 Oct.
        { London, Date(2026, 10, 13), [Utc(2026, 10, 13, 16), Utc(2026, 10, 20, 16), Utc(2026, 10, 27, 17), Utc(2026, 11, 3, 17)] },
        // New York, clocks forward on Sun 8 Mar: 17:00 EST = 22:00Z, then 17:00 EDT = 21:00Z.
        { NewYork, Date(2026, 2, 24), [Utc(2026, 2, 24, 22), Utc(2026, 3, 3, 22), Utc(2026, 3, 10, 21), Utc(2026, 3, 17, 21)] },
        // New York, clocks back on Sun 1 Nov.
        { NewYork, Date(2026, 10, 20), [Utc(2026, 10, 20, 21), Utc(2026, 10, 27, 21), Utc(2026, 11, 3, 22), Utc(2026, 11, 10, 22)] },
        // Sydney, clocks back on Sun 5 Apr: 17:00 AEDT = 06:00Z, then 17:00 AEST = 07:00Z.
        { Sydney, Date(2026, 3, 24), [Utc(2026, 3, 24, 6), Utc(2026, 3, 31, 6), Utc(2026, 4, 7, 7), Utc(2026, 4, 14, 7)] },
        // Sydney, clocks forward on Sun 4 Oct.
        { Sydney, Date(2026, 9, 22), [Utc(2026, 9, 22, 7), Utc(2026, 9, 29, 7), Utc(2026, 10, 6, 6), Utc(2026, 10, 13, 6)] },
        // Kolkata: no change, 17:00 IST = 11:30Z every week.
        {
            Kolkata, Date(2026, 3, 17),
            [
                new DateTimeOffset(2026, 3, 17, 11, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 24, 11, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 31, 11, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 7, 11, 30, 0, TimeSpan.Zero),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(TuesdaysAcrossDst))]
    public void Tuesdays_at_17_stay_at_17_local_across_dst(string zone, DateOnly first, DateTimeOffset[] expectedStarts)
    {
        var rule = TuesdaysAt17(first, 4, zone);
        Assert.Empty(WeeklyRecurrenceExpander.Validate(rule));

        var occurrences = WeeklyRecurrenceExpander.Expand(rule);

        Assert.Equal(expectedStarts, occurrences.Select(o => o.Range.Start));
        Assert.All(occurrences, o =>
        {
            Assert.Equal(DayOfWeek.Tuesday, o.LocalDate.DayOfWeek);
            Assert.Equal(o.LocalDate.ToDateTime(Time(17)), LocalTimeConverter.ToLocal(o.Range.Start, zone));
            Assert.Equal(TimeSpan.FromMinutes(60), o.Range.Duration);
        });

        // The UTC instant moves by exactly the change of offset from week to week.
        for (var i = 1; i < occurrences.Count; i++)
        {
            var offsetChange = LocalTimeConverter.OffsetAt(occurrences[i].Range.Start, zone) - LocalTimeConverter.OffsetAt(occurrences[i - 1].Range.Start, zone);
            Assert.Equal(TimeSpan.FromDays(7) - offsetChange, occurrences[i].Range.Start - occurrences[i - 1].Range.Start);
        }
    }

    [Fact]
    public void A_start_time_in_the_spring_gap_moves_forward_and_one_in_the_autumn_overlap_takes_the_earlier_instant()
    {
        // Sundays 01:30 London: 29 Mar 01:30 does not exist (-> 02:30 BST), 25 Oct 01:30 happens twice (-> BST pass).
        var spring = WeeklyRecurrenceExpander.Expand(
            WeeklyRecurrence.ForWeeks(WeekdaySet.Sunday, Time(1, 30), 60, Date(2026, 3, 22), 3, London));
        Assert.Equal([Utc(2026, 3, 22, 1, 30), Utc(2026, 3, 29, 1, 30), Utc(2026, 4, 5, 0, 30)], spring.Select(o => o.Range.Start));
        Assert.Equal(Date(2026, 3, 29), spring[1].LocalDate);

        var autumn = WeeklyRecurrenceExpander.Expand(
            WeeklyRecurrence.ForWeeks(WeekdaySet.Sunday, Time(1, 30), 60, Date(2026, 10, 18), 3, London));
        Assert.Equal([Utc(2026, 10, 18, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 11, 1, 1, 30)], autumn.Select(o => o.Range.Start));

        // The end is the start plus the duration in elapsed time, even across the change.
        Assert.All(spring.Concat(autumn), o => Assert.Equal(TimeSpan.FromHours(1), o.Range.Duration));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void ForWeeks_gives_one_occurrence_per_weekday_per_week(int weeks)
    {
        var tuesday = Date(2026, 3, 3);
        var rule = TuesdaysAt17(tuesday, weeks, London);
        Assert.Equal(tuesday.AddDays((7 * weeks) - 1), rule.LastDate);
        Assert.Equal(DayOfWeek.Monday, rule.LastDate.DayOfWeek);
        var occurrences = WeeklyRecurrenceExpander.Expand(rule);
        Assert.Equal(weeks, occurrences.Count);
        Assert.Equal(Enumerable.Range(0, weeks).Select(w => tuesday.AddDays(7 * w)), occurrences.Select(o => o.LocalDate));

        // Starting on another weekday still gives one Tuesday per week.
        var fromWednesday = WeeklyRecurrenceExpander.Expand(TuesdaysAt17(Date(2026, 3, 4), weeks, London));
        Assert.Equal(weeks, fromWednesday.Count);
        Assert.Equal(Date(2026, 3, 10), fromWednesday[0].LocalDate);

        // Two weekdays: twice as many.
        var twoDays = WeeklyRecurrence.ForWeeks(WeekdaySet.Tuesday | WeekdaySet.Thursday, Time(17), 60, tuesday, weeks, Sydney);
        Assert.Equal(2 * weeks, WeeklyRecurrenceExpander.Expand(twoDays).Count);
    }

    [Fact]
    public void The_last_date_is_inclusive()
    {
        var including = new WeeklyRecurrence(WeekdaySet.Tuesday, Time(17), 60, Date(2026, 1, 6), Date(2026, 1, 27), NewYork);
        var excluding = including with { LastDate = Date(2026, 1, 26) };

        Assert.Equal(
            [Date(2026, 1, 6), Date(2026, 1, 13), Date(2026, 1, 20), Date(2026, 1, 27)],
            WeeklyRecurrenceExpander.Expand(including).Select(o => o.LocalDate));
        Assert.Equal(
            [Date(2026, 1, 6), Date(2026, 1, 13), Date(2026, 1, 20)],
            WeeklyRecurrenceExpander.Expand(excluding).Select(o => o.LocalDate));

        // A one-day rule on a matching day is one occurrence; on another day none.
        Assert.Single(WeeklyRecurrenceExpander.Expand(including with { LastDate = Date(2026, 1, 6) }));
        Assert.Empty(WeeklyRecurrenceExpander.Expand(including with { FirstDate = Date(2026, 1, 7), LastDate = Date(2026, 1, 7) }));
    }

    [Fact]
    public void Skipped_dates_are_left_out_and_nothing_else()
    {
        var rule = TuesdaysAt17(Date(2026, 3, 3), 4, London);
        DateOnly[] skipped = [Date(2026, 3, 10), Date(2026, 3, 24), Date(2026, 3, 11)]; // the 11th is a Wednesday: no effect

        var occurrences = WeeklyRecurrenceExpander.Expand(rule, skipped);

        Assert.Equal([Date(2026, 3, 3), Date(2026, 3, 17)], occurrences.Select(o => o.LocalDate));
        Assert.Equal(4, WeeklyRecurrenceExpander.Expand(rule, []).Count);
        Assert.Equal(4, WeeklyRecurrenceExpander.Expand(rule, null).Count);
    }

    [Fact]
    public void Several_weekdays_come_out_in_date_order_with_their_own_local_dates()
    {
        var rule = WeeklyRecurrence.ForWeeks(
            WeekdaySet.Monday | WeekdaySet.Wednesday | WeekdaySet.Friday, Time(9, 15), 45, Date(2026, 1, 7), 2, Kolkata);

        var occurrences = WeeklyRecurrenceExpander.Expand(rule);

        Assert.Equal(
            [Date(2026, 1, 7), Date(2026, 1, 9), Date(2026, 1, 12), Date(2026, 1, 14), Date(2026, 1, 16), Date(2026, 1, 19)],
            occurrences.Select(o => o.LocalDate));
        Assert.All(occurrences, o =>
        {
            Assert.Equal(LocalTimeConverter.ToUtc(o.LocalDate, Time(9, 15), Kolkata), o.Range.Start);
            Assert.Equal(TimeSpan.FromMinutes(45), o.Range.Duration);
        });

        var every = WeeklyRecurrence.ForWeeks(
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }.ToWeekdaySet(),
            Time(8), 30, Date(2026, 2, 1), 3, London);
        Assert.Equal(21, WeeklyRecurrenceExpander.Expand(every).Count);
    }

    [Fact]
    public void A_valid_rule_has_no_errors_at_the_limits()
    {
        var first = Date(2026, 1, 1);
        Assert.Empty(WeeklyRecurrenceExpander.Validate(new WeeklyRecurrence(WeekdaySet.Monday, Time(9), 5, first, first, London)));
        Assert.Empty(WeeklyRecurrenceExpander.Validate(new WeeklyRecurrence(WeekdaySet.Monday, Time(9), 24 * 60, first, first, London)));
        // 366 days in all (first + 365) is the longest span allowed.
        Assert.Empty(WeeklyRecurrenceExpander.Validate(
            new WeeklyRecurrence(WeekdaySet.Monday, Time(9), 60, first, first.AddDays(WeeklyRecurrenceExpander.MaxDays - 1), London)));
    }

    public static TheoryData<WeeklyRecurrence, string, string> InvalidRules
    {
        get
        {
            var first = Date(2026, 1, 5);
            var valid = new WeeklyRecurrence(WeekdaySet.Monday, Time(9), 60, first, first.AddDays(27), London);
            return new()
            {
                { valid with { Weekdays = WeekdaySet.None }, "weekdays", "Choose at least one day of the week." },
                { valid with { Weekdays = (WeekdaySet)128 }, "weekdays", "Choose at least one day of the week." },
                { valid with { DurationMinutes = 4 }, "durationMinutes", "A class lasts between 5 minutes and 24 hours." },
                { valid with { DurationMinutes = 0 }, "durationMinutes", "A class lasts between 5 minutes and 24 hours." },
                { valid with { DurationMinutes = -60 }, "durationMinutes", "A class lasts between 5 minutes and 24 hours." },
                { valid with { DurationMinutes = (24 * 60) + 1 }, "durationMinutes", "A class lasts between 5 minutes and 24 hours." },
                { valid with { TimeZoneId = "Europe/Londn" }, "timeZone", "'Europe/Londn' is not a known IANA time zone (e.g. Europe/London)." },
                { valid with { TimeZoneId = "" }, "timeZone", "'' is not a known IANA time zone (e.g. Europe/London)." },
                { valid with { LastDate = first.AddDays(-1) }, "until", "The last date is before the first date." },
                { WeeklyRecurrence.ForWeeks(WeekdaySet.Monday, Time(9), 60, first, 0, London), "until", "The last date is before the first date." },
                { valid with { LastDate = first.AddDays(WeeklyRecurrenceExpander.MaxDays) }, "until", "A series covers at most 366 days." },
                { WeeklyRecurrence.ForWeeks(WeekdaySet.Monday, Time(9), 60, first, 53, London), "until", "A series covers at most 366 days." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Validate_names_the_field_and_the_rule(WeeklyRecurrence rule, string field, string message)
    {
        var error = Assert.Single(WeeklyRecurrenceExpander.Validate(rule));

        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_reports_every_broken_rule_at_once()
    {
        var rule = new WeeklyRecurrence(WeekdaySet.None, Time(9), 2, Date(2026, 2, 1), Date(2026, 1, 1), "Nowhere/Special");

        var errors = WeeklyRecurrenceExpander.Validate(rule);

        Assert.Equal(["weekdays", "durationMinutes", "timeZone", "until"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(ErrorCodes.Validation, e.Code));
    }

    [Fact]
    public void Null_rules_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => WeeklyRecurrenceExpander.Validate(null!));
        Assert.Throws<ArgumentNullException>(() => WeeklyRecurrenceExpander.Expand(null!));
    }

    [Fact]
    public void Weekday_sets_map_each_day_to_its_own_flag()
    {
        var all = Enum.GetValues<DayOfWeek>();
        Assert.Equal(7, all.Select(d => d.ToWeekdaySet()).Distinct().Count());
        Assert.Equal((WeekdaySet)0x7F, all.ToWeekdaySet());
        Assert.All(all, d => Assert.True((WeekdaySet.Tuesday | WeekdaySet.Saturday).Contains(d) == d is DayOfWeek.Tuesday or DayOfWeek.Saturday));
        Assert.Equal(WeekdaySet.None, ((DayOfWeek)42).ToWeekdaySet());
    }
}
