using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary><see cref="IClassBookingStore.WriteAsync{T}"/>: all or nothing, refusals as error codes, one writer per lock.</summary>
public abstract class WriteTests : MigratedDatabaseTest
{
    private Task<Result<T>> Write<T>(WriteLock writeLock, Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work) =>
        WithStore(store => store.WriteAsync(writeLock, work));

    private Task<Result<bool>> Write(Action<IClassBookingSession> work) =>
        Write(WriteLock.Teacher(Teacher), (session, _) =>
        {
            work(session);
            return Task.FromResult(Result<bool>.Success(true));
        });

    private static AuditEntry NewAudit(string action) => new()
    {
        At = T0, TeacherId = Teacher, ActorKind = ActorKind.Teacher, ActorId = Teacher, Action = action, TargetType = "slot", TargetId = "x",
    };

    private async Task<int> CountAsync(string table) => int.Parse(await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table(table)}"), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_successful_write_commits_everything_it_did()
    {
        var existing = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(existing);

        var result = await Write<Guid>(WriteLock.Student(Teacher, Student(1)), async (session, ct) =>
        {
            var slot = (await session.FindSlotAsync(existing.Id, ct))!;
            Assert.True(await session.TryTakeSeatAsync(slot.Id, slot.Range, ct));
            var booking = NewBooking(slot, Student(1));
            session.AddBooking(booking);
            session.AddAudit(NewAudit(AuditActions.BookingCreated));
            return booking.Id;
        });

        Assert.True(result.Succeeded);
        Assert.Equal(1, await CountAsync("bookings"));
        Assert.Equal(1, await CountAsync("audit_log"));
        Assert.Equal("1", await Db.ScalarAsync($"SELECT booked_count FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task A_write_whose_work_returns_a_failure_writes_nothing()
    {
        var existing = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(existing);

        var result = await Write<bool>(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            var slot = (await session.FindSlotAsync(existing.Id, ct))!;
            Assert.True(await session.TryTakeSeatAsync(slot.Id, slot.Range, ct));
            slot.Note = "changed";
            session.AddSlot(NewSlot(Teacher, T0.AddDays(2)));
            session.AddBlock(NewBlock(Teacher, T0.AddDays(3)));
            session.AddAudit(NewAudit(AuditActions.SlotCreated));
            return new ClassBookingError(ErrorCodes.Validation, "no");
        });

        Assert.Equal(ErrorCodes.Validation, result.Error!.Code);
        Assert.Equal(1, await CountAsync("time_slots"));
        Assert.Equal(0, await CountAsync("blocked_slots"));
        Assert.Equal(0, await CountAsync("audit_log"));
        Assert.Equal(["0", "NULL"], (await Db.QueryAsync($"SELECT booked_count, note FROM {Db.Table("time_slots")}")).Single());
    }

    [Fact]
    public async Task A_write_whose_work_throws_writes_nothing_and_the_exception_propagates()
    {
        var existing = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(existing);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Write<bool>(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            Assert.True(await session.TryTakeSeatAsync(existing.Id, existing.Range, ct));
            session.AddSlot(NewSlot(Teacher, T0.AddDays(2)));
            session.AddAudit(NewAudit(AuditActions.SlotCreated));
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", thrown.Message);
        Assert.Equal(1, await CountAsync("time_slots"));
        Assert.Equal(0, await CountAsync("audit_log"));
        Assert.Equal("0", await Db.ScalarAsync($"SELECT booked_count FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task A_second_confirmed_booking_comes_back_as_AlreadyBooked_and_nothing_is_written()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        await InsertAsync(slot, NewBooking(slot, Student(1)));

        var result = await Write(session =>
        {
            session.AddBooking(NewBooking(slot, Student(1)));
            session.AddAudit(NewAudit(AuditActions.BookingCreated));
        });

        Assert.Equal(ErrorCodes.AlreadyBooked, result.Error!.Code);
        Assert.Equal(1, await CountAsync("bookings"));
        Assert.Equal(0, await CountAsync("audit_log"));
    }

    [Fact]
    public async Task Overlapping_slots_and_blocks_come_back_as_Overlaps()
    {
        await InsertAsync(NewSlot(Teacher, T0.AddDays(1)), NewBlock(Teacher, T0.AddDays(2)));

        var slotOnSlot = await Write(session => session.AddSlot(NewSlot(Teacher, T0.AddDays(1).AddMinutes(30))));
        var slotOnBlock = await Write(session => session.AddSlot(NewSlot(Teacher, T0.AddDays(2).AddMinutes(30))));
        var blockOnSlot = await Write(session => session.AddBlock(NewBlock(Teacher, T0.AddDays(1).AddMinutes(-30))));

        Assert.Equal(ErrorCodes.Overlaps, slotOnSlot.Error!.Code);
        Assert.Equal(ErrorCodes.Overlaps, slotOnBlock.Error!.Code);
        Assert.Equal(ErrorCodes.Overlaps, blockOnSlot.Error!.Code);
        Assert.Equal(1, await CountAsync("time_slots"));
        Assert.Equal(1, await CountAsync("blocked_slots"));
    }

    [Fact]
    public async Task A_booked_count_above_capacity_comes_back_as_SlotFull()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(slot);

        var result = await Write<bool>(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            var loaded = (await session.FindSlotAsync(slot.Id, ct))!;
            loaded.BookedCount = 3;
            return true;
        });

        Assert.Equal(ErrorCodes.SlotFull, result.Error!.Code);
        Assert.Equal("0", await Db.ScalarAsync($"SELECT booked_count FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task A_slot_changed_by_someone_else_comes_back_as_ConcurrentChange()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1));
        await InsertAsync(slot);

        var result = await Write<bool>(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            var loaded = (await session.FindSlotAsync(slot.Id, ct))!;
            // As if another writer had updated the row after this one read it: the version read is no longer the row's.
            ((EntityFrameworkClassBookingSession)session).Context.Entry(loaded).Property(s => s.Version).OriginalValue = Guid.NewGuid();
            loaded.Note = "mine";
            return true;
        });

        Assert.Equal(ErrorCodes.ConcurrentChange, result.Error!.Code);
        Assert.Equal("NULL", await Db.ScalarAsync($"SELECT note FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task A_slot_without_seats_comes_back_as_a_validation_error_on_capacity()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1));
        slot.Capacity = 0;

        var result = await Write(session => session.AddSlot(slot));

        Assert.Equal(ErrorCodes.Validation, result.Error!.Code);
        Assert.Equal("capacity", result.Error.Field);
    }

    [Fact]
    public async Task Errors_that_are_not_refusals_of_an_invariant_propagate()
    {
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Write(session => session.AddSlot(NewSlot("nobody", T0))));
        Assert.Equal(0, await CountAsync("time_slots"));
    }

    [Fact]
    public async Task Taking_a_seat_keeps_a_slot_the_session_already_loaded_in_step()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        await InsertAsync(slot);

        var result = await Write<Guid>(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            var loaded = (await session.FindSlotAsync(slot.Id, ct))!;
            Assert.True(await session.TryTakeSeatAsync(slot.Id, slot.Range, ct));
            Assert.True(await session.TryTakeSeatAsync(slot.Id, slot.Range, ct));
            await session.ReleaseSeatAsync(slot.Id, ct);
            Assert.Equal(1, loaded.BookedCount);
            loaded.Note = "edited after taking a seat";
            return loaded.Version;
        });

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var db = NewContext();
        var saved = await db.TimeSlots.SingleAsync();
        Assert.Equal(1, saved.BookedCount);
        Assert.Equal("edited after taking a seat", saved.Note);
        Assert.NotEqual(slot.Version, saved.Version);
    }

    [Fact]
    public async Task A_read_tracks_nothing_and_refuses_changes()
    {
        await InsertAsync(NewSlot(Teacher, T0.AddDays(1)));

        await WithStore(store => store.ReadAsync(async (session, ct) =>
        {
            var slots = await session.GetOpenSlotsAsync(Teacher, Everything, ct);
            Assert.Empty(((EntityFrameworkClassBookingSession)session).Context.ChangeTracker.Entries());
            Assert.Throws<InvalidOperationException>(() => session.AddSlot(NewSlot(Teacher, T0.AddDays(5))));
            Assert.Throws<InvalidOperationException>(() => session.AddBlock(new BlockedPeriod { TeacherId = Teacher, StartsAt = T0.AddDays(6), EndsAt = T0.AddDays(6).AddHours(1) }));
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.TryTakeSeatAsync(slots[0].Id, slots[0].Range, ct));
            return true;
        }));

        Assert.Equal(1, await CountAsync("time_slots"));
    }

    [Fact]
    public async Task Writes_with_the_same_lock_run_one_after_the_other()
    {
        var firstEntered = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var secondEntered = new TaskCompletionSource();
        var otherKeyEntered = new TaskCompletionSource();

        var first = Write<bool>(WriteLock.Teacher(Teacher), async (_, _) =>
        {
            firstEntered.SetResult();
            await releaseFirst.Task;
            return true;
        });
        await firstEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var second = Task.Run(() => Write<bool>(WriteLock.Teacher(Teacher), (_, _) =>
        {
            secondEntered.SetResult();
            return Task.FromResult(Result<bool>.Success(true));
        }));
        var otherKey = Task.Run(() => Write<bool>(WriteLock.Student(OtherTeacher, Student(1)), (_, _) =>
        {
            otherKeyEntered.SetResult();
            return Task.FromResult(Result<bool>.Success(true));
        }));

        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(secondEntered.Task.IsCompleted, "A second writer with the same lock ran while the first held it.");
        if (Provider == TestProvider.Postgres)
        {
            // Advisory locks are per key: another teacher's writes are not held up.
            await otherKeyEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        else
        {
            // SQLite has one write lock for the whole file.
            Assert.False(otherKeyEntered.Task.IsCompleted);
        }

        releaseFirst.SetResult();
        Assert.True((await first).Succeeded);
        Assert.True((await second).Succeeded);
        Assert.True((await otherKey).Succeeded);
    }

    /// <summary>
    /// The database lock is taken before the work runs: on SQLite the transaction starts with BEGIN IMMEDIATE
    /// (Microsoft.Data.Sqlite's default), which takes the write lock; on PostgreSQL the store takes
    /// <c>pg_advisory_xact_lock(hashtextextended(WriteLock.Key, 0))</c> right after BEGIN.
    /// </summary>
    [Fact]
    public async Task A_write_holds_its_database_lock_before_its_work_runs()
    {
        var writeLock = WriteLock.Student(Teacher, Student(3));
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var write = Write<bool>(writeLock, async (_, _) =>
        {
            entered.SetResult();
            await release.Task;
            return true;
        });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        if (Provider == TestProvider.Sqlite)
        {
            await using var other = new SqliteConnection(Db.ConnectionString + ";Default Timeout=1");
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            // One statement per command: with several, Microsoft.Data.Sqlite's busy retry can swallow the error.
            command.CommandText = "BEGIN IMMEDIATE;";
            var busy = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY: the store's transaction already holds the write lock

            // A plain read still works (WAL): only writers are serialized.
            command.CommandText = $"SELECT count(*) FROM {Db.Table("time_slots")};";
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }
        else
        {
            string TryLock(string key) => $"SELECT pg_try_advisory_xact_lock(hashtextextended('{key}', 0))::text";
            Assert.Equal("false", await Db.ScalarAsync(TryLock(writeLock.Key)));
            Assert.Equal("true", await Db.ScalarAsync(TryLock(WriteLock.Student(Teacher, Student(4)).Key)));
            // pg_locks lists the whole cluster, which tests on other databases share: count this database's locks only.
            Assert.Equal("1", await Db.ScalarAsync(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        }

        release.SetResult();
        Assert.True((await write).Succeeded);
    }

    [Fact]
    public async Task A_failed_write_leaves_the_database_usable_for_the_next_one()
    {
        await InsertAsync(NewSlot(Teacher, T0.AddDays(1)));
        Assert.False((await Write(session => session.AddSlot(NewSlot(Teacher, T0.AddDays(1))))).Succeeded);

        var next = await Write(session => session.AddSlot(NewSlot(Teacher, T0.AddDays(2))));

        Assert.True(next.Succeeded);
        Assert.Equal(2, await CountAsync("time_slots"));
    }
}
