using ClassBooking.Core.Scheduling;
using static ClassBooking.Core.Tests.Times;

namespace ClassBooking.Core.Tests.Scheduling;

public sealed class LocalTimeConverterTests
{
    [Theory]
    // Winter and summer in each zone: the offset follows the zone's rules on that date.
    [InlineData(London, 2026, 1, 15, 9, 0, 2026, 1, 15, 9, 0)]
    [InlineData(London, 2026, 7, 15, 9, 0, 2026, 7, 15, 8, 0)]
    [InlineData(NewYork, 2026, 1, 15, 9, 0, 2026, 1, 15, 14, 0)]
    [InlineData(NewYork, 2026, 7, 15, 9, 0, 2026, 7, 15, 13, 0)]
    [InlineData(Sydney, 2026, 1, 15, 9, 0, 2026, 1, 14, 22, 0)]
    [InlineData(Sydney, 2026, 7, 15, 9, 0, 2026, 7, 14, 23, 0)]
    [InlineData(Kolkata, 2026, 1, 15, 9, 0, 2026, 1, 15, 3, 30)]
    [InlineData(Kolkata, 2026, 7, 15, 9, 0, 2026, 7, 15, 3, 30)]
    [InlineData("UTC", 2026, 7, 15, 9, 0, 2026, 7, 15, 9, 0)]
    public void ToUtc_applies_the_offset_in_force_on_that_date(
        string zone, int y, int mo, int d, int h, int mi, int uy, int umo, int ud, int uh, int umi)
    {
        Assert.Equal(Utc(uy, umo, ud, uh, umi), LocalTimeConverter.ToUtc(Date(y, mo, d), Time(h, mi), zone));
    }

