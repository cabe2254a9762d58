using ClassBooking.Core.Model;

namespace ClassBooking.Core.Scheduling;

/// <summary>Suggests the free times nearest to a requested one, of the same length, when the requested time conflicts.</summary>
public static class FreeTimeFinder
{
    /// <summary>
    /// Up to <paramref name="count"/> free ranges of the same length as <paramref name="requested"/>, nearest first
    /// (ties: the earlier one), on a grid of <paramref name="step"/> around the requested start and within
    /// <paramref name="searchWindow"/> of it, never starting before <paramref name="notBefore"/>.
    /// </summary>
    public static IReadOnlyList<TimeRange> Suggest(
        TimeRange requested,
        IReadOnlyList<BusyItem> busy,
        TimeSpan bufferBefore,
        TimeSpan bufferAfter,
        DateTimeOffset notBefore,
        int count = 3,
        TimeSpan? step = null,
        TimeSpan? searchWindow = null)
    {
        ArgumentNullException.ThrowIfNull(busy);
        var stepValue = step ?? TimeSpan.FromMinutes(15);
        var window = searchWindow ?? TimeSpan.FromDays(7);
        if (stepValue <= TimeSpan.Zero || count <= 0)
        {
            return [];
        }

        // Busy ranges widened so that a free candidate simply must not overlap them (the same rule as
        // SlotConflictDetector): next to a class the gap must cover the larger buffer, next to a block the
        // candidate's own buffer on that side.
        var widest = bufferBefore > bufferAfter ? bufferBefore : bufferAfter;
        var blocked = busy
            .Select(b => b.Kind == ConflictKind.Slot ? b.Range.Pad(widest, widest) : b.Range.Pad(bufferAfter, bufferBefore))
            .OrderBy(r => r.Start)
            .ToList();
        var maxEnd = new DateTimeOffset[blocked.Count];
        for (var i = 0; i < blocked.Count; i++)
        {
            maxEnd[i] = i == 0 ? blocked[i].End : (blocked[i].End > maxEnd[i - 1] ? blocked[i].End : maxEnd[i - 1]);
        }

        bool IsFree(TimeRange range)
        {
            // Last interval starting before range.End; any earlier interval reaching past range.Start overlaps.
            int lo = 0, hi = blocked.Count - 1, last = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (blocked[mid].Start < range.End)
                {
                    last = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return last < 0 || maxEnd[last] <= range.Start;
        }

        var results = new List<TimeRange>();
        var steps = (int)(window.Ticks / stepValue.Ticks);
        for (var k = 1; k <= steps && results.Count < count; k++)
        {
            foreach (var sign in new[] { -1, 1 })
            {
                var start = requested.Start + (stepValue * (k * sign));
                var candidate = new TimeRange(start, start + requested.Duration);
                if (start >= notBefore && IsFree(candidate) && results.Count < count)
                {
                    results.Add(candidate);
                }
            }
        }

        return results;
    }
}
