namespace ClassBooking.Core.Hosting;

/// <summary>A teacher as the host knows them.</summary>
/// <param name="Id">The teacher's id in the host's profile table.</param>
/// <param name="DisplayName">Name shown to students.</param>
/// <param name="Email">Address for notifications, if known.</param>
/// <param name="TimeZoneId">IANA zone of the teacher, if the host knows it (used until the teacher sets one in their policy).</param>
public sealed record TeacherProfile(string Id, string DisplayName, string? Email, string? TimeZoneId);

/// <summary>A student as the host knows them.</summary>
/// <param name="Id">The student's id in the host's profile table.</param>
/// <param name="DisplayName">Name shown to the teacher (never to other students).</param>
/// <param name="Email">Address for notifications, if known.</param>
/// <param name="TimeZoneId">IANA zone of the student, if known.</param>
public sealed record StudentProfile(string Id, string DisplayName, string? Email, string? TimeZoneId);

/// <summary>The host's teachers: implemented by the host over its own tables.</summary>
public interface ITeacherDirectory
{
    /// <summary>The teacher with this id, or null.</summary>
    Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken);
}

/// <summary>The host's students of a teacher (e.g. from its enrollments): implemented by the host over its own tables.</summary>
public interface IStudentDirectory
{
    /// <summary>The teacher's students, in the order the host wants them listed.</summary>
    Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>One of the teacher's students, or null when the id is unknown or not the teacher's student.</summary>
    Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken);
}
