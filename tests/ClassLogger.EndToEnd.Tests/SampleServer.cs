using System.Globalization;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Tokens;
using ClassLogger.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>
/// The ClassLogger sample served by Kestrel on a free loopback port, as a browser reaches it: Development (so it
/// migrates, seeds the demo data and serves its static web assets), a SQLite file of its own, and the clock fixed at
/// <see cref="Now"/> so the demo data and the booking rules give the same week on every run.
/// </summary>
public sealed class SampleServer : WebApplicationFactory<Program>
{
    /// <summary>Wednesday 8 April 2026, 14:00 in Berlin (the demo teacher Maria's zone).</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"classlogger-e2e-{Guid.NewGuid():N}.db");

    public SampleServer() => UseKestrel(0);

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>The address the sample listens on, e.g. <c>http://127.0.0.1:41234</c> (after <see cref="Start"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>
    /// Publishes a teacher's classes for the student-side tests, straight through ClassBooking's service: Mondays and
    /// Thursdays at 10:00 in the teacher's zone, an hour each, for four weeks from Thursday 9 April.
    /// </summary>
    public async Task PublishWeeklyClassesAsync(string teacherEmail)
    {
        await using var scope = Services.CreateAsyncScope();
        var teacherId = await TeacherIdAsync(scope, teacherEmail);
        var created = await scope.ServiceProvider.GetRequiredService<SlotSeriesService>().CreateAsync(teacherId,
            new SeriesDraft(WeekdaySet.Monday | WeekdaySet.Thursday, new TimeOnly(10, 0), 60, Weeks: 4, FirstDate: new DateOnly(2026, 4, 9)));
        Assert.True(created.Succeeded, "The classes were not published.");
    }

    /// <summary>Publishes one class of a teacher straight through ClassBooking's service (test set-up).</summary>
    public async Task CreateClassAsync(string teacherEmail, DateTimeOffset startsAt, int minutes)
    {
        await using var scope = Services.CreateAsyncScope();
        var teacherId = await TeacherIdAsync(scope, teacherEmail);
        var created = await scope.ServiceProvider.GetRequiredService<TimeSlotService>()
            .CreateAsync(teacherId, new SlotDraft(startsAt, startsAt.AddMinutes(minutes)));
        Assert.True(created.Succeeded, "The class was not published.");
    }

    /// <summary>
    /// Issues a share link for one of a teacher's students straight through ClassBooking's service (test set-up for
    /// the tests that are about the student's side) and returns its path, <c>/book/{teacher}/{token}</c>.
    /// </summary>
    public async Task<string> IssueLinkAsync(string teacherEmail, string studentName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassLoggerDbContext>();
        var teacher = await db.Profiles.SingleAsync(p => p.Email == teacherEmail);
        var student = await db.Profiles.SingleAsync(p => p.DisplayName == studentName);
        var issued = await scope.ServiceProvider.GetRequiredService<ShareTokenService>()
            .IssueAsync(teacher.Id.ToString(CultureInfo.InvariantCulture), student.Id.ToString(CultureInfo.InvariantCulture));
        Assert.True(issued.Succeeded, "The link was not issued.");
        return $"/book/{TeacherSlug.From(teacher.DisplayName)}/{issued.Value.Token}";
    }

    private static async Task<string> TeacherIdAsync(AsyncServiceScope scope, string teacherEmail)
    {
        var db = scope.ServiceProvider.GetRequiredService<ClassLoggerDbContext>();
        var teacher = await db.Profiles.SingleAsync(p => p.Email == teacherEmail);
        return teacher.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ClassLogger", $"Data Source={databasePath}");
        builder.UseSetting("ClassBooking:Email:PickupDirectory", MailDirectory);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    /// <summary>The pickup folder the server's booking e-mails are written to (a fresh one per server).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "classlogger-e2e-mail-" + Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
