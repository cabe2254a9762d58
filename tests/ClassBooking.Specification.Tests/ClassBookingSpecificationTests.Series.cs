using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    // Teacher A is in Europe/London; clocks go forward on Sunday 2026-03-29.
    private static readonly DateOnly Tuesday = new(2026, 3, 10);

    private Task<Result<SeriesCreation>> CreateSeriesAsync(SeriesDraft draft) =>
        InScope<SlotSeriesService, Result<SeriesCreation>>(s => s.CreateAsync(TeacherA, draft));

    private static SeriesDraft TuesdaysAndThursdays(int weeks = 4) =>
        new(WeekdaySet.Tuesday | WeekdaySet.Thursday, new TimeOnly(17, 0), 60, Weeks: weeks, FirstDate: Tuesday);

    [Fact]
    public async Task Series_stays_at_the_same_local_time_across_the_clock_change()
    {
        var result = await CreateSeriesAsync(TuesdaysAndThursdays(4));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(8, result.Value.Created.Count);
        Assert.Empty(result.Value.Skipped);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(8, slots.Count);
        Assert.All(slots, s => Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(LocalTimeConverter.ToLocal(s.StartsAt, "Europe/London"))));
        Assert.Equal(17, slots[0].StartsAt.UtcDateTime.Hour);   // GMT in March
        Assert.Equal(16, slots[^1].StartsAt.UtcDateTime.Hour);    // BST from 29 March
        Assert.All(slots, s => Assert.Equal(result.Value.Series.Id, s.SeriesId));
        Assert.Equal(slots.Select(s => LocalTimeConverter.ToLocalDate(s.StartsAt, "Europe/London")), slots.Select(s => s.OccurrenceDate!.Value));
    }

    [Fact]
    public async Task Series_preview_lists_what_would_be_created_and_skipped_and_writes_nothing()
    {
        var busy = await CreateSlotAsync(10, hourUtc: 17);  // Thursday 12 March 17:00 GMT

        var preview = await InScope<SlotSeriesService, Result<SeriesPreview>>(s => s.PreviewAsync(TeacherA, TuesdaysAndThursdays(2)));

        Assert.True(preview.Succeeded);
        Assert.Equal(3, preview.Value.ToCreate.Count);
        var skipped = Assert.Single(preview.Value.Skipped);
        Assert.Equal(new DateOnly(2026, 3, 12), skipped.LocalDate);
        Assert.Equal(ErrorCodes.Overlaps, skipped.Code);
        Assert.Equal(busy.Id, Assert.Single(skipped.Conflicts).WithId);
        Assert.Single(await OpenSlotsOf(TeacherA));
    }

    [Fact]
    public async Task Series_creation_skips_conflicting_dates_and_reports_them()
    {
        await CreateSlotAsync(10, hourUtc: 17);  // Thursday 12 March 17:00 GMT

        var result = await CreateSeriesAsync(TuesdaysAndThursdays(2));

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Value.Created.Count);
        Assert.Equal(new DateOnly(2026, 3, 12), Assert.Single(result.Value.Skipped).LocalDate);
        Assert.Equal(4, (await OpenSlotsOf(TeacherA)).Count);
    }

    [Fact]
    public async Task Invalid_series_input_names_the_field_and_writes_nothing()
    {
        var noDays = await CreateSeriesAsync(TuesdaysAndThursdays() with { Weekdays = WeekdaySet.None });
        var both = await CreateSeriesAsync(TuesdaysAndThursdays() with { Until = Tuesday.AddDays(20) });
        var past = await CreateSeriesAsync(TuesdaysAndThursdays() with { FirstDate = new DateOnly(2026, 2, 1) });
        var capacity = await CreateSeriesAsync(TuesdaysAndThursdays() with { Capacity = 0 });

        Assert.Equal("weekdays", noDays.Error?.Field);
        Assert.Equal("weeks", both.Error?.Field);
        Assert.Equal("firstDate", past.Error?.Field);
        Assert.Equal("capacity", capacity.Error?.Field);
        Assert.Empty(await OpenSlotsOf(TeacherA));
        Assert.Empty(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Editing_the_whole_series_moves_unbooked_classes_and_keeps_booked_ones()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var booked = series.Created[1];
        Assert.True((await BookAsync(StudentA(0), booked.Id)).Succeeded);

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, new SeriesEdit(LocalStartTime: new TimeOnly(18, 30))));

        Assert.True(change.Succeeded, change.Error?.Message);
        Assert.Equal(3, change.Value.Updated.Count);
        var kept = Assert.Single(change.Value.Kept);
        Assert.Equal(booked.Id, kept.SlotId);
        Assert.Equal(ErrorCodes.SlotHasBookings, kept.Code);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(booked.StartsAt, slots.Single(s => s.Id == booked.Id).StartsAt);
        Assert.All(slots.Where(s => s.Id != booked.Id), s => Assert.Equal(new TimeOnly(18, 30), TimeOnly.FromDateTime(LocalTimeConverter.ToLocal(s.StartsAt, "Europe/London"))));
    }

    [Fact]
    public async Task Editing_this_and_following_splits_the_series()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var third = series.Created[2];

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.ThisAndFollowing, third.Id, new SeriesEdit(DurationMinutes: 90, Capacity: 2)));

        Assert.True(change.Succeeded, change.Error?.Message);
        Assert.NotEqual(series.Series.Id, change.Value.SeriesId);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(4, slots.Count);
        Assert.All(slots.Take(2), s => Assert.Equal((series.Series.Id, 60.0, 1), (s.SeriesId!.Value, (s.EndsAt - s.StartsAt).TotalMinutes, s.Capacity)));
        Assert.All(slots.Skip(2), s => Assert.Equal((change.Value.SeriesId, 90.0, 2), (s.SeriesId!.Value, (s.EndsAt - s.StartsAt).TotalMinutes, s.Capacity)));
        var old = await Read((s, ct) => s.FindSeriesAsync(series.Series.Id, ct));
        Assert.Equal(third.OccurrenceDate!.Value.AddDays(-1), old!.LastDate);
    }

    [Fact]
    public async Task Adding_a_weekday_creates_the_new_classes()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, new SeriesEdit(Weekdays: WeekdaySet.Tuesday | WeekdaySet.Thursday | WeekdaySet.Friday)));

        Assert.True(change.Succeeded, change.Error?.Message);
        Assert.Equal(2, change.Value.Created.Count);
        Assert.All(change.Value.Created, s => Assert.Equal(DayOfWeek.Friday, s.OccurrenceDate!.Value.DayOfWeek));
        Assert.Equal(6, (await OpenSlotsOf(TeacherA)).Count);
    }

    [Fact]
    public async Task Deleting_this_and_following_keeps_booked_classes_unless_asked_to_cancel_them()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var second = series.Created[1];
        var booked = series.Created[3];
        await BookAsync(StudentA(0), booked.Id);

        var keep = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.DeleteAsync(TeacherA, series.Series.Id, SeriesScope.ThisAndFollowing, second.Id));
        Assert.True(keep.Succeeded);
        Assert.Equal(2, keep.Value.Removed.Count);
        Assert.Equal(booked.Id, Assert.Single(keep.Value.Kept).SlotId);
        Assert.Equal([series.Created[0].Id, booked.Id], (await OpenSlotsOf(TeacherA)).Select(s => s.Id).ToArray());

        var cancel = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.DeleteAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, cancelBookings: true));
        Assert.True(cancel.Succeeded);
        Assert.Single(cancel.Value.CancelledBookings);
        Assert.Empty(await OpenSlotsOf(TeacherA));
    }

    [Fact]
    public async Task A_skipped_date_is_not_recreated_by_a_later_edit()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var date = series.Created[0].OccurrenceDate!.Value;

        var skip = await InScope<SlotSeriesService, Result<SeriesChange>>(s => s.SkipDateAsync(TeacherA, series.Series.Id, date));
        Assert.True(skip.Succeeded);
        Assert.Equal(3, (await OpenSlotsOf(TeacherA)).Count);

        var edit = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, new SeriesEdit(LocalStartTime: new TimeOnly(8, 0))));
        Assert.True(edit.Succeeded);
        Assert.Empty(edit.Value.Created);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(3, slots.Count);
        Assert.DoesNotContain(slots, s => s.OccurrenceDate == date);
    }

    [Fact]
    public async Task Editing_one_occurrence_makes_it_an_exception_of_its_series()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var first = series.Created[0];

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.ThisOccurrence, first.Id, new SeriesEdit(LocalStartTime: new TimeOnly(9, 0))));

        Assert.True(change.Succeeded, change.Error?.Message);
        var updated = Assert.Single(change.Value.Updated);
        Assert.True(updated.IsSeriesException);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(LocalTimeConverter.ToLocal(updated.StartsAt, "Europe/London")));
        Assert.Equal(first.OccurrenceDate, updated.OccurrenceDate);
    }

    [Fact]
    public async Task A_booked_class_kept_by_a_split_stays_with_the_new_series_and_is_never_doubled()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var booked = series.Created[2];
        await BookAsync(StudentA(0), booked.Id);

        var split = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.ThisAndFollowing, series.Created[1].Id, new SeriesEdit(LocalStartTime: new TimeOnly(18, 0))));
        Assert.Equal(booked.Id, Assert.Single(split.Value.Kept).SlotId);
        var noteOnly = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, split.Value.SeriesId, SeriesScope.WholeSeries, null, new SeriesEdit(Note: "Bring scales")));

        Assert.True(noteOnly.Succeeded, noteOnly.Error?.Message);
        Assert.Empty(noteOnly.Value.Created);
        var slots = await OpenSlotsOf(TeacherA);
        Assert.Equal(4, slots.Count);
        Assert.Single(slots, s => s.OccurrenceDate == booked.OccurrenceDate);
        Assert.Equal(split.Value.SeriesId, slots.Single(s => s.Id == booked.Id).SeriesId);
    }

    [Fact]
    public async Task Editing_the_series_while_todays_class_runs_adds_no_second_class_today()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var today = series.Created[0];
        Time.SetUtcNow(today.StartsAt.AddMinutes(30));

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, new SeriesEdit(LocalStartTime: new TimeOnly(20, 0))));

        Assert.True(change.Succeeded, change.Error?.Message);
        Assert.Empty(change.Value.Created);
        Assert.Single(await OpenSlotsOf(TeacherA), s => s.OccurrenceDate == today.OccurrenceDate);
    }

    [Fact]
    public async Task A_details_only_edit_leaves_individually_moved_classes_where_they_are()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(2))).Value;
        var moved = series.Created[1];
        await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.ThisOccurrence, moved.Id, new SeriesEdit(LocalStartTime: new TimeOnly(14, 0))));

        var change = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.EditAsync(TeacherA, series.Series.Id, SeriesScope.WholeSeries, null, new SeriesEdit(Price: 40m)));

        Assert.True(change.Succeeded, change.Error?.Message);
        var stored = (await OpenSlotsOf(TeacherA)).Single(s => s.Id == moved.Id);
        Assert.True(stored.IsSeriesException);
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(LocalTimeConverter.ToLocal(stored.StartsAt, "Europe/London")));
        Assert.Equal(40m, stored.Price);
    }

    [Fact]
    public async Task A_series_follows_the_two_year_publishing_limit()
    {
        var far = await CreateSeriesAsync(TuesdaysAndThursdays() with { FirstDate = new DateOnly(2100, 1, 5) });
        var extreme = await CreateSeriesAsync(TuesdaysAndThursdays() with { FirstDate = new DateOnly(9999, 12, 20) });
        var until = await CreateSeriesAsync(TuesdaysAndThursdays() with { Weeks = null, Until = new DateOnly(2031, 1, 1) });

        Assert.Equal("firstDate", far.Error?.Field);
        Assert.Equal("firstDate", extreme.Error?.Field);
        Assert.Equal("until", until.Error?.Field);
        Assert.Empty(await OpenSlotsOf(TeacherA));
    }

    [Fact]
    public async Task Deleting_one_occurrence_checks_it_belongs_to_the_series()
    {
        var series = (await CreateSeriesAsync(TuesdaysAndThursdays(1))).Value;
        var loose = await CreateSlotAsync(5);

        var result = await InScope<SlotSeriesService, Result<SeriesChange>>(s =>
            s.DeleteAsync(TeacherA, series.Series.Id, SeriesScope.ThisOccurrence, loose.Id));

        Assert.Equal(ErrorCodes.SlotNotFound, result.Error?.Code);
        Assert.Equal(3, (await OpenSlotsOf(TeacherA)).Count);
    }
}
