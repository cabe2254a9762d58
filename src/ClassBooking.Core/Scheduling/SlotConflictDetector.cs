using System.Text.Json.Serialization;
using ClassBooking.Core.Model;

namespace ClassBooking.Core.Scheduling;

/// <summary>What a candidate slot runs into.</summary>
// Sent as these strings by the HTTP API whatever JSON options serialize it, so the OpenAPI document agrees.
[JsonConverter(typeof(JsonStringEnumConverter<ConflictKind>))]
public enum ConflictKind
{
    /// <summary>An existing open slot of the teacher.</summary>
    [JsonStringEnumMemberName("slot")]
    Slot = 0,

    /// <summary>A blocked period of the teacher.</summary>
    [JsonStringEnumMemberName("block")]
    Block = 1,

    /// <summary>Another candidate of the same request (e.g. two new slots overlapping each other).</summary>
    [JsonStringEnumMemberName("candidate")]
    Candidate = 2,
}

/// <summary>A busy item already in the teacher's calendar.</summary>
/// <param name="Kind"><see cref="ConflictKind.Slot"/> or <see cref="ConflictKind.Block"/>.</param>
/// <param name="Id">The slot's or block's id.</param>
/// <param name="Range">Its time range.</param>
public readonly record struct BusyItem(ConflictKind Kind, Guid Id, TimeRange Range);

/// <summary>One conflict: candidate <see cref="CandidateIndex"/> hits <see cref="With"/>.</summary>
/// <param name="CandidateIndex">Index of the candidate in the request.</param>
/// <param name="Candidate">The candidate's range.</param>
/// <param name="WithKind">What it hits.</param>
/// <param name="WithId">Id of the slot or block it hits; for <see cref="ConflictKind.Candidate"/> null (see <see cref="WithCandidateIndex"/>).</param>
/// <param name="With">Range of what it hits.</param>
/// <param name="WithCandidateIndex">Index of the other candidate, for <see cref="ConflictKind.Candidate"/>.</param>
/// <param name="BufferOnly">True when the ranges do not overlap and only the buffer between classes is too short.</param>
public sealed record SlotConflict(
    int CandidateIndex,
    TimeRange Candidate,
    ConflictKind WithKind,
    Guid? WithId,
    TimeRange With,
    int? WithCandidateIndex,
    bool BufferOnly);

/// <summary>
/// Finds which candidate slots overlap existing slots, blocked periods, or each other, honouring the teacher's
/// buffers: a class needs <c>bufferBefore</c> free before it and <c>bufferAfter</c> free after it.
/// </summary>
/// <remarks>
/// Sort and sweep: every interval (padded by the buffers) becomes a start event; sweeping in start order with a
/// min-heap of active intervals keyed by end, each new interval meets exactly the intervals still active. The cost
/// is O((n + m) log(n + m) + k) for n candidates, m existing items and k reported pairs, instead of n × m.
/// Existing items are not checked against each other: the stored calendar is consistent by the database's rules.
/// </remarks>
public static class SlotConflictDetector
{
    /// <summary>Every conflict of the candidates, ordered by candidate index then by start of what they hit.</summary>
    public static IReadOnlyList<SlotConflict> Detect(
        IReadOnlyList<TimeRange> candidates,
        IReadOnlyList<BusyItem> existing,
        TimeSpan bufferBefore = default,
        TimeSpan bufferAfter = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(existing);

        // Items: candidates first (index < n), then existing. Classes are padded by the buffers; blocks are not,
        // because a block is the teacher's own time, and the class next to it carries the buffer.
        var n = candidates.Count;
        var items = new Item[n + existing.Count];
        for (var i = 0; i < n; i++)
        {
            items[i] = new Item(i, ConflictKind.Candidate, null, candidates[i], candidates[i].Pad(bufferBefore, bufferAfter));
        }

        for (var j = 0; j < existing.Count; j++)
        {
            var e = existing[j];
            var padded = e.Kind == ConflictKind.Slot ? e.Range.Pad(bufferBefore, bufferAfter) : e.Range;
            items[n + j] = new Item(n + j, e.Kind, e.Id, e.Range, padded);
        }

        var order = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = items[a].Padded.Start.CompareTo(items[b].Padded.Start);
            return c != 0 ? c : a.CompareTo(b);
        });

        var conflicts = new List<SlotConflict>();
        var active = new PriorityQueue<int, DateTimeOffset>();
        var activeList = new List<int>();
        foreach (var index in order)
        {
            var item = items[index];

            // Drop intervals that ended at or before this start (half-open ranges: touching is fine).
            while (active.TryPeek(out _, out var end) && end <= item.Padded.Start)
            {
                activeList.Remove(active.Dequeue());
            }

            foreach (var otherIndex in activeList)
            {
                var other = items[otherIndex];
                if (item.Kind != ConflictKind.Candidate && other.Kind != ConflictKind.Candidate)
                {
                    continue;
                }

                // Padding may overlap padding; a conflict is one item's padded range meeting the other's own range.
                var hard = item.Range.Overlaps(other.Range);
                if (!hard && !item.Padded.Overlaps(other.Range) && !other.Padded.Overlaps(item.Range))
                {
                    continue;
                }

                AddPair(conflicts, item, other, bufferOnly: !hard);
            }

            active.Enqueue(index, item.Padded.End);
            activeList.Add(index);
        }

        conflicts.Sort((a, b) =>
        {
            var c = a.CandidateIndex.CompareTo(b.CandidateIndex);
            return c != 0 ? c : a.With.Start.CompareTo(b.With.Start);
        });
        return conflicts;
    }

    private static void AddPair(List<SlotConflict> conflicts, Item a, Item b, bool bufferOnly)
    {
        if (a.Kind == ConflictKind.Candidate && b.Kind == ConflictKind.Candidate)
        {
            conflicts.Add(new SlotConflict(a.Index, a.Range, ConflictKind.Candidate, null, b.Range, b.Index, bufferOnly));
            conflicts.Add(new SlotConflict(b.Index, b.Range, ConflictKind.Candidate, null, a.Range, a.Index, bufferOnly));
            return;
        }

        var (candidate, other) = a.Kind == ConflictKind.Candidate ? (a, b) : (b, a);
        conflicts.Add(new SlotConflict(candidate.Index, candidate.Range, other.Kind, other.Id, other.Range, null, bufferOnly));
    }

    private readonly record struct Item(int Index, ConflictKind Kind, Guid? Id, TimeRange Range, TimeRange Padded);
}
