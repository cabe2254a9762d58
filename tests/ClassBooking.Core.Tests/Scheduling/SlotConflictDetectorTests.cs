using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core.Tests.Scheduling;

public sealed class SlotConflictDetectorTests
{
    private static readonly DateTimeOffset Day = Times.Utc(2026, 5, 4);
    private static readonly Guid SlotId = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid BlockId = Guid.Parse("00000000-0000-0000-0000-00000000b001");

    /// <summary>A range on the test day, from hh:mm to hh:mm.</summary>
    private static TimeRange R(int startHour, int startMinute, int endHour, int endMinute) =>
        new(Day.AddHours(startHour).AddMinutes(startMinute), Day.AddHours(endHour).AddMinutes(endMinute));

    private static BusyItem Slot(TimeRange range) => new(ConflictKind.Slot, SlotId, range);

    private static BusyItem Block(TimeRange range) => new(ConflictKind.Block, BlockId, range);

    [Fact]
    public void A_candidate_overlapping_an_existing_slot_is_reported_with_the_slot()
    {
        var candidate = R(10, 30, 11, 30);
        var conflict = Assert.Single(SlotConflictDetector.Detect([candidate], [Slot(R(10, 0, 11, 0))]));

        Assert.Equal(new SlotConflict(0, candidate, ConflictKind.Slot, SlotId, R(10, 0, 11, 0), null, BufferOnly: false), conflict);
    }

    [Fact]
    public void A_candidate_overlapping_a_block_is_reported_with_the_block()
    {
        var conflict = Assert.Single(SlotConflictDetector.Detect([R(9, 0, 10, 0)], [Block(R(9, 30, 12, 0))]));

        Assert.Equal(ConflictKind.Block, conflict.WithKind);
        Assert.Equal(BlockId, conflict.WithId);
        Assert.Equal(R(9, 30, 12, 0), conflict.With);
        Assert.False(conflict.BufferOnly);
    }

    [Theory]
    [InlineData(10, 0, 11, 0)] // same range
    [InlineData(10, 15, 10, 45)] // inside
    [InlineData(9, 0, 12, 0)] // around
    [InlineData(9, 0, 10, 1)] // last minute of the candidate
    [InlineData(10, 59, 12, 0)] // first minute of the candidate
    public void Any_shared_instant_is_a_conflict(int sh, int sm, int eh, int em)
    {
        Assert.Single(SlotConflictDetector.Detect([R(sh, sm, eh, em)], [Slot(R(10, 0, 11, 0))]));
        Assert.Single(SlotConflictDetector.Detect([R(sh, sm, eh, em)], [Block(R(10, 0, 11, 0))]));
    }

    [Fact]
    public void Touching_ranges_do_not_conflict()
    {
        BusyItem[] existing = [Slot(R(10, 0, 11, 0)), Block(R(12, 0, 13, 0))];
        TimeRange[] candidates = [R(9, 0, 10, 0), R(11, 0, 12, 0), R(13, 0, 14, 0)];

        Assert.Empty(SlotConflictDetector.Detect(candidates, existing));
        // One tick more on either side and they do.
        Assert.Single(SlotConflictDetector.Detect([new TimeRange(R(9, 0, 10, 0).Start, R(9, 0, 10, 0).End.AddTicks(1))], existing));
        Assert.Single(SlotConflictDetector.Detect([new TimeRange(R(13, 0, 14, 0).Start.AddTicks(-1), R(13, 0, 14, 0).End)], existing));
    }

    [Fact]
    public void Candidates_that_overlap_each_other_are_reported_both_ways()
    {
        var a = R(9, 0, 10, 0);
        var b = R(9, 30, 10, 30);
        var c = R(10, 30, 11, 30); // touches b only

        var conflicts = SlotConflictDetector.Detect([a, b, c], []);

        Assert.Equal(
            [
                new SlotConflict(0, a, ConflictKind.Candidate, null, b, 1, false),
                new SlotConflict(1, b, ConflictKind.Candidate, null, a, 0, false),
            ],
            conflicts);
    }

