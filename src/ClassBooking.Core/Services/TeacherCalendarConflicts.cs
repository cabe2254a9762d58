using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>Checks candidate ranges against what the teacher's calendar already holds, inside a unit of work.</summary>
internal static class TeacherCalendarConflicts
{
    /// <summary>The teacher's open slots and blocks around the candidates, as busy items (leaving out <paramref name="ignoreSlotIds"/>).</summary>
    public static async Task<List<BusyItem>> LoadBusyAsync(
        IClassBookingSession session,
        string teacherId,
        IReadOnlyCollection<TimeRange> candidates,
        TeacherPolicy policy,
        IReadOnlyCollection<Guid>? ignoreSlotIds,
        CancellationToken cancellationToken,
        TimeSpan? extraMargin = null)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var margin = policy.BufferBefore + policy.BufferAfter + (extraMargin ?? TimeSpan.Zero);
        var window = new TimeRange(candidates.Min(c => c.Start) - margin, candidates.Max(c => c.End) + margin);
        var slots = await session.GetOpenSlotsAsync(teacherId, window, cancellationToken).ConfigureAwait(false);
        var blocks = await session.GetBlocksAsync(teacherId, window, cancellationToken).ConfigureAwait(false);
        var busy = new List<BusyItem>(slots.Count + blocks.Count);
        busy.AddRange(slots.Where(s => ignoreSlotIds is null || !ignoreSlotIds.Contains(s.Id)).Select(s => new BusyItem(ConflictKind.Slot, s.Id, s.Range)));
        busy.AddRange(blocks.Select(b => new BusyItem(ConflictKind.Block, b.Id, b.Range)));
        return busy;
    }

    /// <summary>An <see cref="ErrorCodes.Overlaps"/> error listing the conflicts and up to three nearby free times.</summary>
    public static ClassBookingError OverlapError(IReadOnlyList<SlotConflict> conflicts, TimeRange requested, IReadOnlyList<BusyItem> busy, TeacherPolicy policy, DateTimeOffset now)
    {
        var first = conflicts[0];
        var what = first.WithKind switch
        {
            ConflictKind.Block => "a blocked period",
            ConflictKind.Candidate => "another new slot",
            _ => "another slot",
        };
        var message = first.BufferOnly
            ? $"This time leaves less than the required break next to {what}."
            : $"This time overlaps {what}.";
        return new ClassBookingError(ErrorCodes.Overlaps, message, "startsAt")
        {
            Conflicts = conflicts,
            Suggestions = FreeTimeFinder.Suggest(requested, busy, policy.BufferBefore, policy.BufferAfter, now),
        };
    }
}
