using System.Security.Claims;
using ClassLogger.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Booking;

/// <summary>The teacher a signed-in user is: their row in <c>profiles</c>.</summary>
/// <param name="ProfileId">The teacher's profile id (ClassBooking's teacher id is this, as a string).</param>
/// <param name="DisplayName">The teacher's name.</param>
/// <param name="TimeZoneId">The teacher's IANA time zone.</param>
public sealed record TeacherIdentity(int ProfileId, string DisplayName, string TimeZoneId)
{
    /// <summary>The id ClassBooking uses for this teacher.</summary>
    public string TeacherId => ProfileIds.Format(ProfileId);
}

/// <summary>
/// Resolves the signed-in Identity user (cookie or bearer token) to their teacher profile. Users without a teacher
/// profile are not teachers: they get null. Each call uses a context of its own, so the layout and a page may ask at
/// the same time.
/// </summary>
public sealed class CurrentTeacher(IDbContextFactory<ClassLoggerDbContext> contexts, UserManager<IdentityUser> users)
{
    /// <summary>The teacher <paramref name="user"/> signs in as, or null.</summary>
    public async Task<TeacherIdentity?> FindAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var userId = users.GetUserId(user);
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AsNoTracking()
            .Where(p => p.IdentityUserId == userId && p.Role == ProfileRole.Teacher)
            .Select(p => new TeacherIdentity(p.Id, p.DisplayName, p.TimeZoneId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The teacher id (profile id as a string) <paramref name="user"/> signs in as, or null.</summary>
    public async Task<string?> FindTeacherIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await FindAsync(user, cancellationToken))?.TeacherId;
}
