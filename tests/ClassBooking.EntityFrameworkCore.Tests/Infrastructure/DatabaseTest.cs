using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A test on a fresh, empty database of <see cref="Provider"/> (each abstract test class has a SQLite and a
/// PostgreSQL subclass). Services are built as a host would build them.
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _disposables = [];

    protected abstract TestProvider Provider { get; }

    protected TestDatabase Db { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        await Db.DisposeAsync();
    }

    /// <summary>Disposes <paramref name="disposable"/> after the test, before the database goes.</summary>
    protected void DisposeWithTest(IAsyncDisposable disposable) => _disposables.Add(disposable);

    /// <summary>A host's service provider with ClassBooking's EF Core store on this database.</summary>
    protected ServiceProvider BuildServices(Action<ClassBookingStoreOptions>? configureStore = null)
    {
        var services = new ServiceCollection();
        services.AddClassBooking()
            .AddTeacherDirectory<EmptyDirectory>()
            .AddStudentDirectory<EmptyDirectory>()
            .AddEntityFrameworkStores(Db.Configure, configureStore);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _disposables.Add(provider);
        return provider;
    }

    /// <summary>The host's profile table as a typical host has it: <c>profiles(id text primary key, display_name text)</c>.</summary>
    protected async Task CreateProfilesAsync(IEnumerable<string> ids)
    {
        await Db.ExecuteAsync("CREATE TABLE profiles (id text PRIMARY KEY, display_name text NOT NULL, created_at text NOT NULL DEFAULT 'then')");
        var values = string.Join(", ", ids.Select(id => $"('{id}', 'Name of {id}')"));
        await Db.ExecuteAsync($"INSERT INTO profiles (id, display_name) VALUES {values}");
    }
}

/// <summary>A database with the host's profiles (two teachers, 70 students) and ClassBooking's migrations applied.</summary>
public abstract class MigratedDatabaseTest : DatabaseTest
{
    protected const string Teacher = "teacher-1";
    protected const string OtherTeacher = "teacher-2";

    /// <summary>Monday 2026-03-02 09:00 UTC.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected static readonly TimeRange Everything = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected IServiceProvider Services { get; private set; } = null!;

    protected static string Student(int i) => $"student-{i}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        try
        {
            await CreateProfilesAsync(new[] { Teacher, OtherTeacher }.Concat(Enumerable.Range(1, 70).Select(Student)));
            Services = BuildServices();
            await Services.MigrateClassBookingAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not call DisposeAsync when InitializeAsync fails
            throw;
        }
    }

    /// <summary>A new DbContext on the database, bypassing the store.</summary>
    protected ClassBookingDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();

    /// <summary>Runs <paramref name="use"/> with the store of a fresh scope, as one request would.</summary>
    protected async Task<T> WithStore<T>(Func<IClassBookingStore, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IClassBookingStore>());
    }

    protected static TimeSlot NewSlot(string teacherId, DateTimeOffset startsAt, int minutes = 60, int capacity = 1) => new()
    {
        Id = Guid.CreateVersion7(),
        TeacherId = teacherId,
        StartsAt = startsAt,
        EndsAt = startsAt.AddMinutes(minutes),
        Capacity = capacity,
        CreatedAt = T0,
        Version = Guid.NewGuid(),
    };

    protected static BlockedPeriod NewBlock(string teacherId, DateTimeOffset startsAt, int minutes = 60) => new()
    {
        Id = Guid.CreateVersion7(),
        TeacherId = teacherId,
        StartsAt = startsAt,
        EndsAt = startsAt.AddMinutes(minutes),
        CreatedAt = T0,
    };

    protected static Booking NewBooking(TimeSlot slot, string studentId, BookingStatus status = BookingStatus.Confirmed) => new()
    {
        Id = Guid.CreateVersion7(),
        SlotId = slot.Id,
        TeacherId = slot.TeacherId,
        StudentId = studentId,
        Status = status,
        StartsAt = slot.StartsAt,
        EndsAt = slot.EndsAt,
        CreatedAt = T0,
    };

    /// <summary>Saves entities with a plain DbContext (no store, no transaction of ours).</summary>
    protected async Task InsertAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>Saving <paramref name="entities"/> directly is refused by the database.</summary>
    protected async Task<DbUpdateException> RefusedAsync(params object[] entities) =>
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => InsertAsync(entities));
}
