using Microsoft.AspNetCore.Http;

namespace ClassBooking.AspNetCore;

/// <summary>
/// The host's hook that tells ClassBooking which teacher the signed-in user is. Implemented by the host over its own
/// authentication and profiles, registered with <c>.AddCurrentTeacher&lt;T&gt;()</c>.
/// </summary>
public interface ICurrentTeacher
{
    /// <summary>
    /// The teacher id (as the host's <see cref="Core.Hosting.ITeacherDirectory"/> knows it) of the user of
    /// <paramref name="context"/>, or null when the user is not a teacher. Teacher routes answer 403 on null.
    /// </summary>
    ValueTask<string?> GetTeacherIdAsync(HttpContext context, CancellationToken cancellationToken);
}
