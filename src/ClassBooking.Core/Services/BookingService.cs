using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Policies;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>A student's bookings with a teacher, split at now.</summary>
/// <param name="Upcoming">Confirmed bookings of classes that have not ended, soonest first.</param>
/// <param name="Past">Classes that ended and cancelled bookings, newest first.</param>
public sealed record StudentBookings(IReadOnlyList<Booking> Upcoming, IReadOnlyList<Booking> Past);

/// <summary>Booking and cancelling, under the teacher's policy. Expected refusals are typed results; nothing is written on a refusal.</summary>
public sealed class BookingService(
    IClassBookingStore store,
    TeacherPolicyService policies,
    IStudentDirectory students,
    AuditTrail audit,
    BookingNotificationOutbox outbox,
    TimeProvider time)
{
    /// <summary>Longest idempotency key a client may send.</summary>
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>
    /// Books a seat for a student. The policy (notice, horizon, weekly limit) applies to students; a teacher booking on
    /// a student's behalf may book inside the notice and beyond the horizon. The seat is taken with a conditional
    /// update in the booking's transaction, so concurrent requests can never overbook. With an
    /// <paramref name="idempotencyKey"/>, a retry returns the booking the first request made (the same key for
    /// another slot is refused with <see cref="ErrorCodes.IdempotencyKeyReused"/>).
    /// </summary>
    public async Task<Result<Booking>> BookAsync(
        string teacherId,
        string studentId,
        Guid slotId,
        ActorKind actor = ActorKind.Student,
        RequestOrigin? origin = null,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            return ClassBookingError.Invalid("idempotencyKey", $"An idempotency key has 1 to {MaxIdempotencyKeyLength} printable characters.");
        }

        // The directory's id is the canonical spelling (e.g. "7", never "07"), used for the lock and every row.
        if (await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false) is not { } student)
        {
            return new ClassBookingError(ErrorCodes.StudentNotFound, "This student is not enrolled with the teacher.");
        }

        studentId = student.Id;

        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);

        return await store.WriteAsync(WriteLock.Student(teacherId, studentId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            if (idempotencyKey is not null
                && await session.FindBookingByIdempotencyKeyAsync(teacherId, studentId, idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
            {
                // The student's lock serializes retries, so the first request has committed or not started.
                if (earlier.SlotId != slotId)
                {
                    return new ClassBookingError(ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for another class.", "idempotencyKey");
                }

                return earlier.Status == BookingStatus.Confirmed
                    ? Result<Booking>.Success(earlier)
                    : new ClassBookingError(ErrorCodes.AlreadyCancelled, "This booking was made and later cancelled. Book again to take a new seat.");
            }

            var slot = await session.FindSlotAsync(slotId, ct).ConfigureAwait(false);
            if (slot is null || slot.TeacherId != teacherId)
            {
                return new ClassBookingError(ErrorCodes.SlotNotFound, "This class time does not exist.", "slotId");
            }

            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var refusal = BookingPolicyEvaluator.CheckBooking(policy, slot, now);
            if (refusal is not null && (actor == ActorKind.Student || refusal.Code is ErrorCodes.SlotCancelled or ErrorCodes.SlotInPast))
            {
                return refusal;
            }

            if (await session.FindActiveBookingAsync(slot.Id, studentId, ct).ConfigureAwait(false) is not null)
            {
                return new ClassBookingError(ErrorCodes.AlreadyBooked, "You have already booked this class.");
            }

            if (actor == ActorKind.Student && policy.MaxBookingsPerStudentPerWeek is { } limit)
            {
                var week = LocalTimeConverter.WeekContaining(slot.StartsAt, policy.TimeZoneId);
                var count = await session.CountActiveBookingsStartingAsync(teacherId, studentId, week, ct).ConfigureAwait(false);
                if (count >= limit)
                {
                    return new ClassBookingError(ErrorCodes.WeeklyLimitReached,
                        limit == 1 ? "You can book 1 class per week, and you already have one that week." : $"You can book {limit} classes per week, and you already have {count} that week.");
                }
            }

            if (!await session.TryTakeSeatAsync(slot.Id, slot.Range, ct).ConfigureAwait(false))
            {
                return new ClassBookingError(ErrorCodes.SlotFull, "Sorry, this class was just taken or changed. Please choose another time.");
            }

            var booking = new Booking
            {
                Id = Guid.CreateVersion7(now),
                SlotId = slot.Id,
                TeacherId = teacherId,
                StudentId = studentId,
                StartsAt = slot.StartsAt,
                EndsAt = slot.EndsAt,
                CreatedAt = now,
                IdempotencyKey = idempotencyKey,
            };
            session.AddBooking(booking);
            audit.Record(session, teacherId, actor, actor == ActorKind.Student ? studentId : teacherId, AuditActions.BookingCreated, "booking", booking.Id.ToString(), origin,
                $"{{\"slotId\":\"{slot.Id}\"}}");
            outbox.BookingConfirmed(session, booking, slot, policy, actor);
            return Result<Booking>.Success(booking);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a booking. A student may cancel only their own booking (any other answers
    /// <see cref="ErrorCodes.BookingNotFound"/>, exactly as for a booking that does not exist) and only outside the
    /// cancellation window; the teacher may always cancel.
    /// </summary>
    public async Task<Result<Booking>> CancelAsync(
        string teacherId, Guid bookingId, ActorKind actor, string? studentId = null, string? reason = null, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        if (actor == ActorKind.Student && studentId is null)
        {
            throw new ArgumentException("A student's cancellation needs the student's id.", nameof(studentId));
        }

        var reasonErrors = new List<ClassBookingError>();
        SlotRules.ValidateText(reason, "reason", "The reason", reasonErrors);
        if (reasonErrors.Count > 0)
        {
            return Result<Booking>.Failure(reasonErrors);
        }

        // The lock is the booking's student's, so a teacher's and a student's cancellation of one booking serialize.
        var owner = studentId ?? await store.ReadAsync(async (s, ct) => (await s.FindBookingAsync(bookingId, ct).ConfigureAwait(false))?.StudentId, cancellationToken).ConfigureAwait(false);
        if (owner is null)
        {
            return NotFound();
        }

        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);

        return await store.WriteAsync(WriteLock.Student(teacherId, owner), async (session, ct) =>
        {
            var booking = await session.FindBookingAsync(bookingId, ct).ConfigureAwait(false);
            if (booking is null || booking.TeacherId != teacherId || booking.StudentId != owner)
            {
                return NotFound();
            }

            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var refusal = BookingPolicyEvaluator.CheckCancellation(policy, booking, actor, now);
            if (refusal is not null)
            {
                return refusal;
            }

            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = now;
            booking.CancelledBy = actor;
            booking.CancellationReason = SlotRules.NormalizeText(reason);
            await session.ReleaseSeatAsync(booking.SlotId, ct).ConfigureAwait(false);
            audit.Record(session, teacherId, actor, actor == ActorKind.Student ? owner : teacherId, AuditActions.BookingCancelled, "booking", booking.Id.ToString(), origin);
            var slot = await session.FindSlotAsync(booking.SlotId, ct).ConfigureAwait(false);
            await outbox.BookingCancelledAsync(session, booking, slot?.Note, ct).ConfigureAwait(false);
            return Result<Booking>.Success(booking);
        }, cancellationToken).ConfigureAwait(false);

        static ClassBookingError NotFound() => new(ErrorCodes.BookingNotFound, "This booking does not exist.");
    }

    /// <summary>A student's upcoming and past bookings with a teacher (history of at most <paramref name="historyDays"/> days).</summary>
    public Task<StudentBookings> GetStudentBookingsAsync(string teacherId, string studentId, int historyDays = 365, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var range = new TimeRange(now.AddDays(-historyDays), now.AddYears(3));
        return store.ReadAsync(async (session, ct) =>
        {
            var all = await session.GetStudentBookingsAsync(teacherId, studentId, range, ct).ConfigureAwait(false);
            var upcoming = all.Where(b => b.Status == BookingStatus.Confirmed && b.EndsAt > now).OrderBy(b => b.StartsAt).ToList();
            var past = all.Except(upcoming).OrderByDescending(b => b.StartsAt).ToList();
            return new StudentBookings(upcoming, past);
        }, cancellationToken);
    }

    /// <summary>
    /// Per student of the teacher: their next booked class (the soonest confirmed booking whose class has not ended),
    /// keyed by student id; students without one are absent.
    /// </summary>
    public Task<IReadOnlyDictionary<string, Booking>> GetNextBookingsAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var range = new TimeRange(now, now.AddYears(3));
        return store.ReadAsync<IReadOnlyDictionary<string, Booking>>(async (session, ct) =>
        {
            var upcoming = await session.GetActiveTeacherBookingsAsync(teacherId, range, ct).ConfigureAwait(false);
            return upcoming
                .GroupBy(b => b.StudentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(b => b.StartsAt).ThenBy(b => b.Id).First(), StringComparer.Ordinal);
        }, cancellationToken);
    }
}
