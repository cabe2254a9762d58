using System.Globalization;
using ClassBooking.Core.Hosting;
using ClassLogger.Data;
using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Booking;

/// <summary>
/// ClassBooking's view of this dashboard's students: the students a teacher has an active enrollment with,
/// read from <c>profiles</c> and <c>enrollments</c>. Ids are profile ids as strings. Each call uses a context of its
/// own, so booking's components may call it concurrently.
/// </summary>
public sealed class ClassLoggerStudentDirectory(IDbContextFactory<ClassLoggerDbContext> contexts) : IStudentDirectory
{
    public async Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken)
    {
        if (!ProfileIds.TryParse(teacherId, out var teacher))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var students = await ActiveStudentsOf(db, teacher)
            .OrderBy(p => p.DisplayName)
            .ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return students.ConvertAll(ToStudent);
    }

    public async Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken)
    {
        if (!ProfileIds.TryParse(teacherId, out var teacher) || !ProfileIds.TryParse(studentId, out var student))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await ActiveStudentsOf(db, teacher).FirstOrDefaultAsync(p => p.Id == student, cancellationToken);
        return profile is null ? null : ToStudent(profile);
    }

    private static IQueryable<Profile> ActiveStudentsOf(ClassLoggerDbContext db, int teacherId) =>
        db.Profiles.AsNoTracking().Where(p =>
            p.Role == ProfileRole.Student
            && db.Enrollments.Any(e => e.TeacherProfileId == teacherId && e.StudentProfileId == p.Id && e.Active));

    private static StudentProfile ToStudent(Profile profile) =>
        new(ProfileIds.Format(profile.Id), profile.DisplayName, profile.Email, profile.TimeZoneId);
}

/// <summary>ClassBooking's view of this dashboard's teachers, read from <c>profiles</c>.</summary>
public sealed class ClassLoggerTeacherDirectory(IDbContextFactory<ClassLoggerDbContext> contexts) : ITeacherDirectory
{
    public async Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken)
    {
        if (!ProfileIds.TryParse(teacherId, out var id))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.Role == ProfileRole.Teacher, cancellationToken);
        return profile is null
            ? null
            : new TeacherProfile(ProfileIds.Format(profile.Id), profile.DisplayName, profile.Email, profile.TimeZoneId);
    }
}

/// <summary>Profile ids as ClassBooking sees them: the integer key written in invariant digits.</summary>
internal static class ProfileIds
{
    public static bool TryParse(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string Format(int id) => id.ToString(CultureInfo.InvariantCulture);
}
