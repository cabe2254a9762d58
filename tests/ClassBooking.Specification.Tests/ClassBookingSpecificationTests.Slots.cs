using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

/// <summary>
/// The behaviour every ClassBooking store must show, run through the core services against a real database. A store
/// implementation derives from this class and supplies the database (see <see cref="ClassBookingSpecificationTestBase"/>).
/// </summary>
public abstract partial class ClassBookingSpecificationTests : ClassBookingSpecificationTestBase
{
    [Fact]
    public async Task Created_slot_round_trips_every_field()
    {
        var slot = await CreateSlotAsync(3, capacity: 4, note: "Bring the Czerny book");

        var stored = Assert.Single(await OpenSlotsOf(TeacherA));
        Assert.Equal(slot.Id, stored.Id);
        Assert.Equal(Start.Date.AddDays(3).AddHours(10), stored.StartsAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, stored.StartsAt.Offset);
        Assert.Equal(TimeSpan.FromHours(1), stored.EndsAt - stored.StartsAt);
        Assert.Equal(4, stored.Capacity);
        Assert.Equal(25m, stored.Price);
        Assert.Equal("Bring the Czerny book", stored.Note);
        Assert.Equal(0, stored.BookedCount);
        Assert.Equal(SlotStatus.Open, stored.Status);
        var audit = Assert.Single(await AuditOf(TeacherA));
        Assert.Equal(AuditActions.SlotCreated, audit.Action);
        Assert.Equal(slot.Id.ToString(), audit.TargetId);
    }

