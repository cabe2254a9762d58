using ClassBooking.Core;
using ClassBooking.Core.Model;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    private const int Attempts = 64;

    /// <summary>Starts every attempt at once (each in its own scope and DbContext) and waits for all.</summary>
    private static async Task<List<Result<Booking>>> RaceAsync(Func<int, Task<Result<Booking>>> attempt)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Attempts).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await attempt(i);
        })).ToList();
        gate.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }

    [Fact]
    public async Task Sixty_four_students_racing_for_one_seat_give_exactly_one_booking()
    {
        var slot = await CreateSlotAsync(3);

        var results = await RaceAsync(i => BookAsync(StudentA(i), slot.Id));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.SlotFull, r.Error!.Code));
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
        Assert.Single(await Read((s, ct) => s.GetActiveBookingsForSlotsAsync([slot.Id], ct)));
        Assert.Single(await AuditOf(TeacherA), a => a.Action == AuditActions.BookingCreated);
    }

    [Fact]
    public async Task Sixty_four_students_racing_for_five_seats_give_exactly_five_bookings()
    {
        var slot = await CreateSlotAsync(3, capacity: 5);

        var results = await RaceAsync(i => BookAsync(StudentA(i), slot.Id));

        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.SlotFull, r.Error!.Code));
        Assert.Equal(5, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
        var bookings = await Read((s, ct) => s.GetActiveBookingsForSlotsAsync([slot.Id], ct));
        Assert.Equal(5, bookings.Select(b => b.StudentId).Distinct().Count());
    }

    [Fact]
    public async Task One_student_booking_the_same_group_class_sixty_four_times_gets_one_seat()
    {
        var slot = await CreateSlotAsync(3, capacity: 10);

        var results = await RaceAsync(_ => BookAsync(StudentA(0), slot.Id));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.AlreadyBooked, r.Error!.Code));
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_give_one_booking_and_the_same_answer()
    {
        var slot = await CreateSlotAsync(3, capacity: 10);

        var results = await RaceAsync(_ => InScope<Core.Services.BookingService, Result<Booking>>(s =>
            s.BookAsync(TeacherA, StudentA(0), slot.Id, idempotencyKey: "retry-me")));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Single(results.Select(r => r.Value.Id).Distinct());
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }

    [Fact]
    public async Task Concurrent_overlapping_slots_give_exactly_one_slot()
    {
        var start = Start.AddDays(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            InScope<Core.Services.TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new Core.Services.SlotDraft(start.AddMinutes(i), start.AddMinutes(60 + i)))))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.Overlaps, r.Error!.Code));
        Assert.Single(await OpenSlotsOf(TeacherA));
    }

    [Fact]
    public async Task Teacher_and_student_cancelling_one_booking_at_once_release_one_seat()
    {
        var slot = await CreateSlotAsync(3, capacity: 3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;
        await BookAsync(StudentA(1), slot.Id);

        var results = await Task.WhenAll(
            Task.Run(() => InScope<Core.Services.BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, booking.Id, ActorKind.Teacher))),
            Task.Run(() => InScope<Core.Services.BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, booking.Id, ActorKind.Student, StudentA(0)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }
}
