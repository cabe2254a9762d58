using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core.Tests.Scheduling;

public sealed class FreeTimeFinderTests
{
    private static readonly DateTimeOffset Day = Times.Utc(2026, 5, 4);

    private static TimeRange R(int startHour, int startMinute, int endHour, int endMinute) =>
        new(Day.AddHours(startHour).AddMinutes(startMinute), Day.AddHours(endHour).AddMinutes(endMinute));

    private static BusyItem Slot(TimeRange range) => new(ConflictKind.Slot, Guid.NewGuid(), range);

    private static BusyItem Block(TimeRange range) => new(ConflictKind.Block, Guid.NewGuid(), range);

    [Fact]
    public void Suggests_the_nearest_free_times_of_the_same_length()
    {
        var requested = R(10, 30, 11, 30);

        var suggestions = FreeTimeFinder.Suggest(requested, [Slot(R(10, 0, 11, 0))], TimeSpan.Zero, TimeSpan.Zero, Day);

        // 11:00 is 30 minutes away, 11:15 45, 11:30 60; the nearest free start before the slot, 09:00, is 90 away.
        Assert.Equal([R(11, 0, 12, 0), R(11, 15, 12, 15), R(11, 30, 12, 30)], suggestions);
    }

    [Fact]
    public void At_equal_distance_the_earlier_time_comes_first()
    {
        var requested = R(10, 0, 11, 0);

        var suggestions = FreeTimeFinder.Suggest(requested, [Slot(R(10, 0, 11, 0))], TimeSpan.Zero, TimeSpan.Zero, Day, count: 2, step: TimeSpan.FromHours(1));

        Assert.Equal([R(9, 0, 10, 0), R(11, 0, 12, 0)], suggestions);
    }

    [Fact]
    public void Never_suggests_a_start_before_not_before()
    {
        var requested = R(10, 0, 11, 0);
        var notBefore = Day.AddHours(10).AddMinutes(50);

        var suggestions = FreeTimeFinder.Suggest(requested, [Slot(R(10, 0, 11, 0))], TimeSpan.Zero, TimeSpan.Zero, notBefore, count: 3);

        Assert.Equal([R(11, 0, 12, 0), R(11, 15, 12, 15), R(11, 30, 12, 30)], suggestions);
        // A start exactly at notBefore is allowed.
        Assert.Equal(
            R(11, 0, 12, 0),
            FreeTimeFinder.Suggest(requested, [Slot(R(10, 0, 11, 0))], TimeSpan.Zero, TimeSpan.Zero, Day.AddHours(11), count: 1)[0]);
    }

