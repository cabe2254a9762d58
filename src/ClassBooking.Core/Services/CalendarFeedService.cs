using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;

namespace ClassBooking.Core.Services;

/// <summary>
/// The calendar feeds students and teachers subscribe to, and the teacher's secret feed address: make or replace it
/// (the old address dies at once), revoke it, resolve a presented one. A booked class is the same event in a feed
/// as in its invitations (the booking's UID and calendar sequence). Each feed is read in one unit of work, and its
/// version (<see cref="CalendarFeed.ETag"/>) computed from what was read, before and without writing the calendar.
/// </summary>
public sealed class CalendarFeedService(
    IClassBookingStore store,
    ITeacherDirectory teachers,
    IStudentDirectory students,
    TeacherPolicyService policies,
    CalendarFeedText text,
    ShareTokenLookupGuard guard,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>How long a cancelled booking stays in the student's feed as cancelled, after its cancellation (30 days).</summary>
    public static TimeSpan CancelledBookingsKept { get; } = TimeSpan.FromDays(30);

    /// <summary>How far back the teacher's feed reaches (30 days).</summary>
    public static TimeSpan TeacherFeedHistory { get; } = TimeSpan.FromDays(30);

    /// <summary>How far ahead the teacher's feed reaches at least (a year; further when the teacher's booking horizon is longer).</summary>
    public static TimeSpan TeacherFeedAhead { get; } = TimeSpan.FromDays(365);

    /// <summary>
    /// A student's feed of their classes with a teacher: their confirmed bookings whose class has not ended, and the
    /// ones cancelled in the last <see cref="CancelledBookingsKept"/> as cancelled; nothing of other students. Times
    /// in the student's zone (else the teacher's). The caller has resolved the student's share token.
    /// </summary>
    public async Task<Result<CalendarFeed>> GetStudentFeedAsync(string teacherId, string studentId, CancellationToken cancellationToken = default)
    {
        // The host's directories are asked before the unit of work, which must not wait for the host's database.
        var teacher = await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false);
        if (teacher is null)
        {
            return new ClassBookingError(ErrorCodes.TeacherNotFound, "This teacher is unknown.");
        }

        var student = await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false);
        if (student is null)
        {
            return new ClassBookingError(ErrorCodes.StudentNotFound, "This student is not enrolled with this teacher.");
        }

        var defaults = policies.DefaultsFor(teacherId, teacher);
        var now = time.GetUtcNow();
        return await store.ReadAsync<Result<CalendarFeed>>(async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var bookings = await session.GetStudentFeedBookingsAsync(teacherId, student.Id, now, now - CancelledBookingsKept, ct).ConfigureAwait(false);
            var summary = text.StudentBookingSummary(teacher.DisplayName);
            return new CalendarFeed(new CalendarFeedContent
            {
                Name = text.StudentCalendarName(teacher.DisplayName),
                TimeZoneId = LocalTimeConverter.IsKnownZone(student.TimeZoneId) ? student.TimeZoneId : policy.TimeZoneId,
                Organizer = OrganizerOrNull(teacher),
                Events = bookings.Select(b => BookingEvent(b, summary, description: null)).ToList(),
            }, now);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The teacher's feed for a presented feed token: from <see cref="TeacherFeedHistory"/> ago to
    /// <see cref="TeacherFeedAhead"/> (or the booking horizon, if longer) ahead, each confirmed booking as an event
    /// named after its student, each open slot nobody booked as "Open: n seats" (tentative), and each blocked period
    /// (its reason, or "Busy"); times in the teacher's zone. Malformed, unknown and revoked tokens all give
    /// <see cref="ErrorCodes.InvalidToken"/>, counted against the client address of <paramref name="origin"/> as
    /// failed share-link look-ups are (<see cref="ShareTokenLookupGuard"/>).
    /// </summary>
    public async Task<Result<CalendarFeed>> GetTeacherFeedAsync(string? token, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        var hash = ShareTokenCodec.TryHash(token);
        if (hash is null)
        {
            return Refuse(origin);
        }

        var row = await store.ReadAsync((session, ct) => session.FindCalendarFeedByHashAsync(hash, ct), cancellationToken).ConfigureAwait(false);
        if (row is null || !ShareTokenCodec.HashesEqual(row.TokenHash, hash))
        {
            return Refuse(origin);
        }

        var teacherId = row.TeacherId;
        var teacher = await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false);
        if (teacher is null)
        {
            return Refuse(origin);
        }

        var names = (await students.GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        var defaults = policies.DefaultsFor(teacherId, teacher);
        var now = time.GetUtcNow();
        return await store.ReadAsync<Result<CalendarFeed>>(async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var range = new TimeRange(now - TeacherFeedHistory, now + (policy.BookingHorizon > TeacherFeedAhead ? policy.BookingHorizon : TeacherFeedAhead));
            var bookings = await session.GetActiveTeacherBookingsAsync(teacherId, range, ct).ConfigureAwait(false);
            var slots = await session.GetOpenSlotsAsync(teacherId, range, ct).ConfigureAwait(false);
            var blocks = await session.GetBlocksAsync(teacherId, range, ct).ConfigureAwait(false);

            var notes = slots.ToDictionary(s => s.Id, s => s.Note);
            var events = bookings
                .Select(b => BookingEvent(b, text.TeacherBookingSummary(names.GetValueOrDefault(b.StudentId) ?? text.UnknownStudentName), notes.GetValueOrDefault(b.SlotId)))
                .Concat(slots.Where(s => s.BookedCount == 0).Select(s => new CalendarFeedEvent
                {
                    Uid = BookingCalendarUid.ForOpenSlot(s.Id),
                    StartsAt = s.StartsAt,
                    EndsAt = s.EndsAt,
                    Summary = text.OpenSlotSummary(s.SeatsLeft),
                    Description = s.Note,
                    Status = CalendarFeedEventStatus.Tentative,
                }))
                .Concat(blocks.Select(b => new CalendarFeedEvent
                {
                    Uid = BookingCalendarUid.ForBlockedPeriod(b.Id),
                    StartsAt = b.StartsAt,
                    EndsAt = b.EndsAt,
                    Summary = text.BlockedPeriodSummary(b.Reason),
                }))
                .ToList();
            return new CalendarFeed(new CalendarFeedContent
            {
                Name = text.TeacherCalendarName(teacher.DisplayName),
                TimeZoneId = policy.TimeZoneId,
                Organizer = OrganizerOrNull(teacher),
                Events = events,
            }, now);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the teacher's feed address, or replaces it: the earlier address stops working in the same write that
    /// stores the new one's hash. The token is returned once and never stored in clear.
    /// </summary>
    public async Task<Result<IssuedCalendarFeed>> CreateTeacherFeedAsync(string teacherId, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        if (await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false) is null)
        {
            return new ClassBookingError(ErrorCodes.TeacherNotFound, "This teacher is unknown.");
        }

        return await store.WriteAsync<IssuedCalendarFeed>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var previous = await session.FindCalendarFeedAsync(teacherId, ct).ConfigureAwait(false);
            if (previous is not null)
            {
                session.RemoveCalendarFeed(previous);
            }

            var (token, hash) = ShareTokenCodec.Create();
            session.AddCalendarFeed(new TeacherCalendarFeed { TeacherId = teacherId, TokenHash = hash, CreatedAt = now });
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId,
                previous is null ? AuditActions.CalendarFeedCreated : AuditActions.CalendarFeedRegenerated, "calendar-feed", teacherId, origin);
            return new IssuedCalendarFeed(token, now, previous is not null);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes the teacher's feed address at once. Succeeds with false when there was none (nothing is written then).</summary>
    public Task<Result<bool>> RevokeTeacherFeedAsync(string teacherId, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync<bool>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var feed = await session.FindCalendarFeedAsync(teacherId, ct).ConfigureAwait(false);
            if (feed is null)
            {
                return false;
            }

            session.RemoveCalendarFeed(feed);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.CalendarFeedRevoked, "calendar-feed", teacherId, origin);
            return true;
        }, cancellationToken);

    /// <summary>When the teacher's current feed address was made, or <see langword="null"/> when they have none.</summary>
    public async Task<DateTimeOffset?> GetTeacherFeedCreatedAtAsync(string teacherId, CancellationToken cancellationToken = default) =>
        (await store.ReadAsync((session, ct) => session.FindCalendarFeedAsync(teacherId, ct), cancellationToken).ConfigureAwait(false))?.CreatedAt;

    private static CalendarFeedEvent BookingEvent(Booking booking, string summary, string? description) => new()
    {
        Uid = BookingCalendarUid.For(booking.Id),
        StartsAt = booking.StartsAt,
        EndsAt = booking.EndsAt,
        Summary = summary,
        Description = description,
        Sequence = booking.CalendarSequence,
        Status = booking.Status == BookingStatus.Cancelled ? CalendarFeedEventStatus.Cancelled : CalendarFeedEventStatus.Confirmed,
    };

    // A teacher without a usable address is left out as organizer rather than failing the feed.
    private static CalendarParticipant? OrganizerOrNull(TeacherProfile teacher) =>
        BookingInvitationWriter.CanWriteAddress(teacher.Email) ? new CalendarParticipant(teacher.DisplayName, teacher.Email!) : null;

    private ClassBookingError Refuse(RequestOrigin? origin) => guard.Refuse(origin,
        new ClassBookingError(ErrorCodes.InvalidToken, "This calendar feed address is not valid. Make a new one on your booking links page."),
        wait => $"Too many invalid calendar feed addresses were tried from your network. Please try again in {wait}.");
}
