using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core.Tests.Scheduling;

/// <summary>
/// The conflict rule written the slow, obvious way (every pair, O(n × m)), from its definition: two ranges that
/// overlap conflict; a class needs <c>bufferBefore</c> free before it and <c>bufferAfter</c> free after it, so between
/// two classes the gap must be at least the buffer each side asks for; a block needs no buffer of its own, but the
/// class next to it keeps its buffer on that side.
/// </summary>
internal static class ConflictReference
{
    public static bool Conflicts(TimeRange candidate, ConflictKind otherKind, TimeRange other, TimeSpan before, TimeSpan after, out bool bufferOnly)
    {
        bufferOnly = false;
        if (candidate.Start < other.End && other.Start < candidate.End)
        {
            return true;
        }

        bool tooClose;
        if (candidate.End <= other.Start)
        {
            // Candidate first: it needs `after` behind it; a class after it needs `before` ahead of it.
            var gap = other.Start - candidate.End;
            tooClose = gap < after || (otherKind != ConflictKind.Block && gap < before);
        }
        else
        {
            // Other first: the candidate needs `before` ahead of it; a class before it needs `after` behind it.
            var gap = candidate.Start - other.End;
            tooClose = gap < before || (otherKind != ConflictKind.Block && gap < after);
        }

        bufferOnly = tooClose;
        return tooClose;
    }

    public static List<SlotConflict> Detect(IReadOnlyList<TimeRange> candidates, IReadOnlyList<BusyItem> existing, TimeSpan before, TimeSpan after)
    {
        var result = new List<SlotConflict>();
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var e in existing)
            {
                if (Conflicts(candidates[i], e.Kind, e.Range, before, after, out var bufferOnly))
                {
                    result.Add(new SlotConflict(i, candidates[i], e.Kind, e.Id, e.Range, null, bufferOnly));
                }
            }

            for (var j = 0; j < candidates.Count; j++)
            {
                if (j != i && Conflicts(candidates[i], ConflictKind.Candidate, candidates[j], before, after, out var bufferOnly))
                {
                    result.Add(new SlotConflict(i, candidates[i], ConflictKind.Candidate, null, candidates[j], j, bufferOnly));
                }
            }
        }

        return result;
    }

    public static bool IsFree(TimeRange candidate, IReadOnlyList<BusyItem> busy, TimeSpan before, TimeSpan after) =>
        busy.All(b => !Conflicts(candidate, b.Kind, b.Range, before, after, out _));

    /// <summary>A total order on conflicts, for comparing two lists as multisets.</summary>
    public static IOrderedEnumerable<SlotConflict> Canonical(IEnumerable<SlotConflict> conflicts) =>
        conflicts
            .OrderBy(c => c.CandidateIndex)
            .ThenBy(c => c.WithKind)
            .ThenBy(c => c.With.Start)
            .ThenBy(c => c.With.End)
            .ThenBy(c => c.WithId)
            .ThenBy(c => c.WithCandidateIndex);
}