    [Fact]
    public void Existing_items_are_not_checked_against_each_other()
    {
        Assert.Empty(SlotConflictDetector.Detect([], [Slot(R(10, 0, 11, 0)), Block(R(10, 0, 11, 0)), Slot(R(10, 30, 12, 0))]));
        Assert.Empty(SlotConflictDetector.Detect([R(14, 0, 15, 0)], [Slot(R(10, 0, 11, 0)), Slot(R(10, 30, 12, 0))], TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Conflicts_are_ordered_by_candidate_then_by_the_start_of_what_they_hit()
    {
        var late = new BusyItem(ConflictKind.Slot, Guid.NewGuid(), R(11, 0, 12, 0));
        var early = new BusyItem(ConflictKind.Block, Guid.NewGuid(), R(9, 0, 10, 30));
        TimeRange[] candidates = [R(15, 0, 16, 0), R(10, 0, 11, 30), R(9, 30, 10, 15)];

        var conflicts = SlotConflictDetector.Detect(candidates, [late, early]);

        Assert.Equal(
            [(1, early.Range.Start), (1, candidates[2].Start), (1, late.Range.Start), (2, early.Range.Start), (2, candidates[1].Start)],
            conflicts.Select(c => (c.CandidateIndex, c.With.Start)));
    }

    [Theory]
    // Buffers: 15 minutes before each class, 10 after. Existing class 10:00-11:00.
    // A class after it needs 15 free before it (and the existing one 10 after it): gap >= 15.
    [InlineData(11, 15, 12, 0, false)]
    [InlineData(11, 14, 12, 0, true)]
    [InlineData(11, 10, 12, 0, true)]
    // A class before it needs 10 free after it (and the existing one 15 before it): gap >= 15.
    [InlineData(8, 45, 9, 45, false)]
    [InlineData(8, 46, 9, 46, true)]
    [InlineData(8, 50, 9, 50, true)]
    public void Between_two_classes_the_gap_must_cover_both_buffers(int sh, int sm, int eh, int em, bool conflicts)
    {
        var found = SlotConflictDetector.Detect([R(sh, sm, eh, em)], [Slot(R(10, 0, 11, 0))], TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

        if (conflicts)
        {
            var conflict = Assert.Single(found);
            Assert.True(conflict.BufferOnly);
            Assert.Equal(ConflictKind.Slot, conflict.WithKind);
        }
        else
        {
            Assert.Empty(found);
        }
    }

    [Theory]
    // Buffers: 15 before, 10 after. Block 12:00-13:00, not padded: only the class's own buffer on that side counts.
    [InlineData(10, 50, 11, 50, false)] // 10 after the class: enough
    [InlineData(10, 51, 11, 51, true)]
    [InlineData(13, 15, 14, 0, false)] // 15 before the class: enough
    [InlineData(13, 14, 14, 0, true)]
    public void Next_to_a_block_the_class_keeps_its_own_buffer_and_the_block_has_none(int sh, int sm, int eh, int em, bool conflicts)
    {
        var found = SlotConflictDetector.Detect([R(sh, sm, eh, em)], [Block(R(12, 0, 13, 0))], TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

        if (conflicts)
        {
            var conflict = Assert.Single(found);
            Assert.True(conflict.BufferOnly);
            Assert.Equal(ConflictKind.Block, conflict.WithKind);
        }
        else
        {
            Assert.Empty(found);
        }
    }

    [Fact]
    public void Candidates_too_close_to_each_other_are_a_buffer_conflict_both_ways()
    {
        var a = R(9, 0, 10, 0);
        var b = R(10, 5, 11, 0);

        var conflicts = SlotConflictDetector.Detect([a, b], [], TimeSpan.Zero, TimeSpan.FromMinutes(10));

        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, c => Assert.True(c.BufferOnly));
        Assert.Equal([1, 0], conflicts.Select(c => c.WithCandidateIndex));
        Assert.Empty(SlotConflictDetector.Detect([a, b], [], TimeSpan.Zero, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void An_overlap_is_not_buffer_only_even_with_buffers()
    {
        var conflict = Assert.Single(SlotConflictDetector.Detect([R(10, 30, 11, 30)], [Slot(R(10, 0, 11, 0))], TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        Assert.False(conflict.BufferOnly);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SlotConflictDetector.Detect(null!, []));
        Assert.Throws<ArgumentNullException>(() => SlotConflictDetector.Detect([], null!));
    }

    [Fact]
    public void Agrees_with_the_pairwise_definition_on_thousands_of_random_cases()
    {
        var random = new Random(20260504);
        TimeSpan[] buffers = [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)];
        var withConflicts = 0;
        var withBufferOnly = 0;
        for (var run = 0; run < 4000; run++)
        {
            // Times on a 5-minute grid over a few hours, so touching ranges and exact-buffer gaps are frequent.
            var candidates = Enumerable.Range(0, random.Next(0, 7)).Select(_ => RandomRange(random)).ToList();
            var existing = Enumerable.Range(0, random.Next(0, 7))
                .Select(_ => new BusyItem(random.Next(2) == 0 ? ConflictKind.Slot : ConflictKind.Block, Guid.NewGuid(), RandomRange(random)))
                .ToList();
            var before = buffers[random.Next(buffers.Length)];
            var after = buffers[random.Next(buffers.Length)];

            var actual = SlotConflictDetector.Detect(candidates, existing, before, after);
            var expected = ConflictReference.Detect(candidates, existing, before, after);

            Assert.True(
                ConflictReference.Canonical(expected).SequenceEqual(ConflictReference.Canonical(actual)),
                $"Run {run}: before {before}, after {after}, candidates [{string.Join(", ", candidates)}], existing [{string.Join(", ", existing)}]: " +
                $"expected [{string.Join("; ", expected)}] but found [{string.Join("; ", actual)}].");
            AssertOrdered(actual);
            withConflicts += actual.Count > 0 ? 1 : 0;
            withBufferOnly += actual.Any(c => c.BufferOnly) ? 1 : 0;
        }

        // The generator must exercise both outcomes, or the comparison proves little.
        Assert.InRange(withConflicts, 1000, 3900);
        Assert.True(withBufferOnly > 200, $"only {withBufferOnly} runs had a buffer-only conflict");
    }

    [Fact]
    public void Agrees_with_the_pairwise_definition_on_a_large_calendar()
    {
        // A correctness check on a large input (no timing): a year of slots and blocks, and a few hundred candidates.
        var random = new Random(7);
        var existing = new List<BusyItem>();
        var start = Times.Utc(2026, 1, 1, 8);
        for (var i = 0; i < 3000; i++)
        {
            start = start.AddMinutes(random.Next(10, 200));
            var range = new TimeRange(start, start.AddMinutes(random.Next(1, 24) * 5));
            existing.Add(new BusyItem(random.Next(4) == 0 ? ConflictKind.Block : ConflictKind.Slot, Guid.NewGuid(), range));
            start = range.End;
        }

        var span = (int)(start - Times.Utc(2026, 1, 1)).TotalMinutes;
        var candidates = Enumerable.Range(0, 600).Select(_ =>
        {
            var s = Times.Utc(2026, 1, 1).AddMinutes(random.Next(0, span / 5) * 5);
            return new TimeRange(s, s.AddMinutes(random.Next(1, 13) * 5));
        }).ToList();

        var before = TimeSpan.FromMinutes(10);
        var after = TimeSpan.FromMinutes(15);
        var actual = SlotConflictDetector.Detect(candidates, existing, before, after);
        var expected = ConflictReference.Detect(candidates, existing, before, after);

        Assert.NotEmpty(expected);
        Assert.Equal(ConflictReference.Canonical(expected), ConflictReference.Canonical(actual));
        AssertOrdered(actual);
    }

    private static TimeRange RandomRange(Random random)
    {
        var start = Day.AddMinutes(random.Next(0, 48) * 5);
        return new TimeRange(start, start.AddMinutes(random.Next(1, 19) * 5));
    }

    private static void AssertOrdered(IReadOnlyList<SlotConflict> conflicts)
    {
        for (var i = 1; i < conflicts.Count; i++)
        {
            var (p, c) = (conflicts[i - 1], conflicts[i]);
            Assert.True(p.CandidateIndex < c.CandidateIndex || (p.CandidateIndex == c.CandidateIndex && p.With.Start <= c.With.Start));
        }
    }
}
