using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Services;

/// <summary>New values for a teacher's policy.</summary>
/// <param name="TimeZoneId">IANA zone of the teacher's schedule.</param>
/// <param name="MinimumNotice">Minimum notice before a class for a booking (0 to 30 days, shorter than the horizon).</param>
/// <param name="BookingHorizon">How far ahead students may book (1 day to 2 years).</param>
/// <param name="CancellationWindow">Students may cancel until this long before the class (0 to 30 days).</param>
/// <param name="BufferBefore">Free time before each class (0 to 4 hours).</param>
/// <param name="BufferAfter">Free time after each class (0 to 4 hours).</param>
/// <param name="MaxBookingsPerStudentPerWeek">Limit per student per week (1 to 50), or null for none.</param>
/// <param name="Reminders">
/// When students are reminded, before each class (whole minutes, 1 minute to 14 days, at most
/// <see cref="Notifications.ClassBookingNotificationOptions.MaxReminders"/>); empty for no reminders, null for the host's defaults.
/// </param>
public sealed record TeacherPolicyUpdate(
    string TimeZoneId,
    TimeSpan MinimumNotice,
    TimeSpan BookingHorizon,
    TimeSpan CancellationWindow,
    TimeSpan BufferBefore,
    TimeSpan BufferAfter,
    int? MaxBookingsPerStudentPerWeek,
    IReadOnlyList<TimeSpan>? Reminders = null);

/// <summary>Reads and changes a teacher's booking policy; a teacher who never changed it gets the configured defaults.</summary>
public sealed class TeacherPolicyService(
    IClassBookingStore store,
    ITeacherDirectory teachers,
    IOptions<ClassBookingOptions> options,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>The teacher's effective policy.</summary>
    public async Task<TeacherPolicy> GetAsync(string teacherId, CancellationToken cancellationToken = default) =>
        await GetAsync(teacherId, await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The teacher's effective policy, for a teacher profile the caller already read from the host's directory.</summary>
    public Task<TeacherPolicy> GetAsync(string teacherId, TeacherProfile? profile, CancellationToken cancellationToken = default)
    {
        var defaults = DefaultsFor(teacherId, profile);
        return store.ReadAsync((session, ct) => LoadAsync(session, defaults, ct), cancellationToken);
    }

    /// <summary>
    /// The policy the teacher has until they change it: the configured defaults, in the zone the host's directory
    /// gives the teacher. Read it before a unit of work starts and hand it to <see cref="LoadAsync"/> inside: the
    /// directory reads the host's database, and a use case that waited for that connection while holding its own
    /// could starve the pool under load.
    /// </summary>
    public async Task<TeacherPolicy> GetDefaultsAsync(string teacherId, CancellationToken cancellationToken = default) =>
        DefaultsFor(teacherId, await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false));

    /// <summary>The policy the teacher has until they change it, for a teacher profile the caller already read.</summary>
    public TeacherPolicy DefaultsFor(string teacherId, TeacherProfile? profile)
    {
        var o = options.Value;
        return new TeacherPolicy
        {
            TeacherId = teacherId,
            TimeZoneId = LocalTimeConverter.IsKnownZone(profile?.TimeZoneId) ? profile!.TimeZoneId! : o.DefaultTimeZone,
            MinimumNotice = o.DefaultMinimumNotice,
            BookingHorizon = o.DefaultBookingHorizon,
            CancellationWindow = o.DefaultCancellationWindow,
            BufferBefore = o.DefaultBufferBefore,
            BufferAfter = o.DefaultBufferAfter,
            MaxBookingsPerStudentPerWeek = o.DefaultMaxBookingsPerStudentPerWeek,
        };
    }

    /// <summary>
    /// The teacher's effective policy inside an existing unit of work: the stored one, else
    /// <paramref name="defaults"/> from <see cref="GetDefaultsAsync"/> (do not modify the returned object).
    /// </summary>
    public static async Task<TeacherPolicy> LoadAsync(IClassBookingSession session, TeacherPolicy defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(defaults);
        return await session.FindPolicyAsync(defaults.TeacherId, cancellationToken).ConfigureAwait(false) ?? defaults;
    }

    /// <summary>Validates and stores a teacher's policy.</summary>
    public async Task<Result<TeacherPolicy>> UpdateAsync(string teacherId, TeacherPolicyUpdate update, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = Validate(update);
        if (errors.Count > 0)
        {
            return Result<TeacherPolicy>.Failure(errors);
        }

        // The host's directory is asked before the transaction opens, never while it holds a connection.
        if (await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false) is null)
        {
            return new ClassBookingError(ErrorCodes.TeacherNotFound, "This teacher is unknown.");
        }

        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {

            var policy = await session.FindPolicyAsync(teacherId, ct).ConfigureAwait(false);
            if (policy is null)
            {
                policy = new TeacherPolicy { TeacherId = teacherId, TimeZoneId = update.TimeZoneId };
                session.AddPolicy(policy);
            }

            policy.TimeZoneId = update.TimeZoneId;
            policy.MinimumNotice = update.MinimumNotice;
            policy.BookingHorizon = update.BookingHorizon;
            policy.CancellationWindow = update.CancellationWindow;
            policy.BufferBefore = update.BufferBefore;
            policy.BufferAfter = update.BufferAfter;
            policy.MaxBookingsPerStudentPerWeek = update.MaxBookingsPerStudentPerWeek;
            policy.ReminderMinutes = update.Reminders?.Select(r => (int)r.TotalMinutes).Distinct().Order().Reverse().ToList();
            policy.UpdatedAt = time.GetUtcNow();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.PolicyUpdated, "policy", teacherId, origin);
            return Result<TeacherPolicy>.Success(policy.Clone());
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<ClassBookingError> Validate(TeacherPolicyUpdate u)
    {
        var errors = new List<ClassBookingError>();
        if (!LocalTimeConverter.IsKnownZone(u.TimeZoneId))
        {
            errors.Add(ClassBookingError.Invalid("timeZone", $"'{u.TimeZoneId}' is not a known IANA time zone (e.g. Europe/London)."));
        }

        Policies.PolicyLimits.Check(u.MinimumNotice, u.BookingHorizon, u.CancellationWindow, u.BufferBefore, u.BufferAfter, u.MaxBookingsPerStudentPerWeek,
            (field, message) => errors.Add(ClassBookingError.Invalid(field, message)));
        if (u.Reminders is { } reminders
            && (reminders.Count > Notifications.ClassBookingNotificationOptions.MaxReminders
                || reminders.Any(r => r < TimeSpan.FromMinutes(1) || r > TimeSpan.FromDays(14) || r.Ticks % TimeSpan.TicksPerMinute != 0)))
        {
            errors.Add(ClassBookingError.Invalid("reminders",
                $"Reminders are whole minutes between 1 minute and 14 days before a class, at most {Notifications.ClassBookingNotificationOptions.MaxReminders} of them."));
        }

        return errors;
    }
}
