using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>Moving classes by drag and drop, Alt+Arrow and the class's dialog: see <see cref="ScheduleTestBase"/> for the week.</summary>
public sealed class ScheduleMoveTests : ScheduleTestBase
{
    private static void DragAndDrop(IRenderedComponent<TeacherScheduleView> cut, Guid slotId, string date, int hour)
    {
        cut.Find($".cb-slot[data-slot-id='{slotId}']").DragStart(new DragEventArgs());
        Cell(cut, date, hour).DragEnter(new DragEventArgs());
        Assert.Equal((date, hour.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (cut.Find("td.cb-cell--drop").GetAttribute("data-date"), cut.Find("td.cb-cell--drop").GetAttribute("data-hour")));
        Assert.Contains(Cell(cut, date, hour).Attributes, a => a.Name.EndsWith("ondragover:preventdefault", StringComparison.OrdinalIgnoreCase)); // a drop target
        Cell(cut, date, hour).Drop(new DragEventArgs());
    }

    [Fact]
    public void Free_classes_are_draggable_and_booked_ones_say_they_cannot_move()
    {
        var cut = RenderSchedule();

        var free = cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}']");
        Assert.Equal("true", free.GetAttribute("draggable"));
        Assert.Contains("Drag to another hour", free.GetAttribute("title"), StringComparison.Ordinal);

        var booked = cut.Find($".cb-slot[data-slot-id='{BobsSlot.Id}']");
        Assert.Equal("false", booked.GetAttribute("draggable"));
        Assert.Equal("Booked classes cannot be moved. Select it to see its students or delete it.", booked.GetAttribute("title"));
        Assert.Equal("Friday 10 April, 17:00–18:00, booked by Bobbington Quill, cannot be moved while booked",
            SlotButton(cut, BobsSlot.Id).GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Dropping_a_free_class_on_another_hour_moves_it_there_keeping_length_seats_and_note()
    {
        var cut = RenderSchedule();

        DragAndDrop(cut, FreeSlot.Id, "2026-04-10", 14);

        cut.WaitForAssertion(() => Assert.Single(Cell(cut, "2026-04-10", 14).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Assert.Empty(Cell(cut, "2026-04-09", 17).QuerySelectorAll(".cb-slot"));
        Assert.Empty(cut.FindAll("td.cb-cell--drop"));
        var stored = (await StoredSlotAsync(FreeSlot.Id))!;
        Assert.Equal(Utc(4, 10, 13), stored.StartsAt); // 14:00 London
        Assert.Equal(Utc(4, 10, 14), stored.EndsAt);
        Assert.Equal(FreeSlot.Capacity, stored.Capacity);
        Assert.Equal("Bring your scales", stored.Note);
        Assert.Equal("Moved the class on Thursday 9 April 2026, 17:00–18:00 to Friday 10 April 2026, 14:00–15:00.", Status(cut));
        Assert.Empty(cut.FindAll(".cb-schedule__error"));
    }

    [Fact]
    public async Task Dropping_on_the_same_hour_changes_nothing()
    {
        var cut = RenderSchedule();

        DragAndDrop(cut, FreeSlot.Id, "2026-04-09", 17);

        Assert.Equal(FreeSlot.StartsAt, (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        Assert.Equal("", Status(cut));
        Assert.Single(Cell(cut, "2026-04-09", 17).QuerySelectorAll(".cb-slot"));
    }

    [Fact]
    public async Task A_class_changed_in_another_window_since_the_page_loaded_is_not_moved_over_that_change()
    {
        var cut = RenderSchedule();
        // Another window raises the seats and changes the note while this page still shows the old values.
        var edited = await WithServiceAsync<TimeSlotService, Core.Result<TimeSlot>>(s =>
            s.UpdateAsync(Teacher, FreeSlot.Id, new SlotDraft(FreeSlot.StartsAt, FreeSlot.EndsAt, 3, null, "Room 4")));
        Assert.True(edited.Succeeded, edited.Error?.Message);

        DragAndDrop(cut, FreeSlot.Id, "2026-04-10", 14);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".cb-schedule__error")), Wait);
        Assert.Equal(ErrorCodes.ConcurrentChange, cut.Find(".cb-schedule__error").GetAttribute("data-error-code"));
        var stored = (await StoredSlotAsync(FreeSlot.Id))!;
        Assert.Equal(FreeSlot.StartsAt, stored.StartsAt);
        Assert.Equal(3, stored.Capacity);
        Assert.Equal("Room 4", stored.Note);
    }

    [Fact]
    public async Task A_booked_class_dropped_anyway_is_refused_by_the_core_and_stays()
    {
        var cut = RenderSchedule();

        // The browser does not start a drag on draggable="false"; a drop that arrives anyway is the core's to refuse.
        DragAndDrop(cut, BobsSlot.Id, "2026-04-09", 10);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".cb-schedule__error")), Wait);
        var error = cut.Find(".cb-schedule__error");
        Assert.Equal(ErrorCodes.SlotHasBookings, error.GetAttribute("data-error-code"));
        Assert.StartsWith("The class on Friday 10 April 2026, 17:00–18:00 was not moved. This slot is booked", error.TextContent, StringComparison.Ordinal);
        Assert.Equal(error.TextContent, Status(cut));
        Assert.Equal(BobsSlot.StartsAt, (await StoredSlotAsync(BobsSlot.Id))!.StartsAt);
        Assert.Single(Cell(cut, "2026-04-10", 17).QuerySelectorAll($".cb-slot[data-slot-id='{BobsSlot.Id}']"));
        Assert.Empty(Cell(cut, "2026-04-09", 10).QuerySelectorAll(".cb-slot"));
    }

