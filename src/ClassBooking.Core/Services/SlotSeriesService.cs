using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>
/// Weekly series: preview, create, edit and delete one occurrence, this and following, or the whole series, and skip
/// dates. Booked occurrences are never silently moved or deleted: the result lists what was kept and why.
/// </summary>
public sealed class SlotSeriesService(
    IClassBookingStore store,
    TeacherPolicyService policies,
    TimeSlotService slots,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>Longest series in weeks.</summary>
    public const int MaxWeeks = 52;

    /// <summary>What <see cref="CreateAsync"/> would create and skip, writing nothing.</summary>
    public async Task<Result<SeriesPreview>> PreviewAsync(string teacherId, SeriesDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.ReadAsync<Result<SeriesPreview>>(async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var rule = ToRule(draft, policy.TimeZoneId, out var errors);
            if (errors.Count > 0)
            {
                return Result<SeriesPreview>.Failure(errors);
            }

            var (toCreate, skipped) = await PlanAsync(session, teacherId, rule!, [], policy, [], ct).ConfigureAwait(false);
            return new SeriesPreview(toCreate, skipped);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a series and its occurrences. Occurrences that conflict or lie in the past are skipped and reported;
    /// when none can be created the request fails with <see cref="ErrorCodes.Overlaps"/> and nothing is written.
    /// </summary>
    public async Task<Result<SeriesCreation>> CreateAsync(string teacherId, SeriesDraft draft, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var rule = ToRule(draft, policy.TimeZoneId, out var errors);
            if (errors.Count > 0)
            {
                return Result<SeriesCreation>.Failure(errors);
            }

            var (toCreate, skipped) = await PlanAsync(session, teacherId, rule!, [], policy, [], ct).ConfigureAwait(false);
            if (toCreate.Count == 0)
            {
                var first = skipped.FirstOrDefault();
                return new ClassBookingError(first?.Code ?? ErrorCodes.Overlaps, "No class of this series can be created: " + (first?.Reason ?? "every date is taken."), "weekdays")
                {
                    Conflicts = skipped.SelectMany(s => s.Conflicts).ToList(),
                };
            }

            var now = time.GetUtcNow();
            var series = new SlotSeries
            {
                Id = Guid.CreateVersion7(now),
                TeacherId = teacherId,
                TimeZoneId = rule!.TimeZoneId,
                Weekdays = rule.Weekdays,
                LocalStartTime = rule.LocalStartTime,
                DurationMinutes = rule.DurationMinutes,
                FirstDate = rule.FirstDate,
                LastDate = rule.LastDate,
                Capacity = draft.Capacity,
                Price = draft.Price,
                Note = SlotRules.NormalizeText(draft.Note),
                CreatedAt = now,
            };
            session.AddSeries(series);
            var created = toCreate.Select(o => NewOccurrence(series, o, now)).ToList();
            created.ForEach(session.AddSlot);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SeriesCreated, "series", series.Id.ToString(), origin,
                $"{{\"created\":{created.Count},\"skipped\":{skipped.Count}}}");
            return new SeriesCreation(series, created, skipped);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Edits one occurrence, this and following, or every occurrence that has not started. Unbooked occurrences move
    /// to the new rule; booked ones whose time would change, and unbooked ones whose new time would conflict, are kept
    /// as they were and reported in <see cref="SeriesChange.Kept"/>.
    /// </summary>
    public async Task<Result<SeriesChange>> EditAsync(
        string teacherId, Guid seriesId, SeriesScope scope, Guid? fromSlotId, SeriesEdit edit, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (scope == SeriesScope.ThisOccurrence)
        {
            return await EditOneAsync(teacherId, seriesId, fromSlotId, edit, origin, cancellationToken).ConfigureAwait(false);
        }

        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);

        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var located = await LocateAsync(session, teacherId, seriesId, scope, fromSlotId, now, ct).ConfigureAwait(false);
            if (!located.Succeeded)
            {
                return located.Cast<SeriesChange>();
            }

            var (series, pivot, affected, all) = located.Value;
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var oldRule = new WeeklyRecurrence(series.Weekdays, series.LocalStartTime, series.DurationMinutes, pivot, series.LastDate, series.TimeZoneId);
            var newRule = oldRule with
            {
                Weekdays = edit.Weekdays ?? oldRule.Weekdays,
                LocalStartTime = edit.LocalStartTime ?? oldRule.LocalStartTime,
                DurationMinutes = edit.DurationMinutes ?? oldRule.DurationMinutes,
                LastDate = edit.Until ?? oldRule.LastDate,
            };
            var errors = WeeklyRecurrenceExpander.Validate(newRule).ToList();
            ValidateAhead(newRule.LastDate, LocalTimeConverter.ToLocalDate(now, series.TimeZoneId), "until", errors);
            SlotRules.ValidateDetails(edit.Capacity ?? series.Capacity, edit.Price ?? series.Price, edit.Note ?? series.Note, errors);
            if (errors.Count > 0)
            {
                return Result<SeriesChange>.Failure(errors);
            }

            // "This and following" from a later occurrence splits the series: the old one ends the day before.
            var target = series;
            if (scope == SeriesScope.ThisAndFollowing && pivot > series.FirstDate)
            {
                target = new SlotSeries
                {
                    Id = Guid.CreateVersion7(now),
                    TeacherId = teacherId,
                    TimeZoneId = series.TimeZoneId,
                    FirstDate = pivot,
                    SkippedDates = series.SkippedDates.Where(d => d >= pivot).ToList(),
                    CreatedAt = now,
                };
                session.AddSeries(target);
                series.LastDate = pivot.AddDays(-1);
                series.SkippedDates = series.SkippedDates.Where(d => d < pivot).ToList();
            }

            target.Weekdays = newRule.Weekdays;
            target.LocalStartTime = newRule.LocalStartTime;
            target.DurationMinutes = newRule.DurationMinutes;
            target.LastDate = newRule.LastDate;
            target.Capacity = edit.Capacity ?? series.Capacity;
            target.Price = edit.Price ?? series.Price;
            target.Note = edit.Note is null ? series.Note : SlotRules.NormalizeText(edit.Note);

            var newOccurrences = WeeklyRecurrenceExpander.Expand(newRule, target.SkippedDates).ToDictionary(o => o.LocalDate);

            // A date that already has a class the edit does not touch (one that has started) gets no second one.
            foreach (var untouched in all.Except(affected))
            {
                newOccurrences.Remove(DateOf(untouched, series));
            }

            // An edit of details only (note, price, capacity) leaves individually moved occurrences where they are.
            var timingChanged = edit.Weekdays is not null || edit.LocalStartTime is not null || edit.DurationMinutes is not null;
            var kept = new List<KeptOccurrence>();
            var updated = new List<TimeSlot>();
            var removed = new List<Guid>();
            var moving = new List<(TimeSlot Slot, Occurrence To)>();

            foreach (var slot in affected)
            {
                var date = DateOf(slot, series);
                var hasTarget = newOccurrences.Remove(date, out var to);
                if (hasTarget && slot.IsSeriesException && !timingChanged)
                {
                    to = new Occurrence(date, slot.Range);
                }

                var sameTime = hasTarget && to.Range == slot.Range;
                if (slot.BookedCount > 0 && !sameTime)
                {
                    // A booked class keeps its time; it no longer follows the rule but stays in the (new) series,
                    // so later edits of the series see it and never put a second class on its date.
                    slot.IsSeriesException = true;
                    slot.SeriesId = target.Id;
                    slot.Version = Guid.NewGuid();
                    kept.Add(new KeptOccurrence(slot.Id, date, slot.Range, ErrorCodes.SlotHasBookings,
                        $"Booked by {slot.BookedCount} student(s); its time was left unchanged. Cancel the bookings to change it."));
                    continue;
                }

                if (slot.BookedCount > 0 && target.Capacity < slot.BookedCount)
                {
                    slot.SeriesId = target.Id;
                    slot.Version = Guid.NewGuid();
                    kept.Add(new KeptOccurrence(slot.Id, date, slot.Range, ErrorCodes.SlotHasBookings,
                        $"Booked by {slot.BookedCount} student(s), more than the new capacity; it was left unchanged."));
                    continue;
                }

                if (!hasTarget)
                {
                    await slots.WithdrawAsync(session, slot, cancelBookings: false, ct).ConfigureAwait(false);
                    removed.Add(slot.Id);
                    continue;
                }

                moving.Add((slot, to));
            }

            // Moved occurrences and new dates are checked together against the rest of the calendar.
            var stay = moving.Where(m => m.Slot.Range == m.To.Range).ToList();
            var toMove = moving.Except(stay).ToList();
            var ignore = toMove.Select(m => m.Slot.Id).ToList();
            var fresh = newOccurrences.Values.Where(o => o.Range.Start > now).OrderBy(o => o.LocalDate).ToList();
            var candidates = toMove.Select(m => m.To.Range).Concat(fresh.Select(o => o.Range)).ToList();
            var busy = await TeacherCalendarConflicts.LoadBusyAsync(session, teacherId, candidates, policy, ignore, ct).ConfigureAwait(false);
            var conflicts = SlotConflictDetector.Detect(candidates, busy, policy.BufferBefore, policy.BufferAfter).ToLookup(c => c.CandidateIndex);

            foreach (var (slot, _) in stay)
            {
                var previousNote = slot.Note;
                Apply(slot, target, slot.Range, keepException: slot.IsSeriesException && !timingChanged);
                updated.Add(slot);
                await slots.TellBookedStudentsAsync(session, slot, slot.Range, previousNote, defaults, ct).ConfigureAwait(false);
            }

            for (var i = 0; i < toMove.Count; i++)
            {
                var (slot, to) = toMove[i];
                if (conflicts[i].Any() || to.Range.Start <= now)
                {
                    kept.Add(new KeptOccurrence(slot.Id, to.LocalDate, slot.Range, ErrorCodes.Overlaps,
                        to.Range.Start <= now ? "The new time is in the past; the class was left unchanged." : "The new time overlaps another slot or a blocked period; the class was left unchanged."));
                    slot.IsSeriesException = true;
                    slot.SeriesId = target.Id;
                    slot.Version = Guid.NewGuid();
                    continue;
                }

                Apply(slot, target, to.Range, keepException: false);
                updated.Add(slot);
            }

            var created = new List<TimeSlot>();
            var skipped = new List<SkippedOccurrence>();
            for (var j = 0; j < fresh.Count; j++)
            {
                var occurrence = fresh[j];
                var hits = conflicts[toMove.Count + j].ToList();
                if (hits.Count > 0)
                {
                    skipped.Add(new SkippedOccurrence(occurrence.LocalDate, occurrence.Range, ErrorCodes.Overlaps, "Overlaps another slot or a blocked period.", hits));
                    continue;
                }

                var slot = NewOccurrence(target, occurrence, now);
                session.AddSlot(slot);
                created.Add(slot);
            }

            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SeriesUpdated, "series", target.Id.ToString(), origin,
                $"{{\"scope\":\"{scope}\",\"updated\":{updated.Count},\"created\":{created.Count},\"removed\":{removed.Count},\"kept\":{kept.Count}}}");
            return new SeriesChange(target.Id, created, updated, removed, [], kept, skipped);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes one occurrence, this and following, or every occurrence that has not started. Booked occurrences are
    /// kept and reported unless <paramref name="cancelBookings"/> is true, which cancels their bookings as the teacher.
    /// </summary>
    public async Task<Result<SeriesChange>> DeleteAsync(
        string teacherId, Guid seriesId, SeriesScope scope, Guid? fromSlotId, bool cancelBookings = false, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        if (scope == SeriesScope.ThisOccurrence)
        {
            if (fromSlotId is null)
            {
                return ClassBookingError.Invalid("slotId", "Name the occurrence to delete.");
            }

            var occurrence = await store.ReadAsync((session, ct) => session.FindSlotAsync(fromSlotId.Value, ct), cancellationToken).ConfigureAwait(false);
            if (occurrence is null || occurrence.SeriesId != seriesId || occurrence.TeacherId != teacherId)
            {
                return new ClassBookingError(ErrorCodes.SlotNotFound, "This occurrence does not exist.");
            }

            var deleted = await slots.DeleteAsync(teacherId, fromSlotId.Value, cancelBookings, origin, cancellationToken).ConfigureAwait(false);
            return deleted.Succeeded
                ? new SeriesChange(seriesId, [], [], [deleted.Value.SlotId], deleted.Value.CancelledBookings, [], [])
                : deleted.Cast<SeriesChange>();
        }

        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var located = await LocateAsync(session, teacherId, seriesId, scope, fromSlotId, now, ct).ConfigureAwait(false);
            if (!located.Succeeded)
            {
                return located.Cast<SeriesChange>();
            }

            var (series, pivot, affected, _) = located.Value;
            var removed = new List<Guid>();
            var kept = new List<KeptOccurrence>();
            var cancelled = new List<Booking>();
            foreach (var slot in affected)
            {
                var withdrawn = await slots.WithdrawAsync(session, slot, cancelBookings, ct).ConfigureAwait(false);
                if (withdrawn is null)
                {
                    slot.IsSeriesException = true;
                    slot.Version = Guid.NewGuid();
                    kept.Add(new KeptOccurrence(slot.Id, slot.OccurrenceDate, slot.Range, ErrorCodes.SlotHasBookings,
                        $"Booked by {slot.BookedCount} student(s); kept. Delete with cancelBookings to cancel them."));
                    continue;
                }

                removed.Add(slot.Id);
                cancelled.AddRange(withdrawn);
            }

            // The rule ends before the pivot; occurrences kept for their bookings stay as exceptions.
            var lastDate = pivot.AddDays(-1);
            if (series.LastDate > lastDate)
            {
                series.LastDate = lastDate;
            }

            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SeriesDeleted, "series", series.Id.ToString(), origin,
                $"{{\"scope\":\"{scope}\",\"removed\":{removed.Count},\"kept\":{kept.Count},\"cancelledBookings\":{cancelled.Count}}}");
            foreach (var booking in cancelled)
            {
                audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.BookingCancelled, "booking", booking.Id.ToString(), origin);
            }

            return new SeriesChange(series.Id, [], [], removed, cancelled, kept, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Skips one local date of a series: its occurrence is withdrawn (refused with <see cref="ErrorCodes.SlotHasBookings"/>
    /// when booked, unless <paramref name="cancelBookings"/>), and later edits of the series never re-create it.
    /// </summary>
    public Task<Result<SeriesChange>> SkipDateAsync(string teacherId, Guid seriesId, DateOnly date, bool cancelBookings = false, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync<SeriesChange>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var series = await session.FindSeriesAsync(seriesId, ct).ConfigureAwait(false);
            if (series is null || series.TeacherId != teacherId)
            {
                return new ClassBookingError(ErrorCodes.SeriesNotFound, "This series does not exist.");
            }

            if (date < series.FirstDate || date > series.LastDate || !series.Weekdays.Contains(date.DayOfWeek))
            {
                return ClassBookingError.Invalid("date", "The series has no class on this date.");
            }

            var removed = new List<Guid>();
            var cancelled = new List<Booking>();
            var occurrence = (await session.GetSeriesSlotsAsync(seriesId, ct).ConfigureAwait(false)).FirstOrDefault(s => s.OccurrenceDate == date);
            if (occurrence is not null && occurrence.StartsAt <= time.GetUtcNow())
            {
                return new ClassBookingError(ErrorCodes.SlotInPast, "This class has already started; it stays in the history.", "date");
            }

            if (occurrence is not null)
            {
                var withdrawn = await slots.WithdrawAsync(session, occurrence, cancelBookings, ct).ConfigureAwait(false);
                if (withdrawn is null)
                {
                    return new ClassBookingError(ErrorCodes.SlotHasBookings,
                        $"The class on {date:yyyy-MM-dd} is booked by {occurrence.BookedCount} student(s). Skip it with its bookings cancelled, or keep it.");
                }

                removed.Add(occurrence.Id);
                cancelled.AddRange(withdrawn);
            }

            if (!series.SkippedDates.Contains(date))
            {
                series.SkippedDates = [.. series.SkippedDates, date];
            }

            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.SeriesUpdated, "series", series.Id.ToString(), origin,
                $"{{\"skipped\":\"{date:yyyy-MM-dd}\"}}");
            return new SeriesChange(series.Id, [], [], removed, cancelled, [], []);
        }, cancellationToken);

    private async Task<Result<SeriesChange>> EditOneAsync(string teacherId, Guid seriesId, Guid? slotId, SeriesEdit edit, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        if (slotId is null)
        {
            return ClassBookingError.Invalid("slotId", "Name the occurrence to edit.");
        }

        if (edit.Weekdays is not null || edit.Until is not null)
        {
            return ClassBookingError.Invalid("weekdays", "Days and the last date belong to the whole series; edit this and following occurrences instead.");
        }

        var found = await store.ReadAsync(async (session, ct) =>
        {
            var slot = await session.FindSlotAsync(slotId.Value, ct).ConfigureAwait(false);
            var series = await session.FindSeriesAsync(seriesId, ct).ConfigureAwait(false);
            return (slot, series);
        }, cancellationToken).ConfigureAwait(false);
        if (found.series is null || found.series.TeacherId != teacherId || found.slot is null || found.slot.SeriesId != seriesId)
        {
            return new ClassBookingError(ErrorCodes.SlotNotFound, "This occurrence does not exist.");
        }

        var (slot, series) = (found.slot, found.series);
        var date = slot.OccurrenceDate ?? LocalTimeConverter.ToLocalDate(slot.StartsAt, series.TimeZoneId);
        var start = edit.LocalStartTime is { } t ? LocalTimeConverter.ToUtc(date, t, series.TimeZoneId) : slot.StartsAt;
        var end = start + (edit.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : slot.Range.Duration);
        var draft = new SlotDraft(start, end, edit.Capacity ?? slot.Capacity, edit.Price ?? slot.Price, edit.Note ?? slot.Note);
        var result = await slots.UpdateAsync(teacherId, slot.Id, draft, origin, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new SeriesChange(seriesId, [], [result.Value], [], [], [], [])
            : result.Cast<SeriesChange>();
    }

    private static async Task<Result<(SlotSeries Series, DateOnly Pivot, List<TimeSlot> Affected, IReadOnlyList<TimeSlot> All)>> LocateAsync(
        IClassBookingSession session, string teacherId, Guid seriesId, SeriesScope scope, Guid? fromSlotId, DateTimeOffset now, CancellationToken ct)
    {
        var series = await session.FindSeriesAsync(seriesId, ct).ConfigureAwait(false);
        if (series is null || series.TeacherId != teacherId)
        {
            return new ClassBookingError(ErrorCodes.SeriesNotFound, "This series does not exist.");
        }

        var all = await session.GetSeriesSlotsAsync(seriesId, ct).ConfigureAwait(false);
        DateOnly pivot;
        if (scope == SeriesScope.ThisAndFollowing)
        {
            var from = fromSlotId is null ? null : all.FirstOrDefault(s => s.Id == fromSlotId);
            if (from is null)
            {
                return ClassBookingError.Invalid("slotId", "Name an open occurrence of this series to start from.");
            }

            pivot = from.OccurrenceDate ?? LocalTimeConverter.ToLocalDate(from.StartsAt, series.TimeZoneId);
        }
        else
        {
            // The whole series means every class that has not started: past classes are history.
            var today = LocalTimeConverter.ToLocalDate(now, series.TimeZoneId);
            pivot = series.FirstDate > today ? series.FirstDate : today;
        }

        var affected = all.Where(s => s.StartsAt > now && DateOf(s, series) >= pivot).ToList();
        return (series, pivot, affected, all);
    }

    private async Task<(List<Occurrence> ToCreate, List<SkippedOccurrence> Skipped)> PlanAsync(
        IClassBookingSession session, string teacherId, WeeklyRecurrence rule, IReadOnlyCollection<DateOnly> skippedDates, Model.TeacherPolicy policy, IReadOnlyCollection<Guid> ignore, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var occurrences = WeeklyRecurrenceExpander.Expand(rule, skippedDates);
        var toCreate = new List<Occurrence>();
        var skipped = new List<SkippedOccurrence>();
        var future = new List<Occurrence>();
        foreach (var o in occurrences)
        {
            if (o.Range.Start <= now)
            {
                skipped.Add(new SkippedOccurrence(o.LocalDate, o.Range, ErrorCodes.SlotInPast, "This date and time has already passed.", []));
            }
            else
            {
                future.Add(o);
            }
        }

        var ranges = future.Select(o => o.Range).ToList();
        var busy = await TeacherCalendarConflicts.LoadBusyAsync(session, teacherId, ranges, policy, ignore, ct).ConfigureAwait(false);
        var conflicts = SlotConflictDetector.Detect(ranges, busy, policy.BufferBefore, policy.BufferAfter).ToLookup(c => c.CandidateIndex);
        for (var i = 0; i < future.Count; i++)
        {
            var hits = conflicts[i].ToList();
            if (hits.Count == 0)
            {
                toCreate.Add(future[i]);
            }
            else
            {
                var what = hits.Any(h => h.WithKind == ConflictKind.Block) ? "a blocked period" : "another slot";
                skipped.Add(new SkippedOccurrence(future[i].LocalDate, future[i].Range, ErrorCodes.Overlaps,
                    hits.All(h => h.BufferOnly) ? $"Too close to {what} (buffer)." : $"Overlaps {what}.", hits));
            }
        }

        skipped.Sort((a, b) => a.LocalDate.CompareTo(b.LocalDate));
        return (toCreate, skipped);
    }

    private WeeklyRecurrence? ToRule(SeriesDraft draft, string timeZoneId, out List<ClassBookingError> errors)
    {
        errors = [];
        var today = LocalTimeConverter.ToLocalDate(time.GetUtcNow(), timeZoneId);
        var first = draft.FirstDate ?? today;
        if (first < today)
        {
            errors.Add(ClassBookingError.Invalid("firstDate", "The first date is in the past."));
        }

        ValidateAhead(first, today, "firstDate", errors);
        if (draft.Until is { } until)
        {
            ValidateAhead(until, today, "until", errors);
        }

        if ((draft.Weeks is null) == (draft.Until is null))
        {
            errors.Add(ClassBookingError.Invalid("weeks", "Give either a number of weeks or a last date (until), not both."));
        }
        else if (draft.Weeks is < 1 or > MaxWeeks)
        {
            errors.Add(ClassBookingError.Invalid("weeks", $"A series runs for 1 to {MaxWeeks} weeks."));
        }

        SlotRules.ValidateDetails(draft.Capacity, draft.Price, draft.Note, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var rule = draft.Weeks is { } weeks
            ? WeeklyRecurrence.ForWeeks(draft.Weekdays, draft.LocalStartTime, draft.DurationMinutes, first, weeks, timeZoneId)
            : new WeeklyRecurrence(draft.Weekdays, draft.LocalStartTime, draft.DurationMinutes, first, draft.Until!.Value, timeZoneId);
        errors.AddRange(WeeklyRecurrenceExpander.Validate(rule));
        return errors.Count > 0 ? null : rule;
    }

    private static DateOnly DateOf(TimeSlot slot, SlotSeries series) =>
        slot.OccurrenceDate ?? LocalTimeConverter.ToLocalDate(slot.StartsAt, series.TimeZoneId);

    /// <summary>Series follow the same publishing limit as one-off slots (<see cref="SlotRules.MaxAhead"/>).</summary>
    private static void ValidateAhead(DateOnly date, DateOnly today, string field, List<ClassBookingError> errors)
    {
        if (date.DayNumber - today.DayNumber > (int)SlotRules.MaxAhead.TotalDays)
        {
            errors.Add(ClassBookingError.Invalid(field, "Slots can be published at most two years ahead."));
        }
    }

    private static TimeSlot NewOccurrence(SlotSeries series, Occurrence o, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TeacherId = series.TeacherId,
        StartsAt = o.Range.Start,
        EndsAt = o.Range.End,
        Capacity = series.Capacity,
        Price = series.Price,
        Note = series.Note,
        SeriesId = series.Id,
        OccurrenceDate = o.LocalDate,
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    private static void Apply(TimeSlot slot, SlotSeries target, TimeRange range, bool keepException)
    {
        slot.StartsAt = range.Start;
        slot.EndsAt = range.End;
        slot.SeriesId = target.Id;
        slot.IsSeriesException = keepException;
        slot.Capacity = target.Capacity;
        slot.Price = target.Price;
        slot.Note = target.Note;
        slot.Version = Guid.NewGuid();
    }
}
