using ClassBooking.Core.Hosting;

namespace ClassBooking.Specification.Tests;

/// <summary>
/// The host's integration points for the specification tests: two teachers and their students, held in memory
/// (this stands for the host's own tables, not for ClassBooking's storage, which is always a real database).
/// </summary>
public sealed class TestDirectory : ITeacherDirectory, IStudentDirectory
{
    /// <summary>Teacher in Europe/London with <see cref="StudentsOfA"/>.</summary>
    public const string TeacherA = "1";

    /// <summary>Teacher in America/New_York with <see cref="StudentsOfB"/>.</summary>
    public const string TeacherB = "2";

    public TestDirectory()
    {
        StudentsOfA = Enumerable.Range(0, 70).Select(i => new StudentProfile((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Student A{i}", $"a{i}@example.test", null)).ToList();
        StudentsOfB = Enumerable.Range(0, 5).Select(i => new StudentProfile((200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Student B{i}", $"b{i}@example.test", "America/Chicago")).ToList();
    }

    public IReadOnlyList<StudentProfile> StudentsOfA { get; }

    public IReadOnlyList<StudentProfile> StudentsOfB { get; }

    /// <summary>Every profile id the host table must hold (teachers and students), as integers.</summary>
    public IReadOnlyList<int> ProfileIds =>
        new[] { TeacherA, TeacherB }.Concat(StudentsOfA.Select(s => s.Id)).Concat(StudentsOfB.Select(s => s.Id)).Select(int.Parse).ToList();

    public Task<TeacherProfile?> FindTeacherAsync(string teacherId, CancellationToken cancellationToken) => Task.FromResult(RefuseInsideUnitOfWork(teacherId) switch
    {
        TeacherA => new TeacherProfile(TeacherA, "Maria Keller", "maria@example.test", "Europe/London"),
        TeacherB => new TeacherProfile(TeacherB, "James Carter", "james@example.test", "America/New_York"),
        _ => null,
    });

    public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) => Task.FromResult(RefuseInsideUnitOfWork(teacherId) switch
    {
        TeacherA => StudentsOfA,
        TeacherB => StudentsOfB,
        _ => (IReadOnlyList<StudentProfile>)[],
    });

    public async Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
        (await GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == studentId);

    /// <summary>The host's directory reads the host's database: no use case may wait for it inside a unit of work of the store.</summary>
    private static string RefuseInsideUnitOfWork(string teacherId) => UnitOfWorkTracker.IsOpen
        ? throw new InvalidOperationException("The host's directory was called inside a unit of work of ClassBooking's store; read it before the unit of work starts.")
        : teacherId;
}
