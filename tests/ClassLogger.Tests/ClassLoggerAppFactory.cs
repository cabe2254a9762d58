using ClassLogger.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ClassLogger.Tests;

/// <summary>
/// The ClassLogger sample in Development (so it migrates and seeds at start) on a SQLite file of its own, with the
/// clock fixed at <see cref="Now"/> so the demo data is the same on every run.
/// </summary>
public class ClassLoggerAppFactory : WebApplicationFactory<Program>
{
    /// <summary>A Wednesday two weeks after Europe's and four after North America's spring clock change.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    public ClassLoggerAppFactory()
        : this(TempDatabase.NewPath())
    {
    }

    // Not public: xunit wants a single public constructor on a class fixture.
    internal ClassLoggerAppFactory(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>The pickup folder the app's booking e-mails are written to (a fresh one per factory).</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "classlogger-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Deletes the database file when this factory is disposed (false when another factory reuses it).</summary>
    public bool DeleteDatabaseOnDispose { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ClassBooking:Email:PickupDirectory", MailDirectory);
        ConfigureDatabase(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    /// <summary>Points the app at its database: the SQLite file at <see cref="DatabasePath"/>.</summary>
    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ClassLogger", $"Data Source={DatabasePath}");
    }

    /// <summary>Runs <paramref name="action"/> with the app's database context in a new scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<ClassLoggerDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ClassLoggerDbContext>());
    }

    /// <summary>The profile id of the person with this e-mail.</summary>
    public Task<int> ProfileIdAsync(string email) =>
        WithDbAsync(db => db.Profiles.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDatabaseOnDispose)
        {
            TempDatabase.Delete(DatabasePath);
        }

        if (disposing)
        {
            DeleteMail();
        }
    }

    private void DeleteMail()
    {
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (DeleteDatabaseOnDispose)
        {
            TempDatabase.Delete(DatabasePath);
        }

        DeleteMail();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Temporary SQLite files for tests.</summary>
public static class TempDatabase
{
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), $"classlogger-tests-{Guid.NewGuid():N}.db");

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