    [Fact]
    public async Task Dropping_onto_another_class_shows_the_overlap_and_the_class_stays()
    {
        var cut = RenderSchedule();

        DragAndDrop(cut, FreeSlot.Id, "2026-04-10", 17);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".cb-schedule__error")), Wait);
        var error = cut.Find(".cb-schedule__error");
        Assert.Equal(ErrorCodes.Overlaps, error.GetAttribute("data-error-code"));
        Assert.Contains("was not moved. This time overlaps your class on Fri 10 Apr, 17:00–18:00.", error.TextContent, StringComparison.Ordinal);
        Assert.Equal(error.TextContent, Status(cut));
        Assert.Contains("cb-visually-hidden", cut.Find("[role=status]").ClassList); // announced, but shown once: in red
        Assert.Equal(FreeSlot.StartsAt, (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        Assert.Single(Cell(cut, "2026-04-09", 17).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']"));

        // The next successful action clears the message.
        DragAndDrop(cut, FreeSlot.Id, "2026-04-09", 15);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".cb-schedule__error")), Wait);
        Assert.DoesNotContain("cb-visually-hidden", cut.Find("[role=status]").ClassList);
        Assert.StartsWith("Moved the class", Status(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_class_dialog_moves_a_class_with_date_and_time_fields_only()
    {
        var cut = RenderSchedule();
        Key(SlotButton(cut, FreeSlot.Id), "Enter");

        Assert.Equal("Move or delete this class", DialogTitle(cut));
        Assert.Contains("Thursday 9 April 2026, 17:00–18:00", cut.Find("[role=dialog] .cb-facts").TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-04-09", Field(cut, "Date").GetAttribute("value"));
        Assert.Equal("17:00:00", Field(cut, "Start time").GetAttribute("value"));
        Field(cut, "Date").Change("2026-04-10");
        SetTime(Field(cut, "Start time"), "09:30");
        Button(cut, "Move").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        var stored = (await StoredSlotAsync(FreeSlot.Id))!;
        Assert.Equal(Utc(4, 10, 8, 30), stored.StartsAt);
        Assert.Equal(Utc(4, 10, 9, 30), stored.EndsAt);
        Assert.Equal("Bring your scales", stored.Note);
        Assert.Single(Cell(cut, "2026-04-10", 9).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']"));
        Assert.Equal("Moved the class on Thursday 9 April 2026, 17:00–18:00 to Friday 10 April 2026, 09:30–10:30.", Status(cut));

        // Focus follows the class.
        Assert.Equal(FreeSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        GridModule.VerifyInvoke("focusCurrent");
    }

    [Fact]
    public async Task Moving_to_another_week_shows_that_week()
    {
        var cut = RenderSchedule();
        SlotButton(cut, FreeSlot.Id).Click();
        Field(cut, "Date").Change("2026-04-16");
        Button(cut, "Move").Click();

        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Equal(Utc(4, 16, 16), (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        Assert.Single(Cell(cut, "2026-04-16", 17).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']"));
        Assert.Contains("Showing the week of 13 April – 19 April 2026.", Status(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_move_in_the_dialog_is_shown_next_to_the_start_time()
    {
        var cut = RenderSchedule();
        Key(SlotButton(cut, FreeSlot.Id), "Enter");
        Field(cut, "Date").Change("2026-04-10");
        Button(cut, "Move").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("This time overlaps your class on Fri 10 Apr, 17:00–18:00.", FieldErrorOf(cut, "Start time"), StringComparison.Ordinal), Wait);
        Assert.Equal("true", Field(cut, "Start time").GetAttribute("aria-invalid"));
        Assert.Equal(FreeSlot.StartsAt, (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);

        Field(cut, "Date").Change("2026-04-06");
        Button(cut, "Move").Click();
        cut.WaitForAssertion(() => Assert.Equal("The start is in the past.", FieldErrorOf(cut, "Start time")), Wait);
        Assert.Equal(FreeSlot.StartsAt, (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
    }

    [Fact]
    public void A_booked_class_dialog_explains_instead_of_offering_Move_and_Delete_asks_for_confirmation()
    {
        var cut = RenderSchedule();
        Key(SlotButton(cut, BobsSlot.Id), "Enter");

        Assert.Equal("Move or delete this class", DialogTitle(cut));
        Assert.Contains(BobName, cut.Find("[role=dialog]").TextContent, StringComparison.Ordinal);
        Assert.Contains("This class is booked, so its time cannot change.", cut.Find("[role=dialog]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("[role=dialog] button"), b => b.TextContent.Trim() == "Move");
        Assert.Empty(cut.FindAll("[role=dialog] input"));

        cut.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Delete").Click();

        Assert.Single(cut.FindAll("[role=dialog]"));
        Assert.Equal("Delete this class?", DialogTitle(cut));
        Assert.Contains(BobName, cut.Find("[role=dialog]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alt_with_arrow_keys_moves_a_free_class_by_an_hour_or_a_day()
    {
        var cut = RenderSchedule();

        Key(SlotButton(cut, FreeSlot.Id), "ArrowDown", alt: true);
        cut.WaitForAssertion(() => Assert.Single(Cell(cut, "2026-04-09", 18).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Assert.Equal(Utc(4, 9, 17), (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        Assert.Equal(FreeSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        Assert.Equal("Moved the class on Thursday 9 April 2026, 17:00–18:00 to Thursday 9 April 2026, 18:00–19:00.", Status(cut));

        Key(SlotButton(cut, FreeSlot.Id), "ArrowLeft", alt: true);
        cut.WaitForAssertion(() => Assert.Single(Cell(cut, "2026-04-08", 18).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Assert.Equal(Utc(4, 8, 17), (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        GridModule.VerifyInvoke("focusCurrent", calledTimes: 2);

        // Up, right, right would land on Bob's class on Friday 17:00: refused, and the class stays on Thursday.
        Key(SlotButton(cut, FreeSlot.Id), "ArrowUp", alt: true);
        cut.WaitForAssertion(() => Assert.Single(Cell(cut, "2026-04-08", 17).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Key(SlotButton(cut, FreeSlot.Id), "ArrowRight", alt: true);
        cut.WaitForAssertion(() => Assert.Single(Cell(cut, "2026-04-09", 17).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Key(SlotButton(cut, FreeSlot.Id), "ArrowRight", alt: true);
        cut.WaitForAssertion(() => Assert.Contains("was not moved", cut.Find(".cb-schedule__error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(Utc(4, 9, 16), (await StoredSlotAsync(FreeSlot.Id))!.StartsAt);
        Assert.Single(Cell(cut, "2026-04-09", 17).QuerySelectorAll($".cb-slot[data-slot-id='{FreeSlot.Id}']"));
    }

    [Fact]
    public async Task Alt_with_an_arrow_on_a_booked_class_is_refused_by_the_core()
    {
        var cut = RenderSchedule();

        Key(SlotButton(cut, AnnasSlot.Id), "ArrowDown", alt: true);

        cut.WaitForAssertion(() => Assert.Equal(ErrorCodes.SlotHasBookings, cut.Find(".cb-schedule__error").GetAttribute("data-error-code")), Wait);
        Assert.Equal(AnnasSlot.StartsAt, (await StoredSlotAsync(AnnasSlot.Id))!.StartsAt);
    }
}