    [Fact]
    public async Task Overlapping_slot_is_refused_with_the_conflict_and_suggestions_and_nothing_is_written()
    {
        var existing = await CreateSlotAsync(3);
        var start = existing.StartsAt.AddMinutes(30);

        var result = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(start, start.AddHours(1))));

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.Overlaps, result.Error!.Code);
        var conflict = Assert.Single(result.Error.Conflicts);
        Assert.Equal(existing.Id, conflict.WithId);
        Assert.Equal(ConflictKind.Slot, conflict.WithKind);
        Assert.NotEmpty(result.Error.Suggestions);
        Assert.All(result.Error.Suggestions, r => Assert.False(r.Overlaps(existing.Range)));
        Assert.Single(await OpenSlotsOf(TeacherA));
        Assert.Single(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Touching_slots_are_allowed_and_other_teachers_do_not_conflict()
    {
        var first = await CreateSlotAsync(3);
        await CreateSlotAsync(3, hourUtc: 11);
        await CreateSlotAsync(3, teacherId: TeacherB);

        Assert.Equal(2, (await OpenSlotsOf(TeacherA)).Count);
        Assert.Single(await OpenSlotsOf(TeacherB));
        Assert.Equal(first.EndsAt, (await OpenSlotsOf(TeacherA))[1].StartsAt);
    }

    [Fact]
    public async Task Buffer_after_a_class_is_enforced()
    {
        await SetPolicyAsync(TeacherA, p => p with { BufferAfter = TimeSpan.FromMinutes(15) });
        var existing = await CreateSlotAsync(3);

        var tooClose = existing.EndsAt.AddMinutes(10);
        var refused = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(tooClose, tooClose.AddHours(1))));
        var fine = existing.EndsAt.AddMinutes(15);
        var accepted = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(fine, fine.AddHours(1))));

        Assert.Equal(ErrorCodes.Overlaps, refused.Error?.Code);
        Assert.True(Assert.Single(refused.Error!.Conflicts).BufferOnly);
        Assert.True(accepted.Succeeded);
    }

    [Theory]
    [InlineData(-1, 60, 1, "startsAt")]
    [InlineData(2, -30, 1, "endsAt")]
    [InlineData(2, 0, 1, "endsAt")]
    [InlineData(2, 60, 0, "capacity")]
    [InlineData(2, 60, 501, "capacity")]
    public async Task Invalid_slot_input_names_the_field_and_writes_nothing(int daysAhead, int minutes, int capacity, string field)
    {
        var start = Start.AddDays(daysAhead);

        var result = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(start, start.AddMinutes(minutes), capacity)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.Validation && e.Field == field);
        Assert.Empty(await OpenSlotsOf(TeacherA));
        Assert.Empty(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Slot_inside_a_block_is_refused_and_a_block_over_a_slot_is_refused()
    {
        var blockStart = Start.AddDays(5);
        var block = await InScope<BlockedPeriodService, Result<BlockedPeriod>>(s => s.CreateAsync(TeacherA, blockStart, blockStart.AddHours(4), "Dentist"));
        Assert.True(block.Succeeded);

        var inside = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(blockStart.AddHours(1), blockStart.AddHours(2))));
        Assert.Equal(ErrorCodes.Overlaps, inside.Error?.Code);
        Assert.Equal(ConflictKind.Block, Assert.Single(inside.Error!.Conflicts).WithKind);

        var slot = await CreateSlotAsync(8);
        var over = await InScope<BlockedPeriodService, Result<BlockedPeriod>>(s => s.CreateAsync(TeacherA, slot.StartsAt.AddMinutes(-30), slot.StartsAt.AddMinutes(30)));
        Assert.Equal(ErrorCodes.Overlaps, over.Error?.Code);
        Assert.Equal(slot.Id, Assert.Single(over.Error!.Conflicts).WithId);
        Assert.Single(await InScope<BlockedPeriodService, IReadOnlyList<BlockedPeriod>>(s => s.ListAsync(TeacherA, Everything)));
    }

    [Fact]
    public async Task Preview_reports_conflicts_and_writes_nothing()
    {
        var existing = await CreateSlotAsync(3);
        var free = existing.StartsAt.AddDays(1);

        var preview = await InScope<TimeSlotService, SlotPreview>(s => s.PreviewAsync(TeacherA, [existing.Range, new TimeRange(free, free.AddHours(1))]));

        var conflict = Assert.Single(preview.Conflicts);
        Assert.Equal(0, conflict.CandidateIndex);
        Assert.Single(await OpenSlotsOf(TeacherA));
    }

    [Fact]
    public async Task Booked_slot_cannot_move_or_shrink_below_its_bookings_but_its_note_can_change()
    {
        var slot = await CreateSlotAsync(3, capacity: 3);
        Assert.True((await BookAsync(StudentA(0), slot.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(1), slot.Id)).Succeeded);

        var move = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt.AddHours(2), slot.EndsAt.AddHours(2), 3)));
        var shrink = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, 1)));
        var note = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, 3, 30m, "Room 2")));

        Assert.Equal(ErrorCodes.SlotHasBookings, move.Error?.Code);
        Assert.Equal("capacity", shrink.Error?.Field);
        Assert.True(note.Succeeded, note.Error?.Message);
        var stored = Assert.Single(await OpenSlotsOf(TeacherA));
        Assert.Equal(slot.StartsAt, stored.StartsAt);
        Assert.Equal("Room 2", stored.Note);
        Assert.Equal(2, stored.BookedCount);
    }

    [Fact]
    public async Task Unbooked_slot_moves_and_its_old_time_is_free_again()
    {
        var slot = await CreateSlotAsync(3);
        var later = slot.StartsAt.AddHours(3);

        var moved = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(later, later.AddHours(1))));
        var reuse = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.CreateAsync(TeacherA, new SlotDraft(slot.StartsAt, slot.EndsAt)));

        Assert.True(moved.Succeeded, moved.Error?.Message);
        Assert.True(reuse.Succeeded, reuse.Error?.Message);
        Assert.Equal(2, (await OpenSlotsOf(TeacherA)).Count);
    }

    [Fact]
    public async Task Moving_a_slot_keeps_its_length_seats_price_and_note_as_stored()
    {
        var slot = await CreateSlotAsync(3, minutes: 90, capacity: 4, note: "Room 1");
        var later = slot.StartsAt.AddHours(5);

        var moved = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveAsync(TeacherA, slot.Id, later, slot.Version));

        Assert.True(moved.Succeeded, moved.Error?.Message);
        var stored = Assert.Single(await OpenSlotsOf(TeacherA));
        Assert.Equal(later, stored.StartsAt);
        Assert.Equal(later.AddMinutes(90), stored.EndsAt);
        Assert.Equal(4, stored.Capacity);
        Assert.Equal(25m, stored.Price);
        Assert.Equal("Room 1", stored.Note);
        Assert.NotEqual(slot.Version, stored.Version);
    }

    [Fact]
    public async Task Moving_a_slot_changed_since_it_was_read_is_refused_and_changes_nothing()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        var edited = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherA, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, 5, null, "Bring the score")));
        Assert.True(edited.Succeeded, edited.Error?.Message);

        // A page that still shows the slot as it was before the edit drags it.
        var moved = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveAsync(TeacherA, slot.Id, slot.StartsAt.AddHours(2), slot.Version));

        Assert.Equal(ErrorCodes.ConcurrentChange, moved.Error?.Code);
        var stored = Assert.Single(await OpenSlotsOf(TeacherA));
        Assert.Equal(slot.StartsAt, stored.StartsAt);
        Assert.Equal(5, stored.Capacity);
        Assert.Equal("Bring the score", stored.Note);
    }

    [Fact]
    public async Task Moving_a_booked_slot_or_into_the_past_is_refused()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        var free = await CreateSlotAsync(8);
        Assert.True((await BookAsync(StudentA(0), slot.Id)).Succeeded);

        // Taking a seat changes the slot's version: the page that moves it has read it since.
        var current = (await OpenSlotsOf(TeacherA)).Single(x => x.Id == slot.Id);
        var booked = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveAsync(TeacherA, slot.Id, slot.StartsAt.AddHours(2), current.Version));
        var past = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.MoveAsync(TeacherA, free.Id, free.StartsAt.AddDays(-30), free.Version));

        Assert.Equal(ErrorCodes.SlotHasBookings, booked.Error?.Code);
        Assert.False(past.Succeeded);
        Assert.Equal(ErrorCodes.Validation, past.Error?.Code);
        Assert.Equal([slot.StartsAt, free.StartsAt], (await OpenSlotsOf(TeacherA)).Select(x => x.StartsAt).Order());
    }

    [Fact]
    public async Task Deleting_a_booked_slot_needs_cancelBookings_which_cancels_them()
    {
        var slot = await CreateSlotAsync(3);
        var booking = (await BookAsync(StudentA(0), slot.Id)).Value;

        var refused = await InScope<TimeSlotService, Result<SlotDeletion>>(s => s.DeleteAsync(TeacherA, slot.Id));
        Assert.Equal(ErrorCodes.SlotHasBookings, refused.Error?.Code);
        Assert.Single(await OpenSlotsOf(TeacherA));

        var deleted = await InScope<TimeSlotService, Result<SlotDeletion>>(s => s.DeleteAsync(TeacherA, slot.Id, cancelBookings: true));
        Assert.True(deleted.Succeeded);
        Assert.Equal(booking.Id, Assert.Single(deleted.Value.CancelledBookings).Id);
        Assert.Empty(await OpenSlotsOf(TeacherA));
        var stored = await Read((s, ct) => s.FindBookingAsync(booking.Id, ct));
        Assert.Equal(BookingStatus.Cancelled, stored!.Status);
        Assert.Equal(ActorKind.Teacher, stored.CancelledBy);

        // The time is free again.
        await CreateSlotAsync(3);
    }

    [Fact]
    public async Task A_class_that_has_started_cannot_be_deleted()
    {
        var slot = await CreateSlotAsync(1);
        await BookAsync(StudentA(0), slot.Id);
        Time.SetUtcNow(slot.StartsAt.AddMinutes(5));

        var result = await InScope<TimeSlotService, Result<SlotDeletion>>(s => s.DeleteAsync(TeacherA, slot.Id, cancelBookings: true));

        Assert.Equal(ErrorCodes.SlotInPast, result.Error?.Code);
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).BookedCount);
    }

    [Fact]
    public async Task A_teacher_cannot_touch_another_teachers_slot()
    {
        var slot = await CreateSlotAsync(3);

        var update = await InScope<TimeSlotService, Result<TimeSlot>>(s => s.UpdateAsync(TeacherB, slot.Id, new SlotDraft(slot.StartsAt, slot.EndsAt, 2)));
        var delete = await InScope<TimeSlotService, Result<SlotDeletion>>(s => s.DeleteAsync(TeacherB, slot.Id, cancelBookings: true));

        Assert.Equal(ErrorCodes.SlotNotFound, update.Error?.Code);
        Assert.Equal(ErrorCodes.SlotNotFound, delete.Error?.Code);
        Assert.Equal(1, Assert.Single(await OpenSlotsOf(TeacherA)).Capacity);
    }

    [Fact]
    public async Task Teacher_view_names_the_students_of_each_booking()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        await BookAsync(StudentA(0), slot.Id);
        await BookAsync(StudentA(1), slot.Id);

        var view = Assert.Single(await InScope<TimeSlotService, IReadOnlyList<TeacherSlotView>>(s => s.GetTeacherViewAsync(TeacherA, Everything)));

        Assert.Equal(["Student A0", "Student A1"], view.Bookings.Select(b => b.StudentName).Order().ToArray());
    }

    [Fact]
    public async Task Policy_update_validates_the_time_zone_and_writes_nothing_when_invalid()
    {
        var current = await InScope<TeacherPolicyService, TeacherPolicy>(s => s.GetAsync(TeacherA));
        Assert.Equal("Europe/London", current.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(12), current.MinimumNotice);

        var bad = await InScope<TeacherPolicyService, Result<TeacherPolicy>>(s => s.UpdateAsync(TeacherA, ToUpdate(current) with { TimeZoneId = "Mars/Olympus_Mons" }));
        Assert.Equal("timeZone", bad.Error?.Field);
        Assert.Empty(await AuditOf(TeacherA));

        var good = await InScope<TeacherPolicyService, Result<TeacherPolicy>>(s => s.UpdateAsync(TeacherA, ToUpdate(current) with { TimeZoneId = "Asia/Kolkata", MaxBookingsPerStudentPerWeek = 2 }));
        Assert.True(good.Succeeded);
        var reread = await InScope<TeacherPolicyService, TeacherPolicy>(s => s.GetAsync(TeacherA));
        Assert.Equal("Asia/Kolkata", reread.TimeZoneId);
        Assert.Equal(2, reread.MaxBookingsPerStudentPerWeek);
    }

    protected static TeacherPolicyUpdate ToUpdate(TeacherPolicy p) =>
        new(p.TimeZoneId, p.MinimumNotice, p.BookingHorizon, p.CancellationWindow, p.BufferBefore, p.BufferAfter, p.MaxBookingsPerStudentPerWeek);

    protected async Task SetPolicyAsync(string teacherId, Func<TeacherPolicyUpdate, TeacherPolicyUpdate> change)
    {
        var current = await InScope<TeacherPolicyService, TeacherPolicy>(s => s.GetAsync(teacherId));
        var result = await InScope<TeacherPolicyService, Result<TeacherPolicy>>(s => s.UpdateAsync(teacherId, change(ToUpdate(current))));
        Assert.True(result.Succeeded, result.Error?.Message);
    }
}
