using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Students;

namespace ClassBooking.Core.Services;

/// <summary>The colour a student is shown in, and whether the teacher chose it.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="Color">The palette colour.</param>
/// <param name="IsChosen">True when the teacher chose it; false for the colour derived from the student id.</param>
public sealed record StudentColorChoice(string StudentId, StudentColor Color, bool IsChosen)
{
    /// <summary>The palette key of <see cref="Color"/>.</summary>
    public string Key => Color.Key;

    /// <summary>The text and background colours of <see cref="Color"/>.</summary>
    public ColorPair Pair => Color.Pair;
}

/// <summary>
/// The teacher's choice of colour per student, from the palette of <see cref="StudentColors"/> only. A student
/// without a choice keeps the colour derived from their id.
/// </summary>
public sealed class StudentColorService(
    IClassBookingStore store,
    IStudentDirectory students,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>The field named by a refused colour (<see cref="ClassBookingError.Field"/>).</summary>
    public const string ColorField = "color";

    /// <summary>Every student of the teacher (from the host's directory) with their colour, keyed by student id.</summary>
    public async Task<IReadOnlyDictionary<string, StudentColorChoice>> GetColorsAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        var list = await students.GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        var chosen = await LoadChosenKeysAsync(teacherId, cancellationToken).ConfigureAwait(false);
        var colors = new Dictionary<string, StudentColorChoice>(StringComparer.Ordinal);
        foreach (var student in list)
        {
            colors[student.Id] = Choice(student.Id, chosen.GetValueOrDefault(student.Id));
        }

        return colors;
    }

    /// <summary>
    /// Chooses a student's colour. <paramref name="colorKey"/> must be a key of the palette (case-insensitive;
    /// otherwise a <see cref="ErrorCodes.Validation"/> error on the field <c>color</c>), and the student must be
    /// enrolled with the teacher (<see cref="ErrorCodes.StudentNotFound"/>). The change is audit-logged when the
    /// colour changes.
    /// </summary>
    public async Task<Result<StudentColorChoice>> SetColorAsync(
        string teacherId, string studentId, string? colorKey, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        if (StudentColors.Find(colorKey) is not { } color)
        {
            return ClassBookingError.Invalid(ColorField,
                $"Choose one of the palette's colours: {string.Join(", ", StudentColors.Keys)}.");
        }

        if (await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false) is not { } student)
        {
            return new ClassBookingError(ErrorCodes.StudentNotFound, "This student is not enrolled with you.", "studentId");
        }

        return await store.WriteAsync<StudentColorChoice>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var settings = await session.FindStudentSettingsAsync(teacherId, student.Id, ct).ConfigureAwait(false);
            if (settings is null)
            {
                settings = new StudentSettings { TeacherId = teacherId, StudentId = student.Id };
                session.AddStudentSettings(settings);
            }
            else if (settings.ColorKey == color.Key)
            {
                return new StudentColorChoice(student.Id, color, true);
            }

            settings.ColorKey = color.Key;
            settings.UpdatedAt = time.GetUtcNow();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.StudentColorChanged, "student", student.Id, origin,
                $"{{\"color\":\"{color.Key}\"}}");
            return new StudentColorChoice(student.Id, color, true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Student id → chosen palette key, for the teacher's students who have one.</summary>
    internal Task<Dictionary<string, string>> LoadChosenKeysAsync(string teacherId, CancellationToken cancellationToken) =>
        store.ReadAsync((session, ct) => LoadChosenKeysAsync(session, teacherId, ct), cancellationToken);

    /// <summary>Student id → chosen palette key, read in an existing unit of work.</summary>
    internal static async Task<Dictionary<string, string>> LoadChosenKeysAsync(IClassBookingSession session, string teacherId, CancellationToken cancellationToken)
    {
        var rows = await session.GetStudentSettingsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        return rows.Where(r => StudentColors.Find(r.ColorKey) is not null).ToDictionary(r => r.StudentId, r => r.ColorKey!, StringComparer.Ordinal);
    }

    /// <summary>The colour of a student given their stored key (null or unknown: the default).</summary>
    internal static StudentColorChoice Choice(string studentId, string? chosenKey) =>
        StudentColors.Find(chosenKey) is { } chosen
            ? new StudentColorChoice(studentId, chosen, true)
            : new StudentColorChoice(studentId, StudentColors.DefaultFor(studentId), false);
}
