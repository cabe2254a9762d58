using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>Seats are taken with one conditional UPDATE: concurrent writers can never overbook.</summary>
public abstract class SeatRaceTests : MigratedDatabaseTest
{
    private const int Writers = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Sixty_four_concurrent_writers_take_exactly_the_free_seats(int capacity)
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: capacity);
        await InsertAsync(slot);
        using var start = new Barrier(Writers);

        // Each writer is a different student (different advisory lock on PostgreSQL), on its own DbContext and connection.
        var writers = Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await WithStore(store => store.WriteAsync(WriteLock.Student(Teacher, Student(i)), async (session, ct) =>
            {
                if (!await session.TryTakeSeatAsync(slot.Id, slot.Range, ct))
                {
                    return new ClassBookingError(ErrorCodes.SlotFull, "full");
                }

                session.AddBooking(NewBooking(slot, Student(i)));
                return Result<int>.Success(i);
            }));
        })).ToList();
        var results = await Task.WhenAll(writers);

        Assert.Equal(capacity, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.SlotFull, r.Error!.Code));
        await using var db = NewContext();
        Assert.Equal(capacity, (await db.TimeSlots.SingleAsync()).BookedCount);
        Assert.Equal(capacity, await db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed));
    }

    [Fact]
    public async Task No_seat_is_taken_in_a_cancelled_full_or_missing_slot()
    {
        var cancelled = NewSlot(Teacher, T0.AddDays(1));
        cancelled.Status = SlotStatus.Cancelled;
        var full = NewSlot(Teacher, T0.AddDays(2), capacity: 2);
        full.BookedCount = 2;
        await InsertAsync(cancelled, full);

        var taken = await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), async (session, ct) =>
            Result<bool[]>.Success([
                await session.TryTakeSeatAsync(cancelled.Id, cancelled.Range, ct),
                await session.TryTakeSeatAsync(full.Id, full.Range, ct),
                await session.TryTakeSeatAsync(Guid.NewGuid(), default, ct),
            ])));

        Assert.Equal([false, false, false], taken.Value);
        Assert.Equal(["0", "2"], (await Db.QueryAsync($"SELECT booked_count FROM {Db.Table("time_slots")} ORDER BY starts_at")).Select(r => r[0]));
    }

    [Fact]
    public async Task No_seat_is_taken_when_the_slot_moved_since_it_was_checked()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        await InsertAsync(slot);
        var checkedRange = slot.Range;

        var stale = await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), async (session, ct) =>
            Result<bool[]>.Success([
                await session.TryTakeSeatAsync(slot.Id, new TimeRange(checkedRange.Start.AddHours(-1), checkedRange.End.AddHours(-1)), ct),
                await session.TryTakeSeatAsync(slot.Id, new TimeRange(checkedRange.Start, checkedRange.End.AddMinutes(15)), ct),
                await session.TryTakeSeatAsync(slot.Id, checkedRange, ct),
            ])));

        Assert.Equal([false, false, true], stale.Value);
        Assert.Equal("1", await Db.ScalarAsync($"SELECT booked_count FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task Releasing_a_seat_never_goes_below_zero_and_changes_the_version()
    {
        var slot = NewSlot(Teacher, T0.AddDays(1), capacity: 2);
        slot.BookedCount = 1;
        await InsertAsync(slot);

        await WithStore(store => store.WriteAsync(WriteLock.Teacher(Teacher), async (session, ct) =>
        {
            await session.ReleaseSeatAsync(slot.Id, ct);
            await session.ReleaseSeatAsync(slot.Id, ct);
            return Result<bool>.Success(true);
        }));

        await using var db = NewContext();
        var saved = await db.TimeSlots.SingleAsync();
        Assert.Equal(0, saved.BookedCount);
        Assert.NotEqual(slot.Version, saved.Version);
    }
}
