using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Who wants which booking e-mails: the teacher switches kinds off (for their students or themselves), and a
/// student stops or resumes reminders with one click. Stored in ClassBooking's tables (the teacher's policy, the
/// student's settings); the delivery skips a muted message and records why.
/// </summary>
public sealed class NotificationPreferenceService(IClassBookingStore store, TeacherPolicyService policies, AuditTrail audit, TimeProvider time)
{
    /// <summary>The e-mails a teacher switched off.</summary>
    public async Task<IReadOnlySet<BookingEmailKind>> GetMutedAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return (policy.MutedEmailKinds ?? []).ToHashSet();
    }

    /// <summary>Switches the given e-mails off for the teacher and every other kind on.</summary>
    public async Task<Result<IReadOnlySet<BookingEmailKind>>> SetMutedAsync(
        string teacherId, IReadOnlyCollection<BookingEmailKind> muted, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(muted);
        if (muted.Any(kind => !Enum.IsDefined(kind)))
        {
            return ClassBookingError.Invalid("muted", "Unknown kind of e-mail.");
        }

        var defaults = await policies.GetDefaultsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return await store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var policy = await session.FindPolicyAsync(teacherId, ct).ConfigureAwait(false);
            if (policy is null)
            {
                // The first change of any setting stores the defaults the teacher had until now.
                policy = defaults.Clone();
                policy.UpdatedAt = time.GetUtcNow();
                session.AddPolicy(policy);
            }

            policy.MutedEmailKinds = muted.Distinct().Order().ToList();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.EmailSettingsChanged, "policy", teacherId, origin,
                $"{{\"muted\":[{string.Join(",", policy.MutedEmailKinds.Select(k => $"\"{k}\""))}]}}");
            return Result<IReadOnlySet<BookingEmailKind>>.Success(policy.MutedEmailKinds.ToHashSet());
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the student stopped reminders from the teacher.</summary>
    public Task<bool> HasStoppedRemindersAsync(string teacherId, string studentId, CancellationToken cancellationToken = default) =>
        store.ReadAsync(async (session, ct) =>
            (await session.FindStudentSettingsAsync(teacherId, studentId, ct).ConfigureAwait(false))?.RemindersStoppedAt is not null,
            cancellationToken);

    /// <summary>Stops (or, with <paramref name="stop"/> false, resumes) reminder e-mails for a student; succeeds with the new state.</summary>
    public Task<Result<bool>> SetRemindersStoppedAsync(string teacherId, string studentId, bool stop, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var settings = await session.FindStudentSettingsAsync(teacherId, studentId, ct).ConfigureAwait(false);
            if (settings is null)
            {
                settings = new StudentSettings { TeacherId = teacherId, StudentId = studentId, UpdatedAt = now };
                session.AddStudentSettings(settings);
            }

            // Repeated clicks keep the first time; only a real change is audited.
            if ((settings.RemindersStoppedAt is not null) != stop)
            {
                settings.RemindersStoppedAt = stop ? now : null;
                settings.UpdatedAt = now;
                audit.Record(session, teacherId, ActorKind.Student, studentId, AuditActions.RemindersChanged, "student", studentId, origin,
                    stop ? "{\"reminders\":\"stopped\"}" : "{\"reminders\":\"resumed\"}");
            }

            return Result<bool>.Success(stop);
        }, cancellationToken);
}
