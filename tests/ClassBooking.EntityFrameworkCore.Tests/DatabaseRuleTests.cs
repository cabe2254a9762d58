using System.Data.Common;
using ClassBooking.Core.Model;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>
/// The invariants hold in the database itself: these tests bypass the store and write with a plain DbContext or raw
/// SQL, and the database refuses.
/// </summary>
public abstract class DatabaseRuleTests : MigratedDatabaseTest
{
    [Fact]
    public async Task A_student_never_holds_two_confirmed_bookings_in_one_slot()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        var first = NewBooking(slot, Student(1));
        await InsertAsync(slot, first);

        await RefusedAsync(NewBooking(slot, Student(1)));

        // Cancelled bookings do not count; other students are fine.
        await InsertAsync(NewBooking(slot, Student(1), BookingStatus.Cancelled), NewBooking(slot, Student(2)));
        await Db.ExecuteAsync($"UPDATE {Db.Table("bookings")} SET status = 1 WHERE id = '{Id(first.Id)}'");
        await InsertAsync(NewBooking(slot, Student(1)));
        Assert.Equal("2", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("bookings")} WHERE student_id = '{Student(1)}' AND status = 0 OR student_id = '{Student(2)}'"));
    }

    [Fact]
    public async Task A_slot_has_at_least_one_seat()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1));
        slot.Capacity = 0;
        await RefusedAsync(slot);
    }

    [Fact]
    public async Task The_booked_count_stays_between_zero_and_the_capacity()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(slot);
        var table = Db.Table("time_slots");

        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET booked_count = 3 WHERE id = '{Id(slot.Id)}'"));
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET booked_count = -1 WHERE id = '{Id(slot.Id)}'"));
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET capacity = 1, booked_count = 2 WHERE id = '{Id(slot.Id)}'"));
        Assert.Equal(1, await Db.ExecuteAsync($"UPDATE {table} SET booked_count = 2 WHERE id = '{Id(slot.Id)}'"));
        Assert.Equal("2", await Db.ScalarAsync($"SELECT booked_count FROM {table}"));
    }

    [Fact]
    public async Task Slots_and_blocked_periods_end_after_they_start()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1));
        slot.EndsAt = slot.StartsAt;
        await RefusedAsync(slot);

        var backwards = NewSlot(Teacher, T0.AddDays(2));
        backwards.EndsAt = backwards.StartsAt.AddMinutes(-30);
        await RefusedAsync(backwards);

        var block = NewBlock(Teacher, T0.AddDays(3));
        block.EndsAt = block.StartsAt.AddTicks(-1);
        await RefusedAsync(block);
    }

    [Fact]
    public async Task A_teachers_open_slots_never_overlap_each_other()
    {
        var ten = T0.AddDays(1).AddHours(1);
        var existing = NewSlot(Teacher, ten);
        await InsertAsync(existing);

        await RefusedAsync(NewSlot(Teacher, ten.AddMinutes(30)));
        await RefusedAsync(NewSlot(Teacher, ten.AddMinutes(-30)));
        await RefusedAsync(NewSlot(Teacher, ten.AddMinutes(10), minutes: 10));
        await RefusedAsync(NewSlot(Teacher, ten.AddMinutes(-10), minutes: 90));

        // Touching is fine (half-open ranges); so are other teachers and cancelled slots.
        var touching = NewSlot(Teacher, ten.AddHours(1));
        var cancelled = NewSlot(Teacher, ten.AddMinutes(30));
        cancelled.Status = SlotStatus.Cancelled;
        await InsertAsync(touching, NewSlot(Teacher, ten.AddHours(-1)), NewSlot(OtherTeacher, ten), cancelled);

        // Reopening the cancelled one, or moving one onto another, is refused.
        var table = Db.Table("time_slots");
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET status = 0 WHERE id = '{Id(cancelled.Id)}'"));
        await using (var db = NewContext())
        {
            var moved = await db.TimeSlots.SingleAsync(s => s.Id == touching.Id);
            moved.StartsAt = moved.StartsAt.AddMinutes(-15);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("1", await Db.ScalarAsync($"SELECT count(*) FROM {table} WHERE status = 1"));
    }

    [Fact]
    public async Task A_teachers_open_slots_never_overlap_a_blocked_period()
    {
        var two = T0.AddDays(1).AddHours(5);
        var block = NewBlock(Teacher, two, minutes: 120);
        await InsertAsync(block);

        await RefusedAsync(NewSlot(Teacher, two.AddHours(1)));
        await RefusedAsync(NewSlot(Teacher, two.AddMinutes(-30)));

        var after = NewSlot(Teacher, two.AddHours(2));
        var cancelled = NewSlot(Teacher, two);
        cancelled.Status = SlotStatus.Cancelled;
        await InsertAsync(after, NewSlot(Teacher, two.AddHours(-1)), NewSlot(OtherTeacher, two), cancelled);

        // A block over an open slot is refused too, whichever is written first; so is moving either onto the other.
        await RefusedAsync(NewBlock(Teacher, two.AddHours(2).AddMinutes(30)));
        await using (var db = NewContext())
        {
            var moving = await db.BlockedPeriods.SingleAsync(b => b.Id == block.Id);
            moving.EndsAt = moving.EndsAt.AddMinutes(1);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {Db.Table("time_slots")} SET status = 0 WHERE id = '{Id(cancelled.Id)}'"));

        // Blocks may overlap each other.
        await InsertAsync(NewBlock(Teacher, two.AddMinutes(30)));
    }

    /// <summary>
    /// Slots and blocks live in two tables, so no single constraint covers them: the triggers serialize a teacher's
    /// writers and look at the other table. Concurrent transactions (each held open a while, without the store's lock)
    /// must never leave an open slot and a block overlapping.
    /// </summary>
    [Fact]
    public async Task Concurrent_direct_writes_never_leave_a_slot_overlapping_a_block()
    {
        var ten = T0.AddDays(1).AddHours(1);
        using var start = new Barrier(12);
        var writers = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await using var db = NewContext();
            start.SignalAndWait();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Add(i % 2 == 0 ? NewSlot(Teacher, ten.AddMinutes(i)) : NewBlock(Teacher, ten.AddMinutes(i)));
                await db.SaveChangesAsync();
                await Task.Delay(100);
                await transaction.CommitAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })).ToList();
        var outcomes = await Task.WhenAll(writers);

        var slots = int.Parse(await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("time_slots")}"), System.Globalization.CultureInfo.InvariantCulture);
        var blocks = int.Parse(await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("blocked_slots")}"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(outcomes.Count(o => o), slots + blocks);
        Assert.True(slots == 0 || blocks == 0, $"{slots} open slot(s) and {blocks} block(s) overlap");
        Assert.True(slots <= 1, "open slots overlap each other");
        Assert.True(slots + blocks >= 1);
    }

    [Fact]
    public async Task The_audit_log_is_append_only()
    {
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = T0, TeacherId = Teacher, ActorKind = ActorKind.Teacher, ActorId = Teacher,
            Action = AuditActions.SlotCreated, TargetType = "slot", TargetId = "x",
        };
        await InsertAsync(entry);
        var table = Db.Table("audit_log");

        var update = await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET action = 'forged'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"DELETE FROM {table}"));
        if (Provider == TestProvider.Postgres)
        {
            await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"TRUNCATE {table}"));
        }

        await using (var db = NewContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(AuditActions.SlotCreated, await Db.ScalarAsync($"SELECT action FROM {table}"));
        await InsertAsync(new AuditEntry { At = T0, TeacherId = Teacher, Action = AuditActions.SlotDeleted, TargetType = "slot", TargetId = "x", Id = Guid.CreateVersion7() });
        Assert.Equal("2", await Db.ScalarAsync($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public async Task Token_hashes_are_unique_and_a_student_has_one_unrevoked_token_per_teacher()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        await InsertAsync(NewToken(Student(1), hash));

        await RefusedAsync(NewToken(Student(2), hash));
        await RefusedAsync(NewToken(Student(1), NewHash()));

        var revoked = NewToken(Student(1), NewHash());
        revoked.RevokedAt = T0;
        await InsertAsync(revoked, NewToken(Student(2), NewHash()));
        Assert.Equal("3", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("share_tokens")}"));
    }

    [Fact]
    public async Task The_slot_version_is_an_optimistic_concurrency_token()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1));
        await InsertAsync(slot);
        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.TimeSlots.SingleAsync();
        var b = await second.TimeSlots.SingleAsync();

        a.Note = "first";
        await first.SaveChangesAsync();
        b.Note = "second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.NotEqual(slot.Version, a.Version);
        Assert.Equal("first", await Db.ScalarAsync($"SELECT note FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task Rows_refer_to_existing_profiles()
    {
        await RefusedAsync(NewSlot("nobody", T0));
        var slot = NewSlot(Teacher, T0);
        await InsertAsync(slot);
        await RefusedAsync(NewBooking(slot, "nobody"));
    }

    [Fact]
    public async Task The_calendar_queries_have_indexes()
    {
        async Task Has(string table, string columns, bool unique = false, string? filter = null)
        {
            var indexes = await Db.IndexesAsync(Provider == TestProvider.Sqlite ? "booking_" + table : table, Provider == TestProvider.Sqlite ? null : "booking");
            Assert.Contains(indexes.Values, i => i.Columns == columns && i.Unique == unique
                && (filter is null || (i.Filter ?? "").Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Contains(filter, StringComparison.Ordinal)));
        }

        await Has("time_slots", "teacher_id,starts_at");
        await Has("time_slots", "series_id");
        await Has("bookings", "teacher_id,student_id,starts_at");
        await Has("bookings", "slot_id");
        await Has("bookings", "slot_id,student_id", unique: true, filter: "status = 0");
        await Has("blocked_slots", "teacher_id,starts_at");
        await Has("token_access_log", "teacher_id,at");
        await Has("audit_log", "teacher_id,at");
        await Has("share_tokens", "token_hash", unique: true);
        await Has("share_tokens", "teacher_id,student_id", unique: true, filter: "revoked_at IS NULL");
        if (Provider == TestProvider.Postgres)
        {
            Assert.Equal(
                "EXCLUDE USING gist (teacher_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ((status = 0))",
                await Db.ScalarAsync("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ex_time_slots_no_overlap'"));
        }
    }

    private static ShareToken NewToken(string studentId, byte[] hash) => new()
    {
        Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = studentId, TokenHash = hash, CreatedAt = T0, ExpiresAt = T0.AddDays(180),
    };

    private static byte[] NewHash() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>A Guid as the database stores it in text comparisons (SQLite keeps Guids as upper-case text).</summary>
    private string Id(Guid id) => Provider == TestProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();
}
