using System.Data.Common;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
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
    public async Task A_student_has_one_settings_row_per_teacher_and_its_colour_is_a_palette_key()
    {
        await InsertAsync(NewSettings(Student(1), "blue"), NewSettings(Student(2), null));
        var table = Db.Table("student_settings");

        // One row per (teacher, student); another teacher may have their own row for the same student.
        await RefusedAsync(NewSettings(Student(1), "red"));
        await InsertAsync(NewSettings(Student(1), "red", OtherTeacher));

        // Only palette keys, in their canonical spelling (the service normalizes before writing).
        await RefusedAsync(NewSettings(Student(3), "magenta"));
        await RefusedAsync(NewSettings(Student(4), "Blue"));
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync($"UPDATE {table} SET color_key = '#ff00ff' WHERE student_id = '{Student(1)}'"));
        await Assert.ThrowsAnyAsync<DbException>(() => Db.ExecuteAsync(
            $"INSERT INTO {table} (teacher_id, student_id, color_key, updated_at) VALUES ('{Teacher}', '{Student(5)}', 'navy', {(Provider == TestProvider.Sqlite ? "0" : "now()")})"));
        foreach (var key in Core.Students.StudentColors.Keys)
        {
            Assert.Equal(1, await Db.ExecuteAsync($"UPDATE {table} SET color_key = '{key}' WHERE teacher_id = '{Teacher}' AND student_id = '{Student(2)}'"));
        }

        Assert.Equal(
            [[Teacher, Student(1), "blue"], [Teacher, Student(2), Core.Students.StudentColors.Keys[^1]], [OtherTeacher, Student(1), "red"]],
            (await Db.QueryAsync($"SELECT teacher_id, student_id, color_key FROM {table} ORDER BY teacher_id, student_id")).Select(r => r.ToList()).ToList());
    }

    [Fact]
    public async Task A_colour_the_database_refuses_comes_back_from_the_store_as_an_error_on_the_colour_field()
    {
        var result = await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), (session, _) =>
        {
            session.AddStudentSettings(NewSettings(Student(1), "chartreuse"));
            return Task.FromResult(Result<bool>.Success(true));
        }));

        Assert.Equal((ErrorCodes.Validation, "color"), (result.Error?.Code, result.Error?.Field));
        Assert.Equal("0", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("student_settings")}"));
    }

    [Fact]
    public async Task Deleting_a_profile_removes_the_settings_that_name_it()
    {
        await InsertAsync(NewSettings(Student(1), "teal"), NewSettings(Student(2), "olive"), NewSettings(Student(1), "pink", OtherTeacher));

        Assert.Equal(1, await DeleteProfileAsync(Student(1)));
        Assert.Equal(1, await DeleteProfileAsync(OtherTeacher));

        Assert.Equal([[Teacher, Student(2)]],
            (await Db.QueryAsync($"SELECT teacher_id, student_id FROM {Db.Table("student_settings")}")).Select(r => r.ToList()).ToList());
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

    // ----- The host deletes a profile: ON DELETE CASCADE removes our rows, the database keeps booked_count right. -----

    [Fact]
    public async Task Deleting_a_student_profile_gives_back_the_seats_of_their_confirmed_bookings()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        slot.BookedCount = 2;
        var first = NewBooking(slot, Student(1));
        var second = NewBooking(slot, Student(2));
        var cancelled = NewBooking(slot, Student(3), BookingStatus.Cancelled);
        var elsewhere = NewSlot(OtherTeacher, T0.AddDays(2));
        elsewhere.BookedCount = 1;
        await InsertAsync(slot, elsewhere, first, second, cancelled, NewBooking(elsewhere, Student(1)));
        var version = await SlotVersionAsync(slot.Id);

        Assert.Equal(1, await DeleteProfileAsync(Student(1)));

        Assert.Equal("1", await BookedCountAsync(slot.Id));
        Assert.Equal("0", await BookedCountAsync(elsewhere.Id));
        Assert.Equal("0", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("bookings")} WHERE student_id = '{Student(1)}'"));
        Assert.Equal(new[] { Id(second.Id), Id(cancelled.Id) }.Order(StringComparer.Ordinal), await BookingIdsAsync(slot.Id));
        var afterSeatGivenBack = await SlotVersionAsync(slot.Id);
        Assert.NotEqual(version, afterSeatGivenBack);

        // A cancelled booking holds no seat: it goes, the count and the version stay.
        Assert.Equal(1, await DeleteProfileAsync(Student(3)));

        Assert.Equal("1", await BookedCountAsync(slot.Id));
        Assert.Equal([Id(second.Id)], await BookingIdsAsync(slot.Id));
        Assert.Equal(afterSeatGivenBack, await SlotVersionAsync(slot.Id));
        await AssertBookedCountsMatchConfirmedBookingsAsync();
    }

    [Fact]
    public async Task A_seat_given_back_for_a_deleted_profile_never_takes_the_count_below_zero()
    {
        // Inconsistent to begin with (written directly): a confirmed booking and a count of zero.
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(slot, NewBooking(slot, Student(1)));

        Assert.Equal(1, await DeleteProfileAsync(Student(1)));

        Assert.Equal("0", await BookedCountAsync(slot.Id));
        Assert.Empty(await BookingIdsAsync(slot.Id));
    }

    [Fact]
    public async Task Deleting_a_teacher_profile_removes_their_slots_and_bookings()
    {
        var series = new SlotSeries
        {
            Id = Guid.CreateVersion7(), TeacherId = Teacher, TimeZoneId = "Europe/Berlin", Weekdays = WeekdaySet.Tuesday,
            LocalStartTime = new TimeOnly(17, 0), DurationMinutes = 60, FirstDate = new DateOnly(2026, 3, 3), LastDate = new DateOnly(2026, 3, 31),
            Capacity = 2, CreatedAt = T0,
        };
        var full = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        full.BookedCount = 2;
        full.SeriesId = series.Id;
        var empty = NewSlot(Teacher, T0.AddDays(2));
        var theirs = NewSlot(OtherTeacher, T0.AddDays(1));
        theirs.BookedCount = 1;
        var kept = NewBooking(theirs, Student(1));
        await InsertAsync(series, full, empty, theirs, NewBlock(Teacher, T0.AddDays(3)),
            NewBooking(full, Student(1)), NewBooking(full, Student(2)), NewBooking(full, Student(3), BookingStatus.Cancelled), kept);
        var theirVersion = await SlotVersionAsync(theirs.Id);

        Assert.Equal(1, await DeleteProfileAsync(Teacher));

        foreach (var table in new[] { "time_slots", "bookings", "slot_series", "blocked_slots" })
        {
            Assert.Equal("0", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table(table)} WHERE teacher_id = '{Teacher}'"));
        }

        Assert.Equal("1", await BookedCountAsync(theirs.Id));
        Assert.Equal([Id(kept.Id)], await BookingIdsAsync(theirs.Id));
        Assert.Equal(theirVersion, await SlotVersionAsync(theirs.Id));
        await AssertBookedCountsMatchConfirmedBookingsAsync();

        // The students are still there, and deleting one still gives their seat back.
        Assert.Equal(1, await DeleteProfileAsync(Student(1)));
        Assert.Equal("0", await BookedCountAsync(theirs.Id));
    }

    /// <summary>
    /// The seat given back changes the slot's version, as the store's ReleaseSeat does: a teacher's edit made from an
    /// earlier read fails with a concurrency error instead of saving over a count it never saw.
    /// </summary>
    [Fact]
    public async Task A_seat_given_back_for_a_deleted_profile_fails_an_edit_made_from_an_earlier_read()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        slot.BookedCount = 2;
        await InsertAsync(slot, NewBooking(slot, Student(1)), NewBooking(slot, Student(2)));
        await using var teacher = NewContext();
        var read = await teacher.TimeSlots.SingleAsync();

        await DeleteProfileAsync(Student(1));
        read.Note = "bring the workbook";
        read.Capacity = 3;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => teacher.SaveChangesAsync());
        Assert.Equal(["1", "2", "NULL"], (await Db.QueryAsync($"SELECT booked_count, capacity, note FROM {Db.Table("time_slots")}")).Single());

        // Read again, the edit goes through and the count stays.
        await using var again = NewContext();
        var fresh = await again.TimeSlots.SingleAsync();
        Assert.Equal(1, fresh.BookedCount);
        fresh.Note = "bring the workbook";
        await again.SaveChangesAsync();
        Assert.Equal(["1", "bring the workbook"], (await Db.QueryAsync($"SELECT booked_count, note FROM {Db.Table("time_slots")}")).Single());
    }

    /// <summary>The store never deletes bookings (a cancellation is a status change): the trigger never counts a seat twice.</summary>
    [Fact]
    public async Task Bookings_made_and_cancelled_through_the_store_are_counted_once_when_profiles_are_deleted()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        await InsertAsync(slot);
        var bookings = new List<Guid>();
        foreach (var student in new[] { Student(1), Student(2) })
        {
            var booked = await WithStore(store => store.WriteAsync(WriteLock.Student(Teacher, student), async (session, ct) =>
            {
                Assert.True(await session.TryTakeSeatAsync(slot.Id, slot.Range, ct));
                var booking = NewBooking(slot, student);
                session.AddBooking(booking);
                return Result<Guid>.Success(booking.Id);
            }));
            bookings.Add(booked.Value);
        }

        var cancelled = await WithStore(store => store.WriteAsync(WriteLock.Student(Teacher, Student(1)), async (session, ct) =>
        {
            var booking = (await session.FindBookingAsync(bookings[0], ct))!;
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = T0;
            booking.CancelledBy = ActorKind.Student;
            await session.ReleaseSeatAsync(slot.Id, ct);
            return Result<bool>.Success(true);
        }));
        Assert.True(cancelled.Succeeded);
        Assert.Equal("1", await BookedCountAsync(slot.Id));
        Assert.Equal("2", await Db.ScalarAsync($"SELECT count(*) FROM {Db.Table("bookings")}"));

        Assert.Equal(1, await DeleteProfileAsync(Student(1)));
        Assert.Equal("1", await BookedCountAsync(slot.Id));
        Assert.Equal(1, await DeleteProfileAsync(Student(2)));
        Assert.Equal("0", await BookedCountAsync(slot.Id));
        Assert.Empty(await BookingIdsAsync(slot.Id));
    }

    /// <summary>What the host does: deletes a row of its own profile table with plain SQL.</summary>
    private Task<int> DeleteProfileAsync(string id) => Db.ExecuteAsync($"DELETE FROM profiles WHERE id = '{id}'");

    private Task<string> BookedCountAsync(Guid slotId) => Db.ScalarAsync($"SELECT booked_count FROM {Db.Table("time_slots")} WHERE id = '{Id(slotId)}'");

    private Task<string> SlotVersionAsync(Guid slotId) => Db.ScalarAsync($"SELECT version FROM {Db.Table("time_slots")} WHERE id = '{Id(slotId)}'");

    private async Task<List<string>> BookingIdsAsync(Guid slotId) =>
        (await Db.QueryAsync($"SELECT id FROM {Db.Table("bookings")} WHERE slot_id = '{Id(slotId)}'")).Select(r => r[0]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The invariant itself: every slot's booked_count equals its confirmed bookings.</summary>
    private async Task AssertBookedCountsMatchConfirmedBookingsAsync()
    {
        var slots = Db.Table("time_slots");
        var bookings = Db.Table("bookings");
        var mismatched = await Db.QueryAsync($"""
            SELECT s.id, s.booked_count, (SELECT count(*) FROM {bookings} b WHERE b.slot_id = s.id AND b.status = 0)
            FROM {slots} s
            WHERE s.booked_count <> (SELECT count(*) FROM {bookings} b WHERE b.slot_id = s.id AND b.status = 0)
            """);
        Assert.Empty(mismatched.Select(r => string.Join(" | ", r)));
    }

    private static ShareToken NewToken(string studentId, byte[] hash) => new()
    {
        Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = studentId, TokenHash = hash, CreatedAt = T0, ExpiresAt = T0.AddDays(180),
    };

    private static StudentSettings NewSettings(string studentId, string? colorKey, string teacherId = Teacher) => new()
    {
        TeacherId = teacherId, StudentId = studentId, ColorKey = colorKey, UpdatedAt = T0,
    };

    private static byte[] NewHash() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>A Guid as the database stores it in text comparisons (SQLite keeps Guids as upper-case text).</summary>
    private string Id(Guid id) => Provider == TestProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();
}