    [Fact]
    public void Suggestions_keep_the_buffers_next_to_classes_and_blocks()
    {
        var before = TimeSpan.FromMinutes(15);
        var after = TimeSpan.FromMinutes(10);
        var requested = R(11, 0, 12, 0);
        BusyItem[] busy = [Slot(R(10, 0, 11, 0)), Block(R(13, 0, 14, 0))];

        var suggestions = FreeTimeFinder.Suggest(requested, busy, before, after, Day, count: 2, step: TimeSpan.FromMinutes(1));

        // After the class the gap must be 15 (the larger buffer), so 11:15 is the nearest start, then 11:16.
        Assert.Equal([R(11, 15, 12, 15), R(11, 16, 12, 16)], suggestions);
        Assert.All(suggestions, s => Assert.Empty(SlotConflictDetector.Detect([s], busy, before, after)));

        // Earliest start before the class, with 15 before it needed: end at 09:45 at the latest.
        var earlier = FreeTimeFinder.Suggest(R(9, 30, 10, 30), busy, before, after, Day, count: 1, step: TimeSpan.FromMinutes(1));
        Assert.Equal([R(8, 45, 9, 45)], earlier);

        // Next to the block only the class's own buffer counts: 10 after the class before the block.
        var nextToBlock = FreeTimeFinder.Suggest(R(12, 30, 13, 30), [Block(R(13, 0, 14, 0))], before, after, Day, count: 1, step: TimeSpan.FromMinutes(1));
        Assert.Equal([R(11, 50, 12, 50)], nextToBlock);
        var afterBlock = FreeTimeFinder.Suggest(R(13, 30, 14, 30), [Block(R(13, 0, 14, 0))], before, after, Day.AddHours(13), count: 1, step: TimeSpan.FromMinutes(1));
        Assert.Equal([R(14, 15, 15, 15)], afterBlock);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Returns_at_most_count_suggestions(int count)
    {
        var suggestions = FreeTimeFinder.Suggest(R(10, 0, 11, 0), [Slot(R(10, 0, 11, 0))], TimeSpan.Zero, TimeSpan.Zero, Day, count);

        Assert.Equal(count, suggestions.Count);
        Assert.Equal(suggestions.Count, suggestions.Distinct().Count());
    }

    [Fact]
    public void Nothing_is_suggested_for_a_zero_count_a_non_positive_step_or_a_full_window()
    {
        BusyItem[] busy = [Slot(R(10, 0, 11, 0))];
        Assert.Empty(FreeTimeFinder.Suggest(R(10, 0, 11, 0), busy, TimeSpan.Zero, TimeSpan.Zero, Day, count: 0));
        Assert.Empty(FreeTimeFinder.Suggest(R(10, 0, 11, 0), busy, TimeSpan.Zero, TimeSpan.Zero, Day, step: TimeSpan.Zero));
        Assert.Empty(FreeTimeFinder.Suggest(R(10, 0, 11, 0), busy, TimeSpan.Zero, TimeSpan.Zero, Day, step: TimeSpan.FromMinutes(-15)));

        // The whole search window is blocked.
        Assert.Empty(FreeTimeFinder.Suggest(R(10, 0, 11, 0), [Block(new TimeRange(Day.AddDays(-10), Day.AddDays(10)))], TimeSpan.Zero, TimeSpan.Zero, Day.AddDays(-20)));
        // Only the search window is searched: 07:00 is exactly 3 hours before the requested start.
        BusyItem[] morning = [Block(R(8, 0, 11, 0)), Block(R(11, 0, 14, 0))];
        Assert.Equal(
            [R(7, 0, 8, 0)],
            FreeTimeFinder.Suggest(R(10, 0, 11, 0), morning, TimeSpan.Zero, TimeSpan.Zero, Day, count: 3, searchWindow: TimeSpan.FromHours(3)));
        Assert.Empty(
            FreeTimeFinder.Suggest(R(10, 0, 11, 0), morning, TimeSpan.Zero, TimeSpan.Zero, Day, count: 3, searchWindow: new TimeSpan(2, 59, 0)));
    }

    [Fact]
    public void Null_busy_list_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => FreeTimeFinder.Suggest(R(10, 0, 11, 0), null!, TimeSpan.Zero, TimeSpan.Zero, Day));
    }

    [Fact]
    public void Random_calendars_get_the_nearest_free_times_that_the_conflict_detector_accepts()
    {
        var random = new Random(4242);
        TimeSpan[] buffers = [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)];
        var step = TimeSpan.FromMinutes(15);
        var window = TimeSpan.FromHours(12);
        var nonEmpty = 0;
        for (var run = 0; run < 1500; run++)
        {
            var busy = Enumerable.Range(0, random.Next(0, 15)).Select(_ =>
            {
                var start = Day.AddMinutes(random.Next(-60, 60) * 10);
                var range = new TimeRange(start, start.AddMinutes(random.Next(1, 13) * 10));
                return new BusyItem(random.Next(3) == 0 ? ConflictKind.Block : ConflictKind.Slot, Guid.NewGuid(), range);
            }).ToList();
            var requestedStart = Day.AddMinutes(random.Next(-30, 30) * 10);
            var requested = new TimeRange(requestedStart, requestedStart.AddMinutes(random.Next(1, 10) * 15));
            var before = buffers[random.Next(buffers.Length)];
            var after = buffers[random.Next(buffers.Length)];
            var notBefore = requestedStart.AddMinutes(random.Next(-600, 120));
            var count = random.Next(1, 6);

            var suggestions = FreeTimeFinder.Suggest(requested, busy, before, after, notBefore, count, step, window);

            // Same answer as walking the grid outwards (earlier first at equal distance) and keeping what is free.
            var expected = new List<TimeRange>();
            for (var k = 1; k <= window / step && expected.Count < count; k++)
            {
                foreach (var start in new[] { requestedStart - (step * k), requestedStart + (step * k) })
                {
                    var candidate = new TimeRange(start, start + requested.Duration);
                    if (expected.Count < count && start >= notBefore && ConflictReference.IsFree(candidate, busy, before, after))
                    {
                        expected.Add(candidate);
                    }
                }
            }

            Assert.Equal(expected, suggestions);
            Assert.All(suggestions, s =>
            {
                Assert.Empty(SlotConflictDetector.Detect([s], busy, before, after));
                Assert.Equal(requested.Duration, s.Duration);
                Assert.True(s.Start >= notBefore);
                Assert.Equal(0, (s.Start - requestedStart).Ticks % step.Ticks);
            });
            for (var i = 1; i < suggestions.Count; i++)
            {
                Assert.True((suggestions[i - 1].Start - requestedStart).Duration() <= (suggestions[i].Start - requestedStart).Duration());
            }

            nonEmpty += suggestions.Count > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > 1000, $"only {nonEmpty} runs had suggestions");
    }
}
