using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>
/// The teacher's notices: students' bookings and cancellations (whatever became of the teacher's e-mail about them,
/// so a teacher who switched those e-mails off still sees them) and every message about the teacher's bookings that
/// could not be delivered. Newest first, with the unread count counted by the database, read and marked read by the
/// teacher only; <see cref="GetVersionAsync"/> lets a view poll cheaply for changes, also those made by another host
/// instance, since it reads the shared database.
/// </summary>
public sealed class TeacherNoticeService(IClassBookingStore store, IStudentDirectory students, TimeProvider time)
{
    /// <summary>How many notices a page holds unless the caller asks for fewer.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The most notices one page may hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The teacher's newest notices (at most <paramref name="max"/>, 1 to <see cref="MaxPageSize"/>) and the unread count.</summary>
    public async Task<TeacherNoticePage> GetNoticesAsync(string teacherId, int max = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teacherId);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxPageSize);

        // The host's directory reads the host's database: asked before the unit of work, never while it holds a connection.
        var names = (await students.GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        var (rows, version) = await store.ReadAsync(async (session, ct) =>
        {
            var version = await session.GetTeacherNoticeVersionAsync(teacherId, ct).ConfigureAwait(false);
            var rows = await session.GetTeacherNoticesAsync(teacherId, max, ct).ConfigureAwait(false);
            return (rows, version);
        }, cancellationToken).ConfigureAwait(false);
        return new TeacherNoticePage(rows.Select(n => ToNotice(n, names.GetValueOrDefault(n.StudentId))).ToList(), version);
    }

    /// <summary>The fingerprint of the teacher's notices: one aggregate query, nothing loaded.</summary>
    public Task<TeacherNoticeVersion> GetVersionAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teacherId);
        return store.ReadAsync((session, ct) => session.GetTeacherNoticeVersionAsync(teacherId, ct), cancellationToken);
    }

    /// <summary>
    /// Marks one of the teacher's notices read and returns when it was read (the first time, if it already was).
    /// A notice that is not the teacher's is <see cref="ErrorCodes.NoticeNotFound"/>, exactly as one that does not exist.
    /// </summary>
    public Task<Result<DateTimeOffset>> MarkReadAsync(string teacherId, Guid noticeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teacherId);
        return store.WriteAsync<DateTimeOffset>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var notice = await session.FindTeacherNoticeAsync(teacherId, noticeId, ct).ConfigureAwait(false);
            if (notice is null)
            {
                return new ClassBookingError(ErrorCodes.NoticeNotFound, "This notice does not exist.");
            }

            notice.ReadAt ??= time.GetUtcNow();
            return notice.ReadAt.Value;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks the teacher's unread notices read and returns how many it marked. With <paramref name="writtenUpTo"/> (the
    /// newest notice the teacher was shown, <see cref="TeacherNoticeVersion.Newest"/>), a notice that arrived after it
    /// stays unread, so "mark all read" never swallows one the teacher has not seen.
    /// </summary>
    public Task<Result<int>> MarkAllReadAsync(string teacherId, DateTimeOffset? writtenUpTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teacherId);
        return store.WriteAsync<int>(WriteLock.Teacher(teacherId), async (session, ct) =>
            await session.MarkTeacherNoticesReadAsync(teacherId, writtenUpTo, time.GetUtcNow(), ct).ConfigureAwait(false), cancellationToken);
    }

    private static TeacherNotice ToNotice(Notification row, string? studentName) => new(
        row.Id,
        row.Kind switch
        {
            BookingEmailKind.TeacherStudentBooked => TeacherNoticeKind.StudentBooked,
            BookingEmailKind.TeacherStudentCancelled => TeacherNoticeKind.StudentCancelled,
            _ => TeacherNoticeKind.DeliveryFailed,
        },
        row.Kind,
        row.StudentId,
        studentName,
        row.BookingId,
        row.StartsAt,
        row.EndsAt,
        row.CreatedAt,
        row.ReadAt,
        row.CancellationReason,
        row.Status == NotificationStatus.Dead ? row.LastError ?? "" : null);
}
