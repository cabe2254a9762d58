using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Data;

/// <summary>The demo teachers' sign-in details (also quoted in the README).</summary>
public static class DemoAccounts
{
    /// <summary>Password of both demo teachers.</summary>
    public const string Password = "Demo!2345";

    /// <summary>Maria Keller, piano and music theory, Europe/Berlin.</summary>
    public const string MariaEmail = "maria@classlogger.test";

    /// <summary>James Carter, guitar, America/New_York.</summary>
    public const string JamesEmail = "james@classlogger.test";
}

/// <summary>
/// Fills an empty database with two teachers, their students, enrollments, class history and credit balances.
/// Everything is derived from fixed tables and the current time (from <see cref="TimeProvider"/>), so the same
/// clock gives the same data; the only random values are the ones ASP.NET Core Identity makes itself for the two
/// accounts (user ids, security stamps, password salts).
/// </summary>
public sealed partial class DemoDataSeeder(
    ClassLoggerDbContext db,
    UserManager<IdentityUser> users,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    private sealed record DemoTeacher(string Key, string Name, string Email, string TimeZone);

    private sealed record DemoStudent(string Name, string Email, string TimeZone);

    /// <summary>
    /// An enrollment and its weekly class in the teacher's local time. Inactive enrollments ended
    /// <see cref="EndedWeeksAgo"/> weeks ago.
    /// </summary>
    private sealed record DemoEnrollment(
        string Teacher, string Student, string Subject, int StartedDaysAgo, DayOfWeek Day, int Hour, int Minute,
        int DurationMinutes, int Balance, int? EndedWeeksAgo = null);

    private static readonly DemoTeacher[] Teachers =
    [
        new("maria", "Maria Keller", DemoAccounts.MariaEmail, "Europe/Berlin"),
        new("james", "James Carter", DemoAccounts.JamesEmail, "America/New_York"),
    ];

    private static readonly DemoStudent[] Students =
    [
        new("Lena Fischer", "lena.fischer@example.com", "Europe/Berlin"),
        new("Jonas Weber", "jonas.weber@example.com", "Europe/Berlin"),
        new("Amelie Schneider", "amelie.schneider@example.com", "Europe/Vienna"),
        new("Clara Hoffmann", "clara.hoffmann@example.com", "Europe/Zurich"),
        new("Felix Wagner", "felix.wagner@example.com", "Europe/Berlin"),
        new("Sofia Alvarez", "sofia.alvarez@example.com", "Europe/Madrid"),
        new("Hannah Kim", "hannah.kim@example.com", "America/New_York"),
        new("Ethan Brooks", "ethan.brooks@example.com", "America/New_York"),
        new("Olivia Chen", "olivia.chen@example.com", "America/Chicago"),
        new("Mason Rivera", "mason.rivera@example.com", "America/New_York"),
        new("Ava Thompson", "ava.thompson@example.com", "America/Los_Angeles"),
        new("Harper Lewis", "harper.lewis@example.com", "America/New_York"),
    ];

    private static readonly DemoEnrollment[] Enrollments =
    [
        new("maria", "Lena Fischer", "Piano", 410, DayOfWeek.Monday, 16, 0, 60, 6),
        new("maria", "Jonas Weber", "Piano", 260, DayOfWeek.Monday, 17, 30, 45, 1),
        new("maria", "Amelie Schneider", "Music theory", 190, DayOfWeek.Tuesday, 15, 0, 60, 4),
        new("maria", "Clara Hoffmann", "Piano", 95, DayOfWeek.Wednesday, 18, 0, 90, 8),
        new("maria", "Sofia Alvarez", "Piano", 330, DayOfWeek.Thursday, 17, 0, 60, 0),
        new("maria", "Hannah Kim", "Music theory", 60, DayOfWeek.Saturday, 16, 0, 45, 3),
        new("maria", "Felix Wagner", "Piano", 540, DayOfWeek.Friday, 16, 30, 60, 0, EndedWeeksAgo: 9),
        new("james", "Ethan Brooks", "Guitar", 300, DayOfWeek.Monday, 18, 0, 60, 5),
        new("james", "Olivia Chen", "Guitar", 150, DayOfWeek.Tuesday, 19, 0, 45, 2),
        new("james", "Mason Rivera", "Bass guitar", 220, DayOfWeek.Wednesday, 17, 0, 60, 7),
        new("james", "Ava Thompson", "Guitar", 75, DayOfWeek.Thursday, 20, 0, 30, 10),
        new("james", "Sofia Alvarez", "Guitar", 120, DayOfWeek.Friday, 12, 0, 60, 3),
        new("james", "Hannah Kim", "Guitar", 200, DayOfWeek.Saturday, 10, 0, 60, 1),
        new("james", "Harper Lewis", "Guitar", 480, DayOfWeek.Wednesday, 19, 30, 60, 0, EndedWeeksAgo: 7),
    ];

    private static readonly string[] PianoNotes =
    [
        "Scales in G and D major, hands together.",
        "Worked on the left-hand voicing in the Chopin prelude.",
        "Sight-reading; pedal exercise for next week.",
        "Sonatina first movement up to tempo.",
        "Arpeggios; phrasing in the second theme.",
        "Recital piece run-through, memory slips in bar 24.",
    ];

    private static readonly string[] TheoryNotes =
    [
        "Intervals and ear training.",
        "Four-part harmony: avoiding parallel fifths.",
        "Cadences; analysed a Bach chorale.",
        "Rhythm dictation, compound time.",
        "Secondary dominants; homework set 5.",
    ];

    private static readonly string[] GuitarNotes =
    [
        "Barre chords: F and B minor.",
        "Fingerpicking pattern, travis style.",
        "Pentatonic box 1 and 2, improvised over a blues.",
        "Strumming in 6/8; song of choice.",
        "Alternate picking at 90 bpm.",
        "Walking bass line over ii-V-I.",
    ];

    /// <summary>Weeks of class history written for each enrollment.</summary>
    public const int HistoryWeeks = 8;

    /// <summary>Seeds the demo data unless the database already has profiles.</summary>
    /// <returns>True when data was written; false when the database was not empty.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Profiles.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = time.GetUtcNow();
        var teacherProfiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var teacher in Teachers)
        {
            var user = new IdentityUser { UserName = teacher.Email, Email = teacher.Email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the demo account {teacher.Email}: "
                    + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var profile = new Profile
            {
                DisplayName = teacher.Name,
                Email = teacher.Email,
                Role = ProfileRole.Teacher,
                TimeZoneId = teacher.TimeZone,
                IdentityUserId = user.Id,
            };
            teacherProfiles.Add(teacher.Key, profile);
            db.Profiles.Add(profile);
        }

        var studentProfiles = Students.ToDictionary(
            s => s.Name,
            s => new Profile { DisplayName = s.Name, Email = s.Email, Role = ProfileRole.Student, TimeZoneId = s.TimeZone },
            StringComparer.Ordinal);
        db.Profiles.AddRange(studentProfiles.Values);
        await db.SaveChangesAsync(cancellationToken);

        for (var index = 0; index < Enrollments.Length; index++)
        {
            var demo = Enrollments[index];
            var teacher = teacherProfiles[demo.Teacher];
            var student = studentProfiles[demo.Student];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(teacher.TimeZoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

            db.Enrollments.Add(new Enrollment
            {
                TeacherProfileId = teacher.Id,
                StudentProfileId = student.Id,
                Subject = demo.Subject,
                StartedOn = today.AddDays(-demo.StartedDaysAgo),
                Active = demo.EndedWeeksAgo is null,
            });

            var balance = db.CreditBalances.Local
                .FirstOrDefault(b => b.StudentProfileId == student.Id && b.TeacherProfileId == teacher.Id);
            if (balance is null)
            {
                db.CreditBalances.Add(new CreditBalance
                {
                    StudentProfileId = student.Id,
                    TeacherProfileId = teacher.Id,
                    Balance = demo.Balance,
                });
            }
            else
            {
                balance.Balance += demo.Balance;
            }

            // The weekday's most recent date before today, then one class a week going back, with a
            // missed week now and then (the same weeks every time).
            var daysBack = ((int)today.DayOfWeek - (int)demo.Day + 7) % 7;
            var latest = today.AddDays(-(daysBack == 0 ? 7 : daysBack));
            var firstWeek = demo.EndedWeeksAgo ?? 0;
            var notes = NotesFor(demo.Subject);
            for (var week = firstWeek; week < firstWeek + HistoryWeeks; week++)
            {
                if ((index * 3 + week) % 7 == 4)
                {
                    continue;
                }

                var date = latest.AddDays(-7 * week);
                var local = date.ToDateTime(new TimeOnly(demo.Hour, demo.Minute), DateTimeKind.Unspecified);
                db.ClassLogs.Add(new ClassLogEntry
                {
                    TeacherProfileId = teacher.Id,
                    StudentProfileId = student.Id,
                    StartedAt = TimeZoneInfo.ConvertTimeToUtc(local, zone),
                    DurationMinutes = demo.DurationMinutes,
                    CreditsUsed = demo.DurationMinutes >= 90 ? 2 : 1,
                    Notes = notes[(index + week) % notes.Length],
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, Teachers.Length, Students.Length, Enrollments.Length);
        return true;
    }

    private static string[] NotesFor(string subject) => subject switch
    {
        "Piano" => PianoNotes,
        "Music theory" => TheoryNotes,
        _ => GuitarNotes,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: {Teachers} teachers, {Students} students, {Enrollments} enrollments.")]
    private static partial void LogSeeded(ILogger logger, int teachers, int students, int enrollments);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The database already has profiles; demo data not seeded.")]
    private static partial void LogSkipped(ILogger logger);
}
