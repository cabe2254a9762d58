using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>The teacher's busy periods: no slot may overlap one.</summary>
public sealed class BlockedPeriodService(IClassBookingStore store, TeacherPolicyService policies, AuditTrail audit, TimeProvider time)
{
    /// <summary>Longest block.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    /// <summary>
    /// Blocks a period. Fails with <see cref="ErrorCodes.Overlaps"/> (listing the slots) when open slots lie in it,
    /// including their buffers: withdraw or move those slots first.
    /// </summary>
    public async Task<Result<BlockedPeriod>> CreateAsync(string teacherId, DateTimeOffset startsAt, DateTimeOffset endsAt, string? reason = null, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        var range = SlotRules.ToUtc(startsAt, endsAt);
        var now = time.GetUtcNow();
        var errors = new List<ClassBookingError>();
        if (range.End <= range.Start)
        {
            errors.Add(ClassBookingError.Invalid("endsAt", "The end must be after the start."));
        }
        else if (range.Duration > MaxLength)
        {
            errors.Add(ClassBookingError.Invalid("endsAt", "A blocked period lasts at most a year."));
        }

        if (range.End <= now)
        {
            errors.Add(ClassBookingError.Invalid("endsAt", "The period is already over."));
        }

        SlotRules.ValidateText(reason, "reason", "The reason", errors);

        if (errors.Count > 0)
        {
            return Result<BlockedPeriod>.Failure(errors);
        }

        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);

        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var margin = policy.BufferBefore + policy.BufferAfter;
            var open = await session.GetOpenSlotsAsync(teacherId, range.Pad(margin, margin), ct).ConfigureAwait(false);

            // The block is the candidate here; slots carry the buffers, so check each slot against the block.
            var busy = new List<BusyItem> { new(ConflictKind.Block, Guid.Empty, range) };
            var conflicts = open
                .Where(s => SlotConflictDetector.Detect([s.Range], busy, policy.BufferBefore, policy.BufferAfter).Count > 0)
                .Select(s => new SlotConflict(0, range, ConflictKind.Slot, s.Id, s.Range, null, !s.Range.Overlaps(range)))
                .ToList();
            if (conflicts.Count > 0)
            {
                return new ClassBookingError(ErrorCodes.Overlaps,
                    $"{conflicts.Count} open slot(s) fall in this period. Withdraw or move them first.", "startsAt")
                { Conflicts = conflicts };
            }

            var block = new BlockedPeriod
            {
                Id = Guid.CreateVersion7(now),
                TeacherId = teacherId,
                StartsAt = range.Start,
                EndsAt = range.End,
                Reason = SlotRules.NormalizeText(reason),
                CreatedAt = now,
            };
            session.AddBlock(block);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.BlockCreated, "block", block.Id.ToString(), origin);
            return Result<BlockedPeriod>.Success(block);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a blocked period.</summary>
    public Task<Result<Guid>> DeleteAsync(string teacherId, Guid blockId, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync<Guid>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var block = await session.FindBlockAsync(blockId, ct).ConfigureAwait(false);
            if (block is null || block.TeacherId != teacherId)
            {
                return new ClassBookingError(ErrorCodes.BlockNotFound, "This blocked period does not exist.");
            }

            session.RemoveBlock(block);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.BlockDeleted, "block", block.Id.ToString(), origin);
            return block.Id;
        }, cancellationToken);

    /// <summary>The teacher's blocked periods overlapping a range.</summary>
    public Task<IReadOnlyList<BlockedPeriod>> ListAsync(string teacherId, TimeRange range, CancellationToken cancellationToken = default) =>
        store.ReadAsync((session, ct) => session.GetBlocksAsync(teacherId, range, ct), cancellationToken);
}
