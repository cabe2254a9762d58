using ClassBooking.Core.Hosting;

namespace ClassBooking.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The host's directories, which these store-level tests do not use (the services that do are the lead's specification tests).</summary>
public sealed class EmptyDirectory : ITeacherDirectory, IStudentDirectory
{
    public Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken) => Task.FromResult<TeacherProfile?>(null);

    public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StudentProfile>>([]);

    public Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) => Task.FromResult<StudentProfile?>(null);
}
