using ClassLogger.Booking;
using ClassLogger.Data;
using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Dashboard;

/// <summary>A card on the Students tab.</summary>
public sealed record StudentCard(
    int StudentId,
    string Name,
    string Email,
    IReadOnlyList<string> Subjects,
    DateOnly EnrolledSince,
    int CreditBalance,
    DateTime? LastClassLocal);

/// <summary>A row on the Class log tab; times are in the teacher's zone.</summary>
public sealed record ClassLogRow(
    int Id,
    DateTime StartedLocal,
    string StudentName,
    int DurationMinutes,
    int CreditsUsed,
    string? Notes);

/// <summary>The queries behind the dashboard's own tabs; every one is limited to one teacher and uses a context of its own.</summary>
public sealed class TeacherDashboard(IDbContextFactory<ClassLoggerDbContext> contexts)
{
    /// <summary>The teacher's actively enrolled students, by name.</summary>
    public async Task<IReadOnlyList<StudentCard>> GetStudentsAsync(TeacherIdentity teacher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(teacher.TimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.TeacherProfileId == teacher.ProfileId && e.Active)
            .Select(e => new { e.StudentProfileId, e.Student!.DisplayName, e.Student.Email, e.Subject, e.StartedOn })
            .ToListAsync(cancellationToken);

        var balances = await db.CreditBalances.AsNoTracking()
            .Where(b => b.TeacherProfileId == teacher.ProfileId)
            .ToDictionaryAsync(b => b.StudentProfileId, b => b.Balance, cancellationToken);

        var lastClasses = await db.ClassLogs.AsNoTracking()
            .Where(l => l.TeacherProfileId == teacher.ProfileId)
            .GroupBy(l => l.StudentProfileId)
            .Select(g => new { StudentId = g.Key, Last = g.Max(l => l.StartedAt) })
            .ToDictionaryAsync(x => x.StudentId, x => x.Last, cancellationToken);

        return enrollments
            .GroupBy(e => e.StudentProfileId)
            .Select(g =>
            {
                var first = g.First();
                DateTime? last = lastClasses.TryGetValue(g.Key, out var utc)
                    ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
                    : null;
                return new StudentCard(
                    g.Key,
                    first.DisplayName,
                    first.Email,
                    [.. g.Select(e => e.Subject).Order(StringComparer.Ordinal)],
                    g.Min(e => e.StartedOn),
                    balances.GetValueOrDefault(g.Key),
                    last);
            })
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The teacher's class history, newest first.</summary>
    public async Task<IReadOnlyList<ClassLogRow>> GetClassLogAsync(TeacherIdentity teacher, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(teacher.TimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var rows = await db.ClassLogs.AsNoTracking()
            .Where(l => l.TeacherProfileId == teacher.ProfileId)
            .OrderByDescending(l => l.StartedAt)
            .ThenByDescending(l => l.Id)
            .Take(limit)
            .Select(l => new { l.Id, l.StartedAt, l.Student!.DisplayName, l.DurationMinutes, l.CreditsUsed, l.Notes })
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(r => new ClassLogRow(
            r.Id,
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc), zone),
            r.DisplayName,
            r.DurationMinutes,
            r.CreditsUsed,
            r.Notes));
    }
}
