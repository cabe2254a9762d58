using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Students;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    private Task<Result<StudentColorChoice>> SetColorAsync(string studentId, string? key, string teacherId = TeacherA) =>
        InScope<StudentColorService, Result<StudentColorChoice>>(s => s.SetColorAsync(teacherId, studentId, key));

    private Task<IReadOnlyDictionary<string, StudentColorChoice>> ColorsOf(string teacherId) =>
        InScope<StudentColorService, IReadOnlyDictionary<string, StudentColorChoice>>(s => s.GetColorsAsync(teacherId));

    private Task<IReadOnlyList<StudentSettings>> SettingsOf(string teacherId) =>
        Read((s, ct) => s.GetStudentSettingsAsync(teacherId, ct));

    [Fact]
    public async Task A_chosen_colour_is_stored_and_every_other_student_keeps_the_derived_one()
    {
        var result = await SetColorAsync(StudentA(0), "teal");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(("teal", true), (result.Value.Key, result.Value.IsChosen));
        var colors = await ColorsOf(TeacherA);
        Assert.Equal(Directory.StudentsOfA.Count, colors.Count);
        Assert.Equal(("teal", true, StudentColors.Find("teal")!.Pair), (colors[StudentA(0)].Key, colors[StudentA(0)].IsChosen, colors[StudentA(0)].Pair));
        Assert.All(Directory.StudentsOfA.Skip(1), s =>
        {
            Assert.False(colors[s.Id].IsChosen);
            Assert.Equal(StudentColors.For(s.Id), colors[s.Id].Pair);
        });
        var row = Assert.Single(await SettingsOf(TeacherA));
        Assert.Equal((TeacherA, StudentA(0), "teal", Start), (row.TeacherId, row.StudentId, row.ColorKey, row.UpdatedAt));
    }

    [Fact]
    public async Task Changing_a_colour_updates_the_one_row_of_the_student_and_is_audited()
    {
        Assert.True((await SetColorAsync(StudentA(0), "red")).Succeeded);
        Time.Advance(TimeSpan.FromMinutes(3));
        Assert.True((await SetColorAsync(StudentA(0), "green")).Succeeded);
        Assert.True((await SetColorAsync(StudentA(0), "green")).Succeeded); // the same again: no change, no audit row

        var row = Assert.Single(await SettingsOf(TeacherA));
        Assert.Equal(("green", Start.AddMinutes(3)), (row.ColorKey, row.UpdatedAt));
        Assert.Equal("green", (await ColorsOf(TeacherA))[StudentA(0)].Key);
        var audit = (await AuditOf(TeacherA)).Where(a => a.Action == AuditActions.StudentColorChanged).ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal((ActorKind.Teacher, TeacherA, "student", StudentA(0)), (a.ActorKind, a.ActorId, a.TargetType, a.TargetId)));
        Assert.Equal("{\"color\":\"green\"}", audit[1].Details);
    }

    [Fact]
    public async Task Palette_keys_are_accepted_in_any_case_and_stored_in_their_canonical_spelling()
    {
        var result = await SetColorAsync(StudentA(1), "Purple");

        Assert.Equal("purple", result.Value.Key);
        Assert.Equal("purple", Assert.Single(await SettingsOf(TeacherA)).ColorKey);
    }

    [Theory]
    [InlineData("magenta")]
    [InlineData("#ff00ff")]
    [InlineData("blue; DROP TABLE x")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_colour_outside_the_palette_is_refused_on_the_colour_field_and_writes_nothing(string? key)
    {
        var result = await SetColorAsync(StudentA(0), key);

        Assert.Equal((ErrorCodes.Validation, StudentColorService.ColorField), (result.Error?.Code, result.Error?.Field));
        Assert.Contains("blue", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await SettingsOf(TeacherA));
        Assert.Empty(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Only_the_teachers_own_students_get_a_colour()
    {
        var ofB = await SetColorAsync(Directory.StudentsOfB[0].Id, "blue");
        var unknown = await SetColorAsync("999999", "blue");

        Assert.Equal((ErrorCodes.StudentNotFound, "studentId"), (ofB.Error?.Code, ofB.Error?.Field));
        Assert.Equal(ErrorCodes.StudentNotFound, unknown.Error?.Code);
        Assert.Empty(await SettingsOf(TeacherA));
        Assert.Empty(await SettingsOf(TeacherB));
        Assert.Empty(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Each_teacher_has_their_own_colours()
    {
        Assert.True((await SetColorAsync(Directory.StudentsOfB[1].Id, "olive", TeacherB)).Succeeded);

        Assert.Empty(await SettingsOf(TeacherA));
        Assert.DoesNotContain(Directory.StudentsOfB[1].Id, (await ColorsOf(TeacherA)).Keys);
        Assert.Equal("olive", (await ColorsOf(TeacherB))[Directory.StudentsOfB[1].Id].Key);
        Assert.Equal(Directory.StudentsOfB.Count, (await ColorsOf(TeacherB)).Count);
    }

    [Fact]
    public async Task Concurrent_choices_for_one_student_leave_exactly_one_row()
    {
        var keys = StudentColors.Keys;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => SetColorAsync(StudentA(5), keys[i % keys.Count]))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var row = Assert.Single(await SettingsOf(TeacherA));
        Assert.Contains(row.ColorKey, keys);
        Assert.Equal(row.ColorKey, (await ColorsOf(TeacherA))[StudentA(5)].Key);
    }

    [Fact]
    public async Task The_teachers_week_shows_each_booking_in_its_students_chosen_or_derived_colour()
    {
        var slot = await CreateSlotAsync(3, capacity: 2);
        Assert.True((await BookAsync(StudentA(0), slot.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(1), slot.Id)).Succeeded);
        Assert.True((await SetColorAsync(StudentA(0), "pink")).Succeeded);

        var view = Assert.Single(await InScope<TimeSlotService, IReadOnlyList<TeacherSlotView>>(s => s.GetTeacherViewAsync(TeacherA, Everything)));

        Assert.Equal(StudentColors.Find("pink")!.Pair, view.Bookings.Single(b => b.Booking.StudentId == StudentA(0)).Color);
        Assert.Equal(StudentColors.For(StudentA(1)), view.Bookings.Single(b => b.Booking.StudentId == StudentA(1)).Color);
    }

    [Fact]
    public async Task Next_bookings_give_each_students_soonest_confirmed_class_that_has_not_ended()
    {
        var past = await CreateSlotAsync(1);
        var soon = await CreateSlotAsync(3);
        var later = await CreateSlotAsync(5);
        var cancelledFirst = await CreateSlotAsync(2, hourUtc: 14);
        var ofB = await CreateSlotAsync(2, teacherId: TeacherB);
        Assert.True((await BookAsync(StudentA(0), past.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(0), later.Id)).Succeeded);
        Assert.True((await BookAsync(StudentA(0), soon.Id)).Succeeded);
        var cancelled = (await BookAsync(StudentA(1), cancelledFirst.Id)).Value;
        Assert.True((await CancelAsStudentAsync(StudentA(1), cancelled.Id)).Succeeded);
        Assert.True((await BookAsync(Directory.StudentsOfB[0].Id, ofB.Id, TeacherB)).Succeeded);
        Time.Advance(TimeSpan.FromHours(26.5)); // Tuesday 11:30: the first class (Tuesday 10:00–11:00) has ended

        var next = await InScope<BookingService, IReadOnlyDictionary<string, Booking>>(s => s.GetNextBookingsAsync(TeacherA));

        var only = Assert.Single(next);
        Assert.Equal((StudentA(0), soon.Id), (only.Key, only.Value.SlotId));
    }

    [Fact]
    public async Task The_session_lists_a_teachers_confirmed_bookings_overlapping_a_range()
    {
        var first = await CreateSlotAsync(3);
        var second = await CreateSlotAsync(4, capacity: 2);
        var ofB = await CreateSlotAsync(3, teacherId: TeacherB);
        var a = (await BookAsync(StudentA(0), second.Id)).Value;
        var b = (await BookAsync(StudentA(1), first.Id)).Value;
        var c = (await BookAsync(StudentA(2), second.Id)).Value;
        Assert.True((await CancelAsStudentAsync(StudentA(2), c.Id)).Succeeded);
        Assert.True((await BookAsync(Directory.StudentsOfB[0].Id, ofB.Id, TeacherB)).Succeeded);

        var all = await Read((s, ct) => s.GetActiveTeacherBookingsAsync(TeacherA, Everything, ct));
        var dayFour = await Read((s, ct) => s.GetActiveTeacherBookingsAsync(TeacherA, new(second.StartsAt.AddMinutes(59), second.EndsAt.AddHours(1)), ct));
        var endsAtStart = await Read((s, ct) => s.GetActiveTeacherBookingsAsync(TeacherA, new(first.EndsAt, first.EndsAt.AddMinutes(30)), ct));

        Assert.Equal([b.Id, a.Id], all.Select(x => x.Id));
        Assert.Equal([a.Id], dayFour.Select(x => x.Id));
        Assert.Empty(endsAtStart);
    }
}
