using ClassBooking.AspNetCore;

namespace ClassLogger.Booking;

/// <summary>ClassBooking's current-teacher hook: the signed-in Identity user's teacher profile (cookie or bearer token).</summary>
public sealed class ClassLoggerCurrentTeacher(CurrentTeacher currentTeacher) : ICurrentTeacher
{
    public async ValueTask<string?> GetTeacherIdAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await currentTeacher.FindTeacherIdAsync(context.User, cancellationToken);
    }
}
