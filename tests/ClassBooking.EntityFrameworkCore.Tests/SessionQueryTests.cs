using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>The session's queries (half-open ranges, order, filters), and values that must survive the round trip.</summary>
public abstract class SessionQueryTests : MigratedDatabaseTest
{
    private Task<T> Read<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work) => WithStore(store => store.ReadAsync(work));

    [Fact]
    public async Task Open_slots_are_those_overlapping_the_range_by_start()
    {
        var day = T0.AddDays(1);
        var nine = NewSlot(Teacher, day);
        var ten = NewSlot(Teacher, day.AddHours(1));
        var eleven = NewSlot(Teacher, day.AddHours(2));
        var cancelled = NewSlot(Teacher, day.AddHours(1).AddMinutes(30));
        cancelled.Status = SlotStatus.Cancelled;
        await InsertAsync(eleven, nine, ten, cancelled, NewSlot(OtherTeacher, day.AddHours(1)));

        // [09:30, 11:00): 09:00-10:00 overlaps, 10:00-11:00 overlaps, 11:00-12:00 only touches.
        var slots = await Read((s, ct) => s.GetOpenSlotsAsync(Teacher, new TimeRange(day.AddMinutes(30), day.AddHours(2)), ct));

        Assert.Equal([nine.Id, ten.Id], slots.Select(s => s.Id));
        Assert.Equal(nine.Id, (await Read((s, ct) => s.FindSlotAsync(nine.Id, ct)))!.Id);
        Assert.Equal(SlotStatus.Cancelled, (await Read((s, ct) => s.FindSlotAsync(cancelled.Id, ct)))!.Status);
    }

    [Fact]
    public async Task A_series_is_stored_with_its_rule_and_its_open_slots_are_found()
    {
        var series = new SlotSeries
        {
            Id = Guid.CreateVersion7(), TeacherId = Teacher, TimeZoneId = "Europe/London", Weekdays = WeekdaySet.Tuesday | WeekdaySet.Thursday,
            LocalStartTime = new TimeOnly(17, 30, 15, 250), DurationMinutes = 60, FirstDate = new DateOnly(2026, 3, 3), LastDate = new DateOnly(2026, 12, 31),
            Capacity = 4, Price = 1234.5678m, Note = "Group", SkippedDates = [new DateOnly(2026, 3, 10), new DateOnly(2026, 12, 24)], CreatedAt = T0,
        };
        var first = NewSlot(Teacher, T0.AddDays(8));
        var second = NewSlot(Teacher, T0.AddDays(1));
        var gone = NewSlot(Teacher, T0.AddDays(3));
        foreach (var slot in new[] { first, second, gone })
        {
            slot.SeriesId = series.Id;
            slot.OccurrenceDate = DateOnly.FromDateTime(slot.StartsAt.UtcDateTime);
        }

        gone.Status = SlotStatus.Cancelled;
        await InsertAsync(series, first, second, gone);

        var stored = (await Read((s, ct) => s.FindSeriesAsync(series.Id, ct)))!;
        Assert.Equal(series.Weekdays, stored.Weekdays);
        Assert.Equal(series.LocalStartTime, stored.LocalStartTime);
        Assert.Equal(series.FirstDate, stored.FirstDate);
        Assert.Equal(series.LastDate, stored.LastDate);
        Assert.Equal(series.Price, stored.Price);
        Assert.Equal(series.SkippedDates, stored.SkippedDates);
        Assert.Equal([second.Id, first.Id], (await Read((s, ct) => s.GetSeriesSlotsAsync(series.Id, ct))).Select(s => s.Id));

        // Skipping one more date is saved (the list is tracked as a value).
        await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            var loaded = (await session.FindSeriesAsync(series.Id, ct))!;
            loaded.SkippedDates.Add(new DateOnly(2026, 3, 17));
            return Result<bool>.Success(true);
        }));
        Assert.Equal(3, (await Read((s, ct) => s.FindSeriesAsync(series.Id, ct)))!.SkippedDates.Count);
    }

    [Fact]
    public async Task Dates_times_and_prices_compare_and_sort_in_the_database()
    {
        var cheap = NewSlot(Teacher, T0.AddDays(1));
        cheap.Price = 9.99m;
        var dear = NewSlot(Teacher, T0.AddDays(2));
        dear.Price = 100.0001m;
        var middle = NewSlot(Teacher, T0.AddDays(3));
        middle.Price = 10.5m;
        var free = NewSlot(Teacher, T0.AddDays(4));
        await InsertAsync(cheap, dear, middle, free);
        await InsertAsync(
            new SlotSeries { Id = Guid.CreateVersion7(), TeacherId = Teacher, TimeZoneId = "UTC", LocalStartTime = new TimeOnly(9, 0), DurationMinutes = 30, FirstDate = new DateOnly(2026, 1, 5), LastDate = new DateOnly(2026, 2, 1), CreatedAt = T0 },
            new SlotSeries { Id = Guid.CreateVersion7(), TeacherId = Teacher, TimeZoneId = "UTC", LocalStartTime = new TimeOnly(18, 0), DurationMinutes = 30, FirstDate = new DateOnly(2026, 10, 5), LastDate = new DateOnly(2026, 11, 1), CreatedAt = T0 });

        await using var db = NewContext();
        Assert.Equal([middle.Id, dear.Id], await db.TimeSlots.Where(s => s.Price > 10m).OrderBy(s => s.Price).Select(s => s.Id).ToListAsync());
        Assert.Equal([dear.Id, middle.Id, cheap.Id], await db.TimeSlots.Where(s => s.Price != null).OrderByDescending(s => s.Price).Select(s => s.Id).ToListAsync());
        Assert.Equal(100.0001m, (await db.TimeSlots.SingleAsync(s => s.Id == dear.Id)).Price);
        Assert.Equal(new TimeOnly(9, 0), (await db.SlotSeries.SingleAsync(s => s.FirstDate < new DateOnly(2026, 9, 1))).LocalStartTime);
        Assert.Equal(new DateOnly(2026, 10, 5), (await db.SlotSeries.SingleAsync(s => s.LocalStartTime > new TimeOnly(12, 0))).FirstDate);
        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 10, 5)], await db.SlotSeries.OrderBy(s => s.LastDate).Select(s => s.FirstDate).ToListAsync());
        Assert.Equal([free.Id, middle.Id], await db.TimeSlots.Where(s => s.StartsAt >= T0.AddDays(3)).OrderByDescending(s => s.StartsAt).Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Instants_are_stored_in_UTC_whatever_offset_they_came_with()
    {
        var berlin = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(1));
        var slot = NewSlot(Teacher, berlin);
        await InsertAsync(slot);

        await using var db = NewContext();
        var stored = await db.TimeSlots.SingleAsync(s => s.StartsAt == new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(berlin, stored.StartsAt);
        Assert.Equal(TimeSpan.Zero, stored.StartsAt.Offset);
        Assert.Equal(berlin.UtcTicks + TimeSpan.TicksPerHour, stored.EndsAt.UtcTicks);
    }

    [Fact]
    public async Task Blocks_overlapping_the_range_are_found_by_start()
    {
        var day = T0.AddDays(1);
        var late = NewBlock(Teacher, day.AddHours(3));
        var early = NewBlock(Teacher, day, minutes: 120);
        var touching = NewBlock(Teacher, day.AddHours(-1));
        await InsertAsync(late, early, touching, NewBlock(OtherTeacher, day));

        var blocks = await Read((s, ct) => s.GetBlocksAsync(Teacher, new TimeRange(day, day.AddHours(4)), ct));

        Assert.Equal([early.Id, late.Id], blocks.Select(b => b.Id));
        Assert.NotNull(await Read((s, ct) => s.FindBlockAsync(touching.Id, ct)));
    }

    [Fact]
    public async Task Bookings_are_found_per_slot_per_student_and_counted_by_start()
    {
        var monday = NewSlot(Teacher, T0, capacity: 3);
        var tuesday = NewSlot(Teacher, T0.AddDays(1), capacity: 3);
        var nextWeek = NewSlot(Teacher, T0.AddDays(7), capacity: 3);
        var mine = NewBooking(monday, Student(1));
        var cancelled = NewBooking(tuesday, Student(1), BookingStatus.Cancelled);
        cancelled.CancelledAt = T0;
        cancelled.CancelledBy = ActorKind.Student;
        var tuesdayMine = NewBooking(tuesday, Student(1));
        var theirs = NewBooking(monday, Student(2));
        var later = NewBooking(nextWeek, Student(1));
        await InsertAsync(monday, tuesday, nextWeek, mine, cancelled, tuesdayMine, theirs, later);

        Assert.Equal(mine.Id, (await Read((s, ct) => s.FindActiveBookingAsync(monday.Id, Student(1), ct)))!.Id);
        Assert.Null(await Read((s, ct) => s.FindActiveBookingAsync(nextWeek.Id, Student(2), ct)));
        Assert.Equal(ActorKind.Student, (await Read((s, ct) => s.FindBookingAsync(cancelled.Id, ct)))!.CancelledBy);

        var active = await Read((s, ct) => s.GetActiveBookingsForSlotsAsync([monday.Id, tuesday.Id], ct));
        Assert.Equal(new[] { mine.Id, theirs.Id, tuesdayMine.Id }.Order(), active.Select(b => b.Id).Order());
        Assert.Empty(await Read((s, ct) => s.GetActiveBookingsForSlotsAsync([], ct)));

        var week = new TimeRange(T0.AddHours(-9), T0.AddDays(7).AddHours(-9));
        var history = await Read((s, ct) => s.GetStudentBookingsAsync(Teacher, Student(1), week, ct));
        Assert.Equal(3, history.Count);
        Assert.Equal(mine.Id, history[0].Id);
        Assert.Equal(2, await Read((s, ct) => s.CountActiveBookingsStartingAsync(Teacher, Student(1), week, ct)));
        Assert.Equal(0, await Read((s, ct) => s.CountActiveBookingsStartingAsync(OtherTeacher, Student(1), week, ct)));
    }

    [Fact]
    public async Task Tokens_are_found_by_hash_and_unrevoked_per_student()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("token"u8);
        var live = new ShareToken { Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = Student(1), TokenHash = hash, CreatedAt = T0, ExpiresAt = T0.AddDays(1) };
        var old = new ShareToken { Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = Student(1), TokenHash = new byte[32], CreatedAt = T0.AddDays(-9), ExpiresAt = T0, RevokedAt = T0 };
        var other = new ShareToken { Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = Student(2), TokenHash = [.. Enumerable.Repeat((byte)7, 32)], CreatedAt = T0.AddDays(-1), ExpiresAt = T0.AddDays(9) };
        await InsertAsync(live, old, other);

        Assert.Equal(live.Id, (await Read((s, ct) => s.FindTokenByHashAsync(System.Security.Cryptography.SHA256.HashData("token"u8), ct)))!.Id);
        Assert.Equal(old.Id, (await Read((s, ct) => s.FindTokenByHashAsync(new byte[32], ct)))!.Id);
        Assert.Null(await Read((s, ct) => s.FindTokenByHashAsync(new byte[31], ct)));
        Assert.Equal(live.Id, (await Read((s, ct) => s.FindUnrevokedTokenAsync(Teacher, Student(1), ct)))!.Id);
        Assert.Equal([other.Id, live.Id], (await Read((s, ct) => s.GetUnrevokedTokensAsync(Teacher, ct))).Select(t => t.Id));
    }

    [Fact]
    public async Task Token_uses_are_listed_newest_first_for_the_teacher_or_one_student()
    {
        var token = new ShareToken { Id = Guid.CreateVersion7(), TeacherId = Teacher, StudentId = Student(1), TokenHash = new byte[32], CreatedAt = T0, ExpiresAt = T0.AddDays(1) };
        await InsertAsync(token);
        TokenAccess Use(string student, int minutes) => new() { Id = Guid.CreateVersion7(), TokenId = token.Id, TeacherId = Teacher, StudentId = student, At = T0.AddMinutes(minutes), UserAgent = "UA" };
        var uses = new[] { Use(Student(1), 1), Use(Student(2), 2), Use(Student(1), 3), Use(Student(1), 100) };
        await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), (session, _) =>
        {
            foreach (var use in uses)
            {
                session.AddTokenAccess(use);
            }

            return Task.FromResult(Result<bool>.Success(true));
        }));

        var range = new TimeRange(T0, T0.AddMinutes(100));
        Assert.Equal([uses[2].Id, uses[1].Id, uses[0].Id], (await Read((s, ct) => s.GetTokenAccessesAsync(Teacher, null, range, ct))).Select(a => a.Id));
        Assert.Equal([uses[2].Id, uses[0].Id], (await Read((s, ct) => s.GetTokenAccessesAsync(Teacher, Student(1), range, ct))).Select(a => a.Id));
    }

    [Fact]
    public async Task Policies_and_audit_rows_round_trip_and_audit_reads_oldest_first()
    {
        var policy = new TeacherPolicy
        {
            TeacherId = Teacher, TimeZoneId = "America/New_York", MinimumNotice = TimeSpan.FromHours(12), BookingHorizon = TimeSpan.FromDays(56),
            CancellationWindow = TimeSpan.FromMinutes(90), BufferBefore = TimeSpan.FromMinutes(5), BufferAfter = TimeSpan.Zero,
            MaxBookingsPerStudentPerWeek = 2, UpdatedAt = T0,
        };
        AuditEntry Audit(int minutes, string action) => new() { At = T0.AddMinutes(minutes), TeacherId = Teacher, ActorKind = ActorKind.System, Action = action, TargetType = "policy", TargetId = Teacher, Details = "{}" };
        var written = await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), (session, _) =>
        {
            session.AddPolicy(policy);
            session.AddAudit(Audit(5, "second"));
            session.AddAudit(Audit(1, "first"));
            session.AddAudit(Audit(60, "outside"));
            return Task.FromResult(Result<bool>.Success(true));
        }));
        Assert.True(written.Succeeded);

        var stored = (await Read((s, ct) => s.FindPolicyAsync(Teacher, ct)))!;
        Assert.Equal(policy.MinimumNotice, stored.MinimumNotice);
        Assert.Equal(policy.BookingHorizon, stored.BookingHorizon);
        Assert.Equal(policy.CancellationWindow, stored.CancellationWindow);
        Assert.Equal(policy.BufferBefore, stored.BufferBefore);
        Assert.Equal(2, stored.MaxBookingsPerStudentPerWeek);
        Assert.Null(await Read((s, ct) => s.FindPolicyAsync(OtherTeacher, ct)));
        Assert.Equal(["first", "second"], (await Read((s, ct) => s.GetAuditAsync(Teacher, new TimeRange(T0, T0.AddMinutes(60)), ct))).Select(a => a.Action));
    }
}
