using ClassBooking.Core;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Notifications.Delivery;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using ClassBooking.Specification.Tests;
using ClassBooking.Testing.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>
/// The outbox with real parts: two host instances (each its own service provider, as two processes would have)
/// delivering from one database to a real SMTP server on loopback (aiosmtpd), with the server down, an instance
/// stopped in the middle of a lease, and a transaction killed after the booking was written.
/// </summary>
public abstract class OutboxDeliveryTests : DatabaseTest
{
    private const string From = "Bookings <bookings@example.test>";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TestDirectory _directory = new();
    private readonly List<ServiceProvider> _instances = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Db.ExecuteAsync("CREATE TABLE profiles (id integer PRIMARY KEY, display_name text NOT NULL)");
        await Db.ExecuteAsync("INSERT INTO profiles (id, display_name) VALUES " + string.Join(", ", _directory.ProfileIds.Select(id => $"({id}, 'Profile {id}')")));
    }

    [Fact]
    public async Task With_the_mail_server_down_during_50_bookings_and_cancellations_every_message_arrives_exactly_once_when_it_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var a = await StartInstanceAsync("instance-a", port);
        var b = await StartInstanceAsync("instance-b", port);

        // 40 bookings in 8 classes of 5 seats, from both instances, then 10 cancellations: 50 changes.
        var bookings = new List<Booking>();
        for (var i = 0; i < 40; i++)
        {
            var slot = i % 5 == 0 ? await CreateSlotAsync(a, hour: 8 + (i / 5)) : null;
            var slotId = slot?.Id ?? bookings[^1].SlotId;
            var booked = await InScope<BookingService, Result<Booking>>(i % 2 == 0 ? a : b, s => s.BookAsync(TestDirectory.TeacherA, Student(i), slotId));
            Assert.True(booked.Succeeded, booked.Error?.Message);
            bookings.Add(booked.Value);
        }

        foreach (var booking in bookings.Take(10))
        {
            var cancelled = await InScope<BookingService, Result<Booking>>(b, s => s.CancelAsync(TestDirectory.TeacherA, booking.Id, ActorKind.Student, booking.StudentId));
            Assert.True(cancelled.Succeeded, cancelled.Error?.Message);
        }

        var expected = await MessagesDueAsync();
        Assert.Equal(100, expected.Count);
        await WaitUntilAsync("every message was tried while the server was down", async () =>
            (await RowsAsync(expected)).All(n => n.Attempts >= 1 && n.Status == NotificationStatus.Pending && n.LastError is not null));

        await using var server = await SmtpTestServer.StartAsync(port);
        await WaitUntilAsync("every message was sent", async () => (await RowsAsync(expected)).All(n => n.Status == NotificationStatus.Sent));
        await StopAsync(a, b);

        var received = server.ReceivedMessages().Select(m => m.MessageId).ToList();
        Assert.Equal(expected.Select(id => $"{id:N}@example.test").Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        var rows = await RowsAsync(expected);
        Assert.Contains(rows, n => n.Attempts > 1);
    }

    [Fact]
    public async Task Messages_leased_by_an_instance_that_stopped_are_delivered_by_the_other_once_the_lease_expires()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var a = Instance("instance-a", server.Port);
        await a.MigrateClassBookingAsync();
        var slot = await CreateSlotAsync(a, hour: 9);
        var booked = await InScope<BookingService, Result<Booking>>(a, s => s.BookAsync(TestDirectory.TeacherA, Student(0), slot.Id));
        Assert.True(booked.Succeeded, booked.Error?.Message);
        var expected = await MessagesDueAsync();

        // Instance A leases both messages for 3 seconds and stops before it sends them.
        var leased = await a.GetRequiredService<INotificationDeliveryStore>()
            .LeaseDueAsync("instance-a", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(3), 20, CancellationToken.None);
        Assert.Equal(expected.Order(), leased.Select(n => n.Id).Order());
        var b = await StartInstanceAsync("instance-b", server.Port);

        await WaitUntilAsync("instance B sent the messages", async () => (await RowsAsync(expected)).All(n => n.Status == NotificationStatus.Sent));
        await StopAsync(b);

        Assert.Equal(expected.Select(id => $"{id:N}@example.test").Order(StringComparer.Ordinal), server.ReceivedMessages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(await RowsAsync(expected), n => Assert.Equal(2, n.Attempts));
    }

    [Fact]
    public async Task A_transaction_killed_after_the_booking_was_written_leaves_neither_the_booking_nor_its_messages()
    {
        var killer = new KillBeforeCommit();
        var instance = Instance("instance-a", SmtpTestServer.FreePort(), db => db.AddInterceptors(killer));
        await instance.MigrateClassBookingAsync();
        var slot = await CreateSlotAsync(instance, hour: 9);

        killer.Armed = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InScope<BookingService, Result<Booking>>(instance, s => s.BookAsync(TestDirectory.TeacherA, Student(0), slot.Id)));
        killer.Armed = false;

        Assert.True(killer.SawBookingAndMessages, "The interceptor must have seen the booking and its messages written before it killed the transaction.");
        await using var db = NewContext(instance);
        Assert.Equal(0, await db.Bookings.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
        Assert.Equal(0, (await db.TimeSlots.SingleAsync()).BookedCount);
    }

    private static string Student(int i) => (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private ServiceProvider Instance(string name, int smtpPort, Action<DbContextOptionsBuilder>? configureDatabase = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClassBooking(o => o.ClientAddressHashKey = "outbox-delivery-tests-key")
            .AddEntityFrameworkStores(db => { Db.Configure(db); configureDatabase?.Invoke(db); }, store => store.HostProfileKeyType = typeof(int))
            .AddEmailDelivery(o =>
            {
                o.From = From;
                o.Smtp.Host = SmtpTestServer.Host;
                o.Smtp.Port = smtpPort;
                o.Smtp.Security = SmtpSecurity.None;
                o.Smtp.Timeout = TimeSpan.FromSeconds(5);
            });
        services.AddSingleton<ITeacherDirectory>(_directory);
        services.AddSingleton<IStudentDirectory>(_directory);
        services.Configure<ClassBookingNotificationOptions>(o =>
        {
            o.InstanceName = name;
            o.PollInterval = TimeSpan.FromMilliseconds(200);
            o.RetryDelay = TimeSpan.FromMilliseconds(500);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            o.MaxAttempts = 50;
            o.LeaseDuration = TimeSpan.FromSeconds(20);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _instances.Add(provider);
        DisposeWithTest(provider); // stops its delivery service, also when a test fails half-way
        return provider;
    }

    private async Task<ServiceProvider> StartInstanceAsync(string name, int smtpPort)
    {
        var instance = Instance(name, smtpPort);
        await instance.MigrateClassBookingAsync();
        foreach (var service in instance.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        return instance;
    }

    private static async Task StopAsync(params ServiceProvider[] instances)
    {
        foreach (var instance in instances)
        {
            foreach (var service in instance.GetServices<IHostedService>())
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<T> InScope<TService, T>(IServiceProvider instance, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = instance.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static async Task<TimeSlot> CreateSlotAsync(IServiceProvider instance, int hour)
    {
        var day = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(3).AddHours(hour);
        var startsAt = new DateTimeOffset(day, TimeSpan.Zero);
        var created = await InScope<TimeSlotService, Result<TimeSlot>>(instance, s => s.CreateAsync(TestDirectory.TeacherA, new SlotDraft(startsAt, startsAt.AddMinutes(45), Capacity: 5)));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    private ClassBookingDbContext NewContext(IServiceProvider? instance = null) =>
        (instance ?? _instances[0]).GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();

    /// <summary>The messages that are due now (every one but the reminders, which are due days later).</summary>
    private async Task<IReadOnlyList<Guid>> MessagesDueAsync()
    {
        await using var db = NewContext();
        return await db.Notifications.Where(n => n.Kind != BookingEmailKind.Reminder).Select(n => n.Id).ToListAsync();
    }

    private async Task<IReadOnlyList<Notification>> RowsAsync(IReadOnlyList<Guid> ids)
    {
        await using var db = NewContext();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
    }

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s in vain until {what}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Kills the transaction after SaveChanges wrote a booking and its messages, before the commit.</summary>
    private sealed class KillBeforeCommit : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public bool SawBookingAndMessages { get; private set; }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                var entries = eventData.Context!.ChangeTracker.Entries().Select(e => e.Entity).ToList();
                SawBookingAndMessages = entries.OfType<Booking>().Any() && entries.OfType<Notification>().Count() >= 2;
                throw new InvalidOperationException("The transaction is killed after the booking was written.");
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteOutboxDeliveryTests : OutboxDeliveryTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresOutboxDeliveryTests : OutboxDeliveryTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
