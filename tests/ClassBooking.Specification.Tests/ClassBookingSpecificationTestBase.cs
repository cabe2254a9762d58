using ClassBooking.Core;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit;

namespace ClassBooking.Specification.Tests;

/// <summary>
/// Set-up shared by the specification tests: a fresh database per test (made by the store's subclass), the host's
/// profile table holding <see cref="TestDirectory.ProfileIds"/>, ClassBooking registered as a host would, and a
/// fake clock at <see cref="Start"/>.
/// </summary>
public abstract class ClassBookingSpecificationTestBase : IAsyncLifetime
{
    /// <summary>The fake clock's start: Monday 2026-03-02 09:00 UTC (four weeks before London's clocks go forward).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private ServiceProvider? _services;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected TestDirectory Directory { get; } = new();

    /// <summary>Where delivered booking e-mails go.</summary>
    protected RecordingEmailTransport Mail { get; } = new();

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    protected const string TeacherA = TestDirectory.TeacherA;

    protected const string TeacherB = TestDirectory.TeacherB;

    protected string StudentA(int i) => Directory.StudentsOfA[i].Id;

    /// <summary>Registers the store under test (e.g. <c>builder.AddEntityFrameworkStores(...)</c>).</summary>
    protected abstract void AddStore(ClassBookingBuilder builder);

    /// <summary>Creates a fresh database with the host's profile table (integer ids) holding <paramref name="profileIds"/>, before the store is used.</summary>
    protected abstract Task CreateDatabaseAsync(IReadOnlyList<int> profileIds);

    /// <summary>Applies the store's schema (e.g. its migrations) to the fresh database.</summary>
    protected abstract Task MigrateAsync(IServiceProvider services);

    /// <summary>Drops what <see cref="CreateDatabaseAsync"/> made.</summary>
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync(Directory.ProfileIds);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        var builder = services.AddClassBooking(o => o.ClientAddressHashKey = "specification-tests-key");
        services.AddSingleton<ITeacherDirectory>(Directory);
        services.AddSingleton<IStudentDirectory>(Directory);
        services.AddSingleton<IEmailTransport>(Mail);
        services.AddSingleton(new BookingEmailComposer(new BookingEmailText(), MailboxAddress.Parse("Bookings <bookings@example.test>")));
        services.AddScoped<BookingEmailFactory>();
        services.AddSingleton<NotificationDispatcher>();
        AddStore(builder);
        UnitOfWorkTracker.TrackStore(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await MigrateAsync(_services);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Runs <paramref name="work"/> with a service of a fresh scope (its own DbContext), as one request would.</summary>
    protected async Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<T> Read<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work) =>
        InScope<IClassBookingStore, T>(store => store.ReadAsync(work));

    /// <summary>Everything in the teacher's audit log.</summary>
    protected Task<IReadOnlyList<AuditEntry>> AuditOf(string teacherId) =>
        Read((s, ct) => s.GetAuditAsync(teacherId, Everything, ct));

    /// <summary>The teacher's open slots, any time.</summary>
    protected Task<IReadOnlyList<TimeSlot>> OpenSlotsOf(string teacherId) =>
        Read((s, ct) => s.GetOpenSlotsAsync(teacherId, Everything, ct));

    protected static readonly TimeRange Everything = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A one-off slot for teacher A, <paramref name="daysAhead"/> days after <see cref="Start"/> at <paramref name="hourUtc"/>.</summary>
    protected async Task<TimeSlot> CreateSlotAsync(int daysAhead, int hourUtc = 10, int minutes = 60, int capacity = 1, string teacherId = TeacherA, string? note = null)
    {
        var start = Start.Date.AddDays(daysAhead).AddHours(hourUtc);
        var startsAt = new DateTimeOffset(start, TimeSpan.Zero);
        var result = await InScope<TimeSlotService, Result<TimeSlot>>(s =>
            s.CreateAsync(teacherId, new SlotDraft(startsAt, startsAt.AddMinutes(minutes), capacity, 25m, note)));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    protected Task<Result<Booking>> BookAsync(string studentId, Guid slotId, string teacherId = TeacherA) =>
        InScope<BookingService, Result<Booking>>(s => s.BookAsync(teacherId, studentId, slotId));
}
