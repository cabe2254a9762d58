using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Stores;

namespace ClassBooking.Core.Services;

/// <summary>The teacher's rules as a student needs to know them.</summary>
/// <param name="MinimumNotice">Book at least this long before a class.</param>
/// <param name="BookingHorizon">Book at most this far ahead.</param>
/// <param name="CancellationWindow">Cancel until this long before a class.</param>
/// <param name="MaxBookingsPerWeek">Weekly limit, if any.</param>
public sealed record StudentPolicyView(TimeSpan MinimumNotice, TimeSpan BookingHorizon, TimeSpan CancellationWindow, int? MaxBookingsPerWeek);

/// <summary>One week of a teacher's calendar as one student may see it.</summary>
/// <param name="TeacherName">The teacher's display name.</param>
/// <param name="TeacherTimeZone">The teacher's IANA zone.</param>
/// <param name="TimeZone">The zone the week was cut in (the viewer's).</param>
/// <param name="WeekStart">Monday of the week, in <paramref name="TimeZone"/>.</param>
/// <param name="Range">The week's instants.</param>
/// <param name="Entries">The privacy-filtered slots.</param>
/// <param name="Policy">The rules that apply.</param>
public sealed record StudentCalendar(
    string TeacherName,
    string TeacherTimeZone,
    string TimeZone,
    DateOnly WeekStart,
    TimeRange Range,
    IReadOnlyList<StudentCalendarEntry> Entries,
    StudentPolicyView Policy);

/// <summary>Builds the student's privacy-filtered week (see <see cref="StudentCalendarFilter"/>).</summary>
public sealed class StudentCalendarService(IClassBookingStore store, TeacherPolicyService policies, ITeacherDirectory teachers, TimeProvider time)
{
    /// <summary>How far from today (in weeks, either way) a student may page.</summary>
    public const int MaxWeeksAway = 260;

    /// <summary>
    /// The week (Monday to Sunday in <paramref name="timeZoneId"/>, the teacher's zone when null) containing
    /// <paramref name="weekOf"/> (today when null), for one student.
    /// </summary>
    public async Task<Result<StudentCalendar>> GetWeekAsync(string teacherId, string studentId, DateOnly? weekOf = null, string? timeZoneId = null, CancellationToken cancellationToken = default)
    {
        if (timeZoneId is not null && !LocalTimeConverter.IsKnownZone(timeZoneId))
        {
            return ClassBookingError.Invalid("timeZone", $"'{timeZoneId}' is not a known IANA time zone (e.g. Europe/London).");
        }

        var teacher = await teachers.FindTeacherAsync(teacherId, cancellationToken).ConfigureAwait(false);
        if (teacher is null)
        {
            return new ClassBookingError(ErrorCodes.TeacherNotFound, "This teacher is unknown.");
        }

        var now = time.GetUtcNow();
        if (weekOf is { } requested && Math.Abs(requested.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber) > MaxWeeksAway * 7)
        {
            return ClassBookingError.Invalid("weekOf", $"Choose a week within {MaxWeeksAway} weeks of today.");
        }

        var defaults = policies.DefaultsFor(teacherId, teacher);

        return await store.ReadAsync<Result<StudentCalendar>>(async (session, ct) =>
        {
            var policy = await TeacherPolicyService.LoadAsync(session, defaults, ct).ConfigureAwait(false);
            var zone = timeZoneId ?? policy.TimeZoneId;
            var day = weekOf ?? LocalTimeConverter.ToLocalDate(now, zone);
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            var range = new TimeRange(LocalTimeConverter.ToUtc(monday, TimeOnly.MinValue, zone), LocalTimeConverter.ToUtc(monday.AddDays(7), TimeOnly.MinValue, zone));
            var slots = await session.GetOpenSlotsAsync(teacherId, range, ct).ConfigureAwait(false);
            var bookings = await session.GetActiveBookingsForSlotsAsync(slots.Select(s => s.Id).ToList(), ct).ConfigureAwait(false);
            var entries = StudentCalendarFilter.Project(slots, bookings, studentId, policy, now);
            return new StudentCalendar(teacher.DisplayName, policy.TimeZoneId, zone, monday, range, entries,
                new StudentPolicyView(policy.MinimumNotice, policy.BookingHorizon, policy.CancellationWindow, policy.MaxBookingsPerStudentPerWeek));
        }, cancellationToken).ConfigureAwait(false);
    }
}
