using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Students;

namespace ClassBooking.Core.Services;

/// <summary>What a set of candidate ranges would run into, computed without writing anything.</summary>
/// <param name="Candidates">The ranges asked about, UTC.</param>
/// <param name="Conflicts">Each conflict of a candidate.</param>
public sealed record SlotPreview(IReadOnlyList<TimeRange> Candidates, IReadOnlyList<SlotConflict> Conflicts);

/// <summary>A booking as the teacher sees it, with the student's name and colour.</summary>
/// <param name="Booking">The booking.</param>
/// <param name="StudentName">The student's name from the host's directory (the id when the host no longer knows the student).</param>
/// <param name="Color">The student's colour: the one the teacher chose (<see cref="StudentColorService"/>), else the default.</param>
public sealed record TeacherBookingView(Booking Booking, string StudentName, ColorPair Color);

/// <summary>A slot as the teacher sees it: with every confirmed booking and its student.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Bookings">Its confirmed bookings.</param>
public sealed record TeacherSlotView(TimeSlot Slot, IReadOnlyList<TeacherBookingView> Bookings);

/// <summary>What deleting a slot did.</summary>
/// <param name="SlotId">The deleted slot.</param>
/// <param name="CancelledBookings">Bookings cancelled with it (only when the teacher asked for that).</param>
public sealed record SlotDeletion(Guid SlotId, IReadOnlyList<Booking> CancelledBookings);

