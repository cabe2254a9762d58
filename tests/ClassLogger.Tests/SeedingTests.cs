using ClassLogger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

public sealed class SeedingTests
{
    private sealed record Counts(int Users, int Profiles, int Enrollments, int ClassLogs, int Balances);

    private static Task<Counts> CountAsync(ClassLoggerAppFactory app) =>
        app.WithDbAsync(async db => new Counts(
            await db.Users.CountAsync(),
            await db.Profiles.CountAsync(),
            await db.Enrollments.CountAsync(),
            await db.ClassLogs.CountAsync(),
            await db.CreditBalances.CountAsync()));

    /// <summary>Every seeded row except Identity's own random values, in a stable order.</summary>
    private static Task<string[]> SnapshotAsync(ClassLoggerAppFactory app) =>
        app.WithDbAsync(async db =>
        {
            var rows = new List<string>();
            rows.AddRange((await db.Profiles.OrderBy(p => p.Id).ToListAsync())
                .Select(p => $"profile {p.Id} {p.DisplayName} {p.Email} {p.Role} {p.TimeZoneId} linked={p.IdentityUserId is not null}"));
            rows.AddRange((await db.Enrollments.OrderBy(e => e.Id).ToListAsync())
                .Select(e => $"enrollment {e.Id} {e.TeacherProfileId} {e.StudentProfileId} {e.Subject} {e.StartedOn:O} {e.Active}"));
            rows.AddRange((await db.ClassLogs.OrderBy(l => l.Id).ToListAsync())
                .Select(l => $"class {l.Id} {l.TeacherProfileId} {l.StudentProfileId} {l.StartedAt:O} {l.DurationMinutes} {l.CreditsUsed} {l.Notes}"));
            rows.AddRange((await db.CreditBalances.OrderBy(b => b.StudentProfileId).ThenBy(b => b.TeacherProfileId).ToListAsync())
                .Select(b => $"balance {b.StudentProfileId} {b.TeacherProfileId} {b.Balance}"));
            return rows.ToArray();
        });

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        var path = TempDatabase.NewPath();
        try
        {
            Counts first;
            string[] firstRows;
            await using (var app = new ClassLoggerAppFactory(path) { DeleteDatabaseOnDispose = false })
            {
                _ = app.Services;
                first = await CountAsync(app);
                firstRows = await SnapshotAsync(app);
            }

            await using (var again = new ClassLoggerAppFactory(path) { DeleteDatabaseOnDispose = false })
            {
                _ = again.Services;
                Assert.Equal(first, await CountAsync(again));
                Assert.Equal(firstRows, await SnapshotAsync(again));

                await using var scope = again.Services.CreateAsyncScope();
                Assert.False(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync());
                Assert.Equal(first, await CountAsync(again));
            }

            Assert.Equal(new Counts(Users: 2, Profiles: 14, Enrollments: 14, first.ClassLogs, Balances: 14), first);
            Assert.InRange(first.ClassLogs, 80, 14 * DemoDataSeeder.HistoryWeeks);
        }
        finally
        {
            TempDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task The_same_clock_gives_the_same_demo_data()
    {
        await using var one = new ClassLoggerAppFactory();
        await using var other = new ClassLoggerAppFactory();

        Assert.Equal(await SnapshotAsync(one), await SnapshotAsync(other));
    }

    [Fact]
    public async Task Class_history_is_in_the_past_of_the_apps_clock()
    {
        await using var app = new ClassLoggerAppFactory();
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

        var (earliest, latest) = await app.WithDbAsync(async db =>
            (await db.ClassLogs.MinAsync(l => l.StartedAt), await db.ClassLogs.MaxAsync(l => l.StartedAt)));

        Assert.True(latest < new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc), $"Latest class {latest:O}.");
        Assert.True(earliest > new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc).AddDays(-7 * 20), $"Earliest class {earliest:O}.");
    }
}
