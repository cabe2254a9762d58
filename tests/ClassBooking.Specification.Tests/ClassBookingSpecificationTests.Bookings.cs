using System.Text.Json;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    private Task<Result<Booking>> CancelAsStudentAsync(string studentId, Guid bookingId) =>
        InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, bookingId, ActorKind.Student, studentId));

    [Fact]
    public async Task Booking_takes_a_seat_and_writes_its_audit_row_in_the_same_unit()
    {
        var slot = await CreateSlotAsync(3);

        var result = await BookAsync(StudentA(0), slot.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(BookingStatus.Confirmed, result.Value.Status);
        Assert.Equal(slot.StartsAt, result.Value.StartsAt);
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
        var audit = await AuditOf(TeacherA);
        var row = Assert.Single(audit, a => a.Action == AuditActions.BookingCreated);
        Assert.Equal((ActorKind.Student, StudentA(0), result.Value.Id.ToString()), (row.ActorKind, row.ActorId, row.TargetId));
    }

    [Fact]
    public async Task Expected_refusals_are_typed_and_write_nothing()
    {
        var slot = await CreateSlotAsync(3);
        var soon = await CreateSlotAsync(0, hourUtc: 15);          // starts in 6 hours: inside the 12 h notice
        var farAway = await CreateSlotAsync(70);                    // beyond the 8-week horizon
        var ofB = await CreateSlotAsync(3, teacherId: TeacherB);
        Assert.True((await BookAsync(StudentA(0), slot.Id)).Succeeded);
        var auditBefore = (await AuditOf(TeacherA)).Count;

        Assert.Equal(ErrorCodes.AlreadyBooked, (await BookAsync(StudentA(0), slot.Id)).Error?.Code);
        Assert.Equal(ErrorCodes.SlotFull, (await BookAsync(StudentA(1), slot.Id)).Error?.Code);
        Assert.Equal(ErrorCodes.TooLateToBook, (await BookAsync(StudentA(1), soon.Id)).Error?.Code);
        Assert.Equal(ErrorCodes.OutsideHorizon, (await BookAsync(StudentA(1), farAway.Id)).Error?.Code);
        Assert.Equal(ErrorCodes.SlotNotFound, (await BookAsync(StudentA(1), Guid.NewGuid())).Error?.Code);
        Assert.Equal(ErrorCodes.SlotNotFound, (await BookAsync(StudentA(1), ofB.Id)).Error?.Code);
        Assert.Equal(ErrorCodes.StudentNotFound, (await BookAsync(Directory.StudentsOfB[0].Id, slot.Id)).Error?.Code);

        Assert.Equal(auditBefore, (await AuditOf(TeacherA)).Count);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(1, slots.Sum(s => s.BookedCount));
        Assert.Single(await Read((s, ct) => s.GetStudentBookingsAsync(TeacherA, StudentA(0), Everything, ct)));
        Assert.Empty(await Read((s, ct) => s.GetStudentBookingsAsync(TeacherA, StudentA(1), Everything, ct)));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_booking()
    {
        var slot = await CreateSlotAsync(3, capacity: 3);
        var other = await CreateSlotAsync(4);

        var first = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, idempotencyKey: "key-1"));
        var retry = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, idempotencyKey: "key-1"));
        var reused = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), other.Id, idempotencyKey: "key-1"));
        var sameKeyOtherStudent = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(1), slot.Id, idempotencyKey: "key-1"));
        var tooLong = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(2), slot.Id, idempotencyKey: new string('k', 101)));

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal(first.Value.Id, retry.Value.Id);
        Assert.Equal(ErrorCodes.IdempotencyKeyReused, reused.Error?.Code);
        Assert.True(sameKeyOtherStudent.Succeeded);
        Assert.Equal("idempotencyKey", tooLong.Error?.Field);
        Assert.Equal(2, Assert.Single(await OpenSlotsOf(TeacherA), s => s.Id == slot.Id).BookedCount);
        Assert.Single(await Read((s, ct) => s.GetStudentBookingsAsync(TeacherA, StudentA(0), Everything, ct)));
    }

    [Fact]
    public async Task A_retry_after_the_booking_was_cancelled_says_so_instead_of_claiming_a_seat()
    {
        var slot = await CreateSlotAsync(3);
        var first = (await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, idempotencyKey: "k"))).Value;
        await CancelAsStudentAsync(StudentA(0), first.Id);

        var retry = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), slot.Id, idempotencyKey: "k"));

        Assert.Equal(ErrorCodes.AlreadyCancelled, retry.Error?.Code);
        Assert.Equal(0, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }

    [Fact]
    public async Task A_week_far_from_today_is_refused_by_name()
    {
        var result = await InScope<StudentCalendarService, Result<StudentCalendar>>(s => s.GetWeekAsync(TeacherA, StudentA(0), new DateOnly(9999, 12, 31)));

        Assert.Equal("weekOf", result.Error?.Field);
    }

    [Fact]
    public async Task A_teacher_may_book_for_a_student_inside_the_notice()
    {
        var soon = await CreateSlotAsync(0, hourUtc: 15);

        var result = await InScope<BookingService, Result<Booking>>(s => s.BookAsync(TeacherA, StudentA(0), soon.Id, ActorKind.Teacher));

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task Weekly_limit_counts_bookings_in_the_teachers_local_week()
    {
        await SetPolicyAsync(TeacherA, p => p with { MaxBookingsPerStudentPerWeek = 2 });
        var monday = await CreateSlotAsync(7);      // Mon 9 March
        var tuesday = await CreateSlotAsync(8);
        var wednesday = await CreateSlotAsync(9);
        var nextMonday = await CreateSlotAsync(14);

        Assert.True((await BookAsync(StudentA(0), monday.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(0), tuesday.Id)).Succeeded);
        Assert.Equal(ErrorCodes.WeeklyLimitReached, (await BookAsync(StudentA(0), wednesday.Id)).Error?.Code);
        Assert.True((await BookAsync(StudentA(0), nextMonday.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(1), wednesday.Id)).Succeeded);
    }

    [Fact]
    public async Task Cancelling_outside_the_window_frees_the_seat_and_inside_it_is_refused()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var cancelled = await CancelAsStudentAsync(StudentA(0), booking.Id);
        Assert.True(cancelled.Succeeded, cancelled.Error?.Message);
        Assert.Equal(0, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
        Assert.Equal(ErrorCodes.AlreadyCancelled, (await CancelAsStudentAsync(StudentA(0), booking.Id)).Error?.Code);

        var again = (await BookAsync(StudentA(1), slot.Id)).Value;
        Time.SetUtcNow(slot.StartsAt.AddHours(-23));
        var late = await CancelAsStudentAsync(StudentA(1), again.Id);
        Assert.Equal(ErrorCodes.TooLateToCancel, late.Error?.Code);
        Assert.Contains("24 hours", late.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);

        var byTeacher = await InScope<BookingService, Result<Booking>>(s => s.CancelAsync(TeacherA, again.Id, ActorKind.Teacher, reason: "Ill"));
        Assert.True(byTeacher.Succeeded);
        Assert.Equal(0, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }

    [Fact]
    public async Task A_student_cannot_cancel_another_students_booking_and_learns_nothing_about_it()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var other = await CancelAsStudentAsync(StudentA(1), booking.Id);
        var missing = await CancelAsStudentAsync(StudentA(1), Guid.NewGuid());

        Assert.Equal(ErrorCodes.BookingNotFound, other.Error?.Code);
        Assert.Equal(missing.Error, other.Error);
        Assert.Equal(BookingStatus.Confirmed, (await Read((s, ct) => s.FindBookingAsync(booking.Id, ct)))!.Status);
    }

    [Fact]
    public async Task Student_calendar_shows_free_own_and_unavailable_and_leaks_nothing_on_the_wire()
    {
        var free = await CreateSlotAsync(3, note: "Free slot note");
        var mine = await CreateSlotAsync(4);
        var theirs = await CreateSlotAsync(5, note: "Exam prep for Student A1");
        var group = await CreateSlotAsync(6, capacity: 4);
        await BookAsync(StudentA(0), mine.Id);
        await BookAsync(StudentA(1), theirs.Id);
        await BookAsync(StudentA(1), group.Id);

        var calendar = await InScope<StudentCalendarService, Result<StudentCalendar>>(s => s.GetWeekAsync(TeacherA, StudentA(0), new DateOnly(2026, 3, 4)));

        Assert.True(calendar.Succeeded);
        var entries = calendar.Value.Entries.ToDictionary(e => e.SlotId);
        Assert.Equal(StudentSlotStatus.Available, entries[free.Id].Status);
        Assert.Equal("Free slot note", entries[free.Id].Note);
        Assert.Equal(StudentSlotStatus.Booked, entries[mine.Id].Status);
        Assert.NotNull(entries[mine.Id].BookingId);
        Assert.Equal(StudentSlotStatus.Unavailable, entries[theirs.Id].Status);
        Assert.Equal(StudentSlotStatus.Available, entries[group.Id].Status);
        Assert.Equal(3, entries[group.Id].SeatsLeft);
        Assert.Equal("Maria Keller", calendar.Value.TeacherName);
        Assert.Equal(new DateOnly(2026, 3, 2), calendar.Value.WeekStart);

        var json = JsonSerializer.Serialize(calendar.Value);
        Assert.DoesNotContain($"\"{StudentA(1)}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Student A1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("a1@example.test", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Exam prep", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Student_bookings_split_into_upcoming_and_past()
    {
        var early = await CreateSlotAsync(1);
        var later = await CreateSlotAsync(5);
        var cancelled = await CreateSlotAsync(6);
        await BookAsync(StudentA(0), early.Id);
        await BookAsync(StudentA(0), later.Id);
        var c = (await BookAsync(StudentA(0), cancelled.Id)).Value;
        await CancelAsStudentAsync(StudentA(0), c.Id);
        Time.SetUtcNow(early.EndsAt.AddMinutes(1));

        var mine = await InScope<BookingService, StudentBookings>(s => s.GetStudentBookingsAsync(TeacherA, StudentA(0)));

        Assert.Equal([later.Id], mine.Upcoming.Select(b => b.SlotId).ToArray());
        Assert.Equal([cancelled.Id, early.Id], mine.Past.Select(b => b.SlotId).ToArray());
    }
}
