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
public sealed record TeacherPolicyUpdate(
    string TimeZoneId,
    TimeSpan MinimumNotice,
    TimeSpan BookingHorizon,
    TimeSpan CancellationWindow,
    TimeSpan BufferBefore,
    TimeSpan BufferAfter,
    int? MaxBookingsPerStudentPerWeek);

/// <summary>Reads and changes a teacher's booking policy; a teacher who never changed it gets the configured defaults.</summary>
public sealed class TeacherPolicyService(
    IClassBookingStore store,
    ITeacherDirectory teachers,
    IOptions<ClassBookingOptions> options,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>The teacher's effective policy.</summary>
    public Task<TeacherPolicy> GetAsync(string teacherId, CancellationToken cancellationToken = default) =>
        store.ReadAsync((session, ct) => LoadAsync(session, teacherId, ct), cancellationToken);

    /// <summary>The teacher's effective policy, read in an existing unit of work (do not modify the returned object).</summary>
    public async Task<TeacherPolicy> LoadAsync(IClassBookingSession session, string teacherId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stored = await session.FindPolicyAsync(teacherId, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored;
        }

        var profile = await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false);
        var zone = LocalTimeConverter.IsKnownZone(profile?.TimeZoneId) ? profile!.TimeZoneId! : options.Value.DefaultTimeZone;
        var o = options.Value;
        return new TeacherPolicy
        {
            TeacherId = teacherId,
            TimeZoneId = zone,
            MinimumNotice = o.DefaultMinimumNotice,
            BookingHorizon = o.DefaultBookingHorizon,
            CancellationWindow = o.DefaultCancellationWindow,
            BufferBefore = o.DefaultBufferBefore,
            BufferAfter = o.DefaultBufferAfter,
            MaxBookingsPerStudentPerWeek = o.DefaultMaxBookingsPerStudentPerWeek,
        };
    }

    /// <summary>Validates and stores a teacher's policy.</summary>
    public Task<Result<TeacherPolicy>> UpdateAsync(string teacherId, TeacherPolicyUpdate update, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = Validate(update);
        if (errors.Count > 0)
        {
            return Task.FromResult(Result<TeacherPolicy>.Failure(errors));
        }

        return store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            if (await teachers.FindTeacherAsync(teacherId, ct).ConfigureAwait(false) is null)
            {
                return new ClassBookingError(ErrorCodes.TeacherNotFound, "This teacher is unknown.");
            }

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
            policy.UpdatedAt = time.GetUtcNow();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.PolicyUpdated, "policy", teacherId, origin);
            return Result<TeacherPolicy>.Success(policy.Clone());
        }, cancellationToken);
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
        return errors;
    }
}