/// <summary>The teacher's one-off slots: create, move, delete, preview conflicts, and the teacher's view of the week.</summary>
public sealed class TimeSlotService(
    IClassBookingStore store,
    TeacherPolicyService policies,
    IStudentDirectory students,
    AuditTrail audit,
    BookingNotificationOutbox outbox,
    TimeProvider time)
{
    /// <summary>What the ranges would conflict with, writing nothing.</summary>
    public async Task<SlotPreview> PreviewAsync(string teacherId, IReadOnlyList<TimeRange> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var utc = candidates.Select(c => SlotRules.ToUtc(c.Start, c.End)).ToList();
        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.ReadAsync(async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var busy = await TeacherCalendarConflicts.LoadBusyAsync(session, teacherId, utc, policy, null, ct).ConfigureAwait(false);
            return new SlotPreview(utc, SlotConflictDetector.Detect(utc, busy, policy.BufferBefore, policy.BufferAfter));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes a one-off slot. Fails with <see cref="ErrorCodes.Overlaps"/> (with conflicts and suggestions) when the time is taken.</summary>
    public async Task<Result<TimeSlot>> CreateAsync(string teacherId, SlotDraft draft, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        var errors = SlotRules.Validate(draft, now);
        if (errors.Count > 0)
        {
            return Result<TimeSlot>.Failure(errors);
        }

        var range = SlotRules.ToUtc(draft.StartsAt, draft.EndsAt);
        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var conflict = await FindConflictAsync(session, teacherId, range, policy, null, now, ct).ConfigureAwait(false);
            if (conflict is not null)
            {
                return conflict;
            }

            var slot = new TimeSlot
            {
                Id = Guid.CreateVersion7(now),
                TeacherId = teacherId,
                StartsAt = range.Start,
                EndsAt = range.End,
                Capacity = draft.Capacity,
                Price = draft.Price,
                Note = SlotRules.NormalizeText(draft.Note),
                CreatedAt = now,
                Version = Guid.NewGuid(),
            };
            session.AddSlot(slot);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SlotCreated, "slot", slot.Id.ToString(), origin);
            return Result<TimeSlot>.Success(slot);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a slot. A slot with confirmed bookings keeps its time (<see cref="ErrorCodes.SlotHasBookings"/>) and
    /// its capacity cannot drop below the seats taken; a moved series occurrence becomes an exception of its series.
    /// </summary>
    public Task<Result<TimeSlot>> UpdateAsync(string teacherId, Guid slotId, SlotDraft draft, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Checked before the slot is looked up too, so a bad draft is a 400 whether or not the slot exists.
        var errors = SlotRules.Validate(draft, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return Task.FromResult(Result<TimeSlot>.Failure(errors));
        }

        return ChangeAsync(teacherId, slotId, _ => draft, expectedVersion: null, origin, cancellationToken);
    }

    /// <summary>
    /// Moves a slot to start at <paramref name="startsAt"/>, keeping its length, capacity, price and note as stored,
    /// as a drag in the teacher's week does. Refused with <see cref="ErrorCodes.ConcurrentChange"/> when the slot
    /// changed since the caller read it (its <see cref="TimeSlot.Version"/> is no longer
    /// <paramref name="expectedVersion"/>), so a move never writes back values another tab changed meanwhile;
    /// otherwise the rules of <see cref="UpdateAsync"/>.
    /// </summary>
    public Task<Result<TimeSlot>> MoveAsync(string teacherId, Guid slotId, DateTimeOffset startsAt, Guid expectedVersion, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(teacherId, slotId,
            slot => new SlotDraft(startsAt, startsAt + (slot.EndsAt - slot.StartsAt), slot.Capacity, slot.Price, slot.Note),
            expectedVersion, origin, cancellationToken);

    /// <summary>
    /// Moves a class together with its bookings, as <see cref="MoveAsync"/> does for a free one: the students keep
    /// their seats at the new time, each is sent an update of their calendar invitation (same UID, higher
    /// sequence), and their reminders move with the class, all in the move's transaction. Meant for a teacher who
    /// says so explicitly; <see cref="MoveAsync"/> keeps refusing booked classes so a stray drag cannot move one.
    /// </summary>
    public Task<Result<TimeSlot>> MoveWithBookingsAsync(string teacherId, Guid slotId, DateTimeOffset startsAt, Guid expectedVersion, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(teacherId, slotId,
            slot => new SlotDraft(startsAt, startsAt + (slot.EndsAt - slot.StartsAt), slot.Capacity, slot.Price, slot.Note),
            expectedVersion, origin, cancellationToken, moveBookings: true);

    private async Task<Result<TimeSlot>> ChangeAsync(
        string teacherId, Guid slotId, Func<TimeSlot, SlotDraft> change, Guid? expectedVersion, RequestOrigin? origin, CancellationToken cancellationToken, bool moveBookings = false)
    {
        var now = time.GetUtcNow();
        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var slot = await session.FindSlotAsync(slotId, ct).ConfigureAwait(false);
            if (slot is null || slot.TeacherId != teacherId || slot.Status != SlotStatus.Open)
            {
                return new ClassBookingError(ErrorCodes.SlotNotFound, "This slot does not exist.");
            }

            if (expectedVersion is { } version && slot.Version != version)
            {
                return new ClassBookingError(ErrorCodes.ConcurrentChange,
                    "This class was changed in the meantime (perhaps in another window). Look at it again and retry.");
            }

            var draft = change(slot);
            var errors = SlotRules.Validate(draft, now);
            if (errors.Count > 0)
            {
                return Result<TimeSlot>.Failure(errors);
            }

            var range = SlotRules.ToUtc(draft.StartsAt, draft.EndsAt);
            var moved = slot.StartsAt != range.Start || slot.EndsAt != range.End;
            if (moved && slot.BookedCount > 0 && !moveBookings)
            {
                return new ClassBookingError(ErrorCodes.SlotHasBookings,
                    "This slot is booked, so its time cannot change. Cancel the bookings first, or create a new slot.", "startsAt");
            }

            if (draft.Capacity < slot.BookedCount)
            {
                return ClassBookingError.Invalid("capacity", $"{slot.BookedCount} seats are already booked; capacity cannot be lower.");
            }

            var previous = (Range: slot.Range, Note: slot.Note);
            if (moved)
            {
                var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
                var conflict = await FindConflictAsync(session, teacherId, range, policy, slot.Id, now, ct).ConfigureAwait(false);
                if (conflict is not null)
                {
                    return conflict;
                }

                slot.StartsAt = range.Start;
                slot.EndsAt = range.End;
                slot.IsSeriesException = slot.SeriesId is not null;
            }

            slot.Capacity = draft.Capacity;
            slot.Price = draft.Price;
            slot.Note = SlotRules.NormalizeText(draft.Note);
            slot.Version = Guid.NewGuid();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SlotUpdated, "slot", slot.Id.ToString(), origin);
            await TellBookedStudentsAsync(session, slot, previous.Range, previous.Note, defaults, ct).ConfigureAwait(false);
            return Result<TimeSlot>.Success(slot);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Withdraws a slot. A slot with confirmed bookings is refused (<see cref="ErrorCodes.SlotHasBookings"/>)
    /// unless <paramref name="cancelBookings"/> is true, which cancels them as the teacher. A series occurrence is
    /// recorded as skipped, so later edits of the series do not bring it back. A class that has started stays
    /// (<see cref="ErrorCodes.SlotInPast"/>).
    /// </summary>
    public Task<Result<SlotDeletion>> DeleteAsync(string teacherId, Guid slotId, bool cancelBookings = false, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var slot = await session.FindSlotAsync(slotId, ct).ConfigureAwait(false);
            if (slot is null || slot.TeacherId != teacherId || slot.Status != SlotStatus.Open)
            {
                return new ClassBookingError(ErrorCodes.SlotNotFound, "This slot does not exist.");
            }

            if (slot.StartsAt <= time.GetUtcNow())
            {
                return new ClassBookingError(ErrorCodes.SlotInPast, "This class has already started; it stays in the history.");
            }

            var cancelled = await WithdrawAsync(session, slot, cancelBookings, ct).ConfigureAwait(false);
            if (cancelled is null)
            {
                return new ClassBookingError(ErrorCodes.SlotHasBookings,
                    $"This slot has {slot.BookedCount} booking(s). Cancel them with the slot, or keep the slot.");
            }

            if (slot.SeriesId is { } seriesId && slot.OccurrenceDate is { } date)
            {
                var series = await session.FindSeriesAsync(seriesId, ct).ConfigureAwait(false);
                if (series is not null && !series.SkippedDates.Contains(date))
                {
                    series.SkippedDates = [.. series.SkippedDates, date];
                }
            }

            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SlotDeleted, "slot", slot.Id.ToString(), origin,
                cancelled.Count > 0 ? $"{{\"cancelledBookings\":{cancelled.Count}}}" : null);
            foreach (var booking in cancelled)
            {
                audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.BookingCancelled, "booking", booking.Id.ToString(), origin);
            }

            return Result<SlotDeletion>.Success(new SlotDeletion(slot.Id, cancelled));
        }, cancellationToken);

    /// <summary>The teacher's open slots overlapping a range, each with its confirmed bookings, students' names and colours.</summary>
    public async Task<IReadOnlyList<TeacherSlotView>> GetTeacherViewAsync(string teacherId, TimeRange range, CancellationToken cancellationToken = default)
    {
        var (slots, bookings, colors) = await store.ReadAsync(async (session, ct) =>
        {
            var s = await session.GetOpenSlotsAsync(teacherId, range, ct).ConfigureAwait(false);
            var b = await session.GetActiveBookingsForSlotsAsync(s.Select(x => x.Id).ToList(), ct).ConfigureAwait(false);
            var c = await StudentColorService.LoadChosenKeysAsync(session, teacherId, ct).ConfigureAwait(false);
            return (s, b, c);
        }, cancellationToken).ConfigureAwait(false);

        var names = (await students.GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        var bySlot = bookings.ToLookup(b => b.SlotId);
        return slots
            .Select(s => new TeacherSlotView(s, bySlot[s.Id]
                .OrderBy(b => b.CreatedAt)
                .Select(b => new TeacherBookingView(b, names.GetValueOrDefault(b.StudentId, b.StudentId), StudentColors.Resolve(b.StudentId, colors.GetValueOrDefault(b.StudentId)).Pair))
                .ToList()))
            .ToList();
    }

    /// <summary>
    /// Cancels the slot (and, when allowed, its confirmed bookings) inside the caller's unit of work. Returns the
    /// cancelled bookings, or null when the slot has bookings and <paramref name="cancelBookings"/> is false.
    /// </summary>
    internal async Task<IReadOnlyList<Booking>?> WithdrawAsync(IClassBookingSession session, TimeSlot slot, bool cancelBookings, CancellationToken cancellationToken)
    {
        var bookings = slot.BookedCount > 0
            ? await session.GetActiveBookingsForSlotsAsync([slot.Id], cancellationToken).ConfigureAwait(false)
            : [];
        if (bookings.Count > 0 && !cancelBookings)
        {
            return null;
        }

        var now = time.GetUtcNow();
        foreach (var booking in bookings)
        {
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = now;
            booking.CancelledBy = ActorKind.Teacher;
            booking.CancellationReason = "The teacher withdrew this class time.";
            await outbox.BookingCancelledAsync(session, booking, slot.Note, cancellationToken).ConfigureAwait(false);
        }

        // The slot row stays (cancelled) so booking history keeps its reference; only open slots count as busy.
        slot.Status = SlotStatus.Cancelled;
        slot.BookedCount = 0;
        slot.Version = Guid.NewGuid();
        return bookings;
    }

    /// <summary>
    /// After the teacher changed a slot inside the caller's unit of work: when its time or note changed and students
    /// hold seats, copies the new time onto their bookings and queues each student's update (reminders move with it).
    /// </summary>
    internal async Task TellBookedStudentsAsync(
        IClassBookingSession session, TimeSlot slot, TimeRange previousRange, string? previousNote, TeacherPolicy defaults, CancellationToken cancellationToken)
    {
        var moved = previousRange != slot.Range;
        if (slot.BookedCount == 0 || (!moved && string.Equals(previousNote, slot.Note, StringComparison.Ordinal)))
        {
            return;
        }

        var policy = await TeacherPolicyService.LoadAsync(session, defaults, cancellationToken).ConfigureAwait(false);
        foreach (var booking in await session.GetActiveBookingsForSlotsAsync([slot.Id], cancellationToken).ConfigureAwait(false))
        {
            booking.StartsAt = slot.StartsAt;
            booking.EndsAt = slot.EndsAt;
            await outbox.BookingChangedAsync(session, booking, previousRange, slot.Note, policy, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ClassBookingError?> FindConflictAsync(
        IClassBookingSession session, string teacherId, TimeRange range, TeacherPolicy policy, Guid? ignore, DateTimeOffset now, CancellationToken ct)
    {
        // Load a wider window than the range so the suggestions see the neighbouring busy times too.
        var busy = await TeacherCalendarConflicts.LoadBusyAsync(session, teacherId, [range], policy, ignore is null ? null : [ignore.Value], ct, TimeSpan.FromDays(8)).ConfigureAwait(false);
        var conflicts = SlotConflictDetector.Detect([range], busy, policy.BufferBefore, policy.BufferAfter);
        return conflicts.Count == 0 ? null : TeacherCalendarConflicts.OverlapError(conflicts, range, busy, policy, now);
    }

}
