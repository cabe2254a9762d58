using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClassBooking.Testing;
using ClassLogger.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>
/// The ClassLogger sample in Development (migrated and seeded at start) on a SQLite file of its own, the clock fixed
/// at <see cref="Now"/>, and rate limits high enough not to interfere (tests of the limits set their own).
/// </summary>
public class ApiAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Wednesday 8 April 2026, 12:00 UTC (14:00 in Berlin).</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"classbooking-api-tests-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string> _bearerTokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private int _slotCounter;

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>Settings applied on top of the sample's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ClassBooking:Http:StudentPermitLimit"] = "100000",
        ["ClassBooking:FailedTokenLookupLimit"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        ConfigureDatabase(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ClassLogger", $"Data Source={_databasePath}");
    }

    /// <summary>A start time no other test of this factory uses: two-hour steps from Friday 10 April 00:00 UTC.</summary>
    public DateTimeOffset NextSlotStart() =>
        new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero).AddHours(2 * Interlocked.Increment(ref _slotCounter));

    /// <summary>A client signed in as the teacher with this e-mail (bearer token from /identity/login).</summary>
    public async Task<HttpClient> TeacherAsync(string email)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BearerTokenAsync(email));
        return client;
    }

    public async Task<string> BearerTokenAsync(string email, string password = DemoAccounts.Password)
    {
        await _loginLock.WaitAsync();
        try
        {
            if (_bearerTokens.TryGetValue(email, out var cached))
            {
                return cached;
            }

            using var client = CreateClient();
            using var login = await client.PostAsJsonAsync("/identity/login", new { email, password });
            login.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            var token = body.RootElement.GetProperty("accessToken").GetString()!;
            _bearerTokens[email] = token;
            return token;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    public async Task<T> WithDbAsync<T>(Func<ClassLoggerDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ClassLoggerDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<int> ProfileIdAsync(string email) =>
        WithDbAsync(db => db.Profiles.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    /// <summary>Enrolls <paramref name="count"/> new students with the teacher; returns their profile ids as strings.</summary>
    public async Task<IReadOnlyList<string>> AddStudentsAsync(string teacherEmail, int count, string prefix)
    {
        var teacherId = await ProfileIdAsync(teacherEmail);
        return await WithDbAsync(async db =>
        {
            var profiles = Enumerable.Range(1, count).Select(i => new Profile
            {
                DisplayName = $"{prefix} Student {i}",
                Email = $"{prefix.ToLowerInvariant()}.student{i}@example.com",
                Role = ProfileRole.Student,
                TimeZoneId = "Europe/Berlin",
            }).ToList();
            db.Profiles.AddRange(profiles);
            await db.SaveChangesAsync();
            db.Enrollments.AddRange(profiles.Select(p => new Enrollment
            {
                TeacherProfileId = teacherId,
                StudentProfileId = p.Id,
                Active = true,
                Subject = "Piano",
                StartedOn = new DateOnly(2026, 1, 5),
            }));
            await db.SaveChangesAsync();
            return (IReadOnlyList<string>)profiles.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _loginLock.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm", _databasePath + "-journal" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on a fresh database of the test PostgreSQL cluster (dropped afterwards).</summary>
public class PostgresApiAppFactory : ApiAppFactory, IAsyncLifetime
{
    private string? _connectionString;

    public async Task InitializeAsync() => _connectionString = await PostgresTestCluster.CreateDatabaseAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_connectionString is not null)
        {
            await PostgresTestCluster.DropDatabaseAsync(_connectionString);
        }
    }

    /// <summary>The connection string the app uses.</summary>
    public string ConnectionString => AdjustConnectionString(_connectionString ?? throw new InvalidOperationException("InitializeAsync has not run."));

    /// <summary>Lets a subclass change the pool settings of the app's connection string.</summary>
    protected virtual string AdjustConnectionString(string connectionString) => connectionString;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:ClassLogger", ConnectionString);
    }
}

/// <summary>Low limits, for the rate-limit tests.</summary>
public sealed class RateLimitedApiAppFactory : ApiAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ClassBooking:Http:StudentPermitLimit"] = "5",
        ["ClassBooking:Http:StudentWindow"] = "00:10:00",
        ["ClassBooking:FailedTokenLookupLimit"] = "3",
        ["ClassBooking:FailedTokenLookupWindow"] = "00:10:00",
    };
}