    [Theory]
    // Spring-forward gaps: a local time that does not exist moves forward by the length of the gap.
    [InlineData(London, 2026, 3, 29, 1, 30, 2026, 3, 29, 1, 30)] // 01:30 -> 02:30 BST
    [InlineData(London, 2026, 3, 29, 1, 0, 2026, 3, 29, 1, 0)] // 01:00 -> 02:00 BST, the first instant after the gap
    [InlineData(NewYork, 2026, 3, 8, 2, 30, 2026, 3, 8, 7, 30)] // 02:30 -> 03:30 EDT
    [InlineData(Sydney, 2026, 10, 4, 2, 30, 2026, 10, 3, 16, 30)] // 02:30 -> 03:30 AEDT
    public void ToUtc_moves_a_nonexistent_local_time_forward_by_the_gap(
        string zone, int y, int mo, int d, int h, int mi, int uy, int umo, int ud, int uh, int umi)
    {
        var utc = LocalTimeConverter.ToUtc(Date(y, mo, d), Time(h, mi), zone);

        Assert.Equal(Utc(uy, umo, ud, uh, umi), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        // The wall clock then reads one hour later than asked.
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0).AddHours(1), LocalTimeConverter.ToLocal(utc, zone));
    }

    [Theory]
    // Fall-back overlaps: a local time that exists twice takes the earlier offset (the first of the two instants).
    [InlineData(London, 2026, 10, 25, 1, 30, 2026, 10, 25, 0, 30)]
    [InlineData(NewYork, 2026, 11, 1, 1, 30, 2026, 11, 1, 5, 30)]
    [InlineData(Sydney, 2026, 4, 5, 2, 30, 2026, 4, 4, 15, 30)]
    public void ToUtc_takes_the_earlier_instant_of_an_ambiguous_local_time(
        string zone, int y, int mo, int d, int h, int mi, int uy, int umo, int ud, int uh, int umi)
    {
        var utc = LocalTimeConverter.ToUtc(Date(y, mo, d), Time(h, mi), zone);

        Assert.Equal(Utc(uy, umo, ud, uh, umi), utc);
        // Both instants read the same on the wall clock; the one returned is the earlier.
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), LocalTimeConverter.ToLocal(utc, zone));
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), LocalTimeConverter.ToLocal(utc.AddHours(1), zone));
    }

    [Theory]
    [InlineData(London, 2026, 3, 29, 0, 59, 0)]
    [InlineData(London, 2026, 3, 29, 1, 0, 1)]
    [InlineData(London, 2026, 10, 25, 0, 59, 1)]
    [InlineData(London, 2026, 10, 25, 1, 0, 0)]
    [InlineData(NewYork, 2026, 3, 8, 6, 59, -5)]
    [InlineData(NewYork, 2026, 3, 8, 7, 0, -4)]
    [InlineData(NewYork, 2026, 11, 1, 5, 59, -4)]
    [InlineData(NewYork, 2026, 11, 1, 6, 0, -5)]
    [InlineData(Sydney, 2026, 4, 4, 15, 59, 11)]
    [InlineData(Sydney, 2026, 4, 4, 16, 0, 10)]
    [InlineData(Sydney, 2026, 10, 3, 15, 59, 10)]
    [InlineData(Sydney, 2026, 10, 3, 16, 0, 11)]
    public void OffsetAt_changes_at_the_exact_transition_instant(string zone, int y, int mo, int d, int h, int mi, int offsetHours)
    {
        Assert.Equal(TimeSpan.FromHours(offsetHours), LocalTimeConverter.OffsetAt(Utc(y, mo, d, h, mi), zone));
    }

    [Fact]
    public void Kolkata_has_the_same_offset_all_year()
    {
        var offsets = Enumerable.Range(0, 365)
            .Select(day => LocalTimeConverter.OffsetAt(Utc(2026, 1, 1, 12).AddDays(day), Kolkata))
            .Distinct()
            .ToList();

        Assert.Equal([new TimeSpan(5, 30, 0)], offsets);

        // The nights other zones change their clocks are ordinary nights in Kolkata.
        Assert.Equal(Utc(2026, 3, 28, 20), LocalTimeConverter.ToUtc(Date(2026, 3, 29), Time(1, 30), Kolkata));
        Assert.Equal(Utc(2026, 10, 24, 20), LocalTimeConverter.ToUtc(Date(2026, 10, 25), Time(1, 30), Kolkata));
    }

    [Theory]
    [InlineData(London)]
    [InlineData(NewYork)]
    [InlineData(Sydney)]
    [InlineData(Kolkata)]
    public void ToLocal_and_ToUtc_round_trip_every_quarter_hour_of_a_year(string zone)
    {
        // Every instant maps to a local time that maps back to it, except the second pass through an
        // ambiguous hour, which maps back to the first (earlier) pass, one hour before.
        for (var instant = Utc(2026, 1, 1); instant < Utc(2027, 1, 1); instant = instant.AddMinutes(15))
        {
            var local = LocalTimeConverter.ToLocal(instant, zone);
            var back = LocalTimeConverter.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
            if (back != instant)
            {
                Assert.Equal(instant.AddHours(-1), back);
                Assert.True(
                    LocalTimeConverter.OffsetAt(back, zone) > LocalTimeConverter.OffsetAt(instant, zone),
                    $"{instant:O} in {zone} mapped back to {back:O}, which is not the earlier pass of a repeated hour.");
            }
        }
    }

    [Fact]
    public void ToLocalDate_is_the_date_on_the_wall_clock_not_in_utc()
    {
        var instant = Utc(2026, 1, 18, 14); // Sunday afternoon in UTC, Monday 01:00 in Sydney
        Assert.Equal(Date(2026, 1, 18), LocalTimeConverter.ToLocalDate(instant, London));
        Assert.Equal(Date(2026, 1, 19), LocalTimeConverter.ToLocalDate(instant, Sydney));
        Assert.Equal(Date(2026, 1, 18), LocalTimeConverter.ToLocalDate(instant, NewYork));
    }

    [Theory]
    [InlineData(London, true)]
    [InlineData(NewYork, true)]
    [InlineData(Sydney, true)]
    [InlineData(Kolkata, true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("GMT Standard Time", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void IsKnownZone_accepts_only_iana_ids(string? zone, bool known)
    {
        Assert.Equal(known, LocalTimeConverter.IsKnownZone(zone));
    }

    [Fact]
    public void An_unknown_zone_is_an_argument_error_naming_the_zone()
    {
        var getZone = Assert.Throws<ArgumentException>(() => LocalTimeConverter.GetZone("Mars/Olympus_Mons"));
        Assert.Equal("timeZoneId", getZone.ParamName);
        Assert.Contains("'Mars/Olympus_Mons'", getZone.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => LocalTimeConverter.ToUtc(Date(2026, 1, 1), Time(9), "Mars/Olympus_Mons"));
        Assert.Throws<ArgumentException>(() => LocalTimeConverter.ToLocal(Utc(2026, 1, 1), "Mars/Olympus_Mons"));
        Assert.Throws<ArgumentException>(() => LocalTimeConverter.OffsetAt(Utc(2026, 1, 1), "Mars/Olympus_Mons"));
        Assert.Throws<ArgumentException>(() => LocalTimeConverter.WeekContaining(Utc(2026, 1, 1), "Mars/Olympus_Mons"));
    }

    [Theory]
    // London, spring: Mon 23 Mar 00:00 GMT to Mon 30 Mar 00:00 BST.
    [InlineData(London, 2026, 3, 25, 12, 2026, 3, 23, 0, 2026, 3, 29, 23, 167)]
    // London, autumn: Mon 19 Oct 00:00 BST to Mon 26 Oct 00:00 GMT.
    [InlineData(London, 2026, 10, 21, 12, 2026, 10, 18, 23, 2026, 10, 26, 0, 169)]
    // New York, spring: Mon 2 Mar 00:00 EST to Mon 9 Mar 00:00 EDT.
    [InlineData(NewYork, 2026, 3, 5, 12, 2026, 3, 2, 5, 2026, 3, 9, 4, 167)]
    // New York, autumn: Mon 26 Oct 00:00 EDT to Mon 2 Nov 00:00 EST.
    [InlineData(NewYork, 2026, 10, 29, 12, 2026, 10, 26, 4, 2026, 11, 2, 5, 169)]
    // Sydney, April (clocks go back): Mon 30 Mar 00:00 AEDT to Mon 6 Apr 00:00 AEST.
    [InlineData(Sydney, 2026, 4, 1, 0, 2026, 3, 29, 13, 2026, 4, 5, 14, 169)]
    // Sydney, October (clocks go forward): Mon 28 Sep 00:00 AEST to Mon 5 Oct 00:00 AEDT.
    [InlineData(Sydney, 2026, 9, 30, 0, 2026, 9, 27, 14, 2026, 10, 4, 13, 167)]
    // An ordinary London week.
    [InlineData(London, 2026, 1, 14, 12, 2026, 1, 12, 0, 2026, 1, 19, 0, 168)]
    public void WeekContaining_runs_from_local_monday_midnight_to_the_next_across_dst(
        string zone, int y, int mo, int d, int h,
        int sy, int smo, int sd, int sh,
        int ey, int emo, int ed, int eh,
        int hours)
    {
        var week = LocalTimeConverter.WeekContaining(Utc(y, mo, d, h), zone);

        Assert.Equal(Utc(sy, smo, sd, sh), week.Start);
        Assert.Equal(Utc(ey, emo, ed, eh), week.End);
        Assert.Equal(TimeSpan.FromHours(hours), week.Duration);
        Assert.Equal(DayOfWeek.Monday, LocalTimeConverter.ToLocal(week.Start, zone).DayOfWeek);
        Assert.Equal(TimeSpan.Zero, LocalTimeConverter.ToLocal(week.Start, zone).TimeOfDay);
        Assert.Equal(TimeSpan.Zero, LocalTimeConverter.ToLocal(week.End, zone).TimeOfDay);
    }

    [Fact]
    public void WeekContaining_in_Kolkata_is_always_168_hours_from_monday_midnight_ist()
    {
        // Mon 23 Mar 00:00 IST = Sun 22 Mar 18:30Z, the same week London shortens to 167 hours.
        var week = LocalTimeConverter.WeekContaining(Utc(2026, 3, 25, 12), Kolkata);

        Assert.Equal(new DateTimeOffset(2026, 3, 22, 18, 30, 0, TimeSpan.Zero), week.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 18, 30, 0, TimeSpan.Zero), week.End);
        Assert.Equal(TimeSpan.FromHours(168), week.Duration);
    }

    [Fact]
    public void WeekContaining_uses_the_local_day_at_the_edges_of_the_week()
    {
        // Sunday 18 Jan 14:00Z is already Monday 19 Jan 01:00 in Sydney: a new week there, the old week in London.
        var instant = Utc(2026, 1, 18, 14);
        Assert.Equal(Utc(2026, 1, 18, 13), LocalTimeConverter.WeekContaining(instant, Sydney).Start);
        Assert.Equal(Utc(2026, 1, 12), LocalTimeConverter.WeekContaining(instant, London).Start);

        // Sunday 29 Mar 23:30 BST is 22:30Z: still the week that began on Monday 23 Mar.
        Assert.Equal(Utc(2026, 3, 23), LocalTimeConverter.WeekContaining(Utc(2026, 3, 29, 22, 30), London).Start);
        // Monday 30 Mar 00:00 BST (29 Mar 23:00Z) begins the next week: the range is half-open.
        Assert.Equal(Utc(2026, 3, 29, 23), LocalTimeConverter.WeekContaining(Utc(2026, 3, 29, 23), London).Start);
    }

    [Theory]
    [InlineData(London)]
    [InlineData(NewYork)]
    [InlineData(Sydney)]
    [InlineData(Kolkata)]
    public void WeekContaining_tiles_a_year_without_gaps_or_overlaps(string zone)
    {
        var week = LocalTimeConverter.WeekContaining(Utc(2026, 1, 1), zone);
        var durations = new HashSet<double>();
        while (week.Start < Utc(2027, 1, 1))
        {
            var next = LocalTimeConverter.WeekContaining(week.End, zone);
            Assert.Equal(week.End, next.Start);
            Assert.Equal(week, LocalTimeConverter.WeekContaining(week.End.AddTicks(-1), zone));
            durations.Add(week.Duration.TotalHours);
            week = next;
        }

        var expected = zone == Kolkata ? new HashSet<double> { 168 } : [167, 168, 169];
        Assert.Equal(expected, durations);
    }
}
