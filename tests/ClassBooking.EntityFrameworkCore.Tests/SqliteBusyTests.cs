using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using ClassBooking.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>
/// A SQLite file another connection keeps locked past the busy timeout (1 second here): the store's reads and writes
/// fail as a <see cref="TimeoutException"/>, which <see cref="TransientDatabaseFailure"/> recognises (Microsoft.Data.Sqlite
/// does not mark SQLITE_BUSY transient), and a write leaves nothing behind.
/// </summary>
public sealed class SqliteBusyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase db = SqliteTestDatabase.Create(busyTimeoutSeconds: 1);
    private ServiceProvider services = null!;

    private IClassBookingStore Store => services.GetRequiredService<IClassBookingStore>();

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddClassBooking()
            .AddTeacherDirectory<EmptyDirectory>()
            .AddStudentDirectory<EmptyDirectory>()
            .AddEntityFrameworkStores(b => b.UseSqlite(db.ConnectionString), store => store.CreateHostForeignKeys = false);
        services = collection.BuildServiceProvider();
        await services.MigrateClassBookingAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        db.Dispose();
    }

    [Fact]
    public async Task A_read_of_a_locked_file_fails_as_a_transient_timeout_and_works_again_once_it_is_free()
    {
        using (db.LockExclusively())
        {
            var failure = await Assert.ThrowsAsync<TimeoutException>(() =>
                Store.ReadAsync((session, ct) => session.GetTeacherNoticeVersionAsync("teacher-1", ct)));

            Assert.True(TransientDatabaseFailure.IsTransient(failure));
            Assert.Contains("database is locked", failure.InnerException!.Message, StringComparison.Ordinal);
        }

        Assert.Equal(TeacherNoticeVersion.None, await Store.ReadAsync((session, ct) => session.GetTeacherNoticeVersionAsync("teacher-1", ct)));
    }

    [Fact]
    public async Task A_write_to_a_locked_file_fails_as_a_transient_timeout_and_writes_nothing()
    {
        using (db.LockExclusively())
        {
            var failure = await Assert.ThrowsAsync<TimeoutException>(() => Store.WriteAsync(WriteLock.Teacher("teacher-1"), (session, _) =>
            {
                session.AddBlock(new BlockedPeriod
                {
                    TeacherId = "teacher-1",
                    StartsAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
                    EndsAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
                });
                return Task.FromResult(Result<bool>.Success(true));
            }));

            Assert.True(TransientDatabaseFailure.IsTransient(failure));
        }

        var blocks = await Store.ReadAsync((session, ct) => session.GetBlocksAsync("teacher-1", new TimeRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), ct));
        Assert.Empty(blocks);
    }
}
