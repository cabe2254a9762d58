using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>Creating a class by selecting free hours of one day: see <see cref="ScheduleTestBase"/> for the week.</summary>
public sealed class ScheduleCreateTests : ScheduleTestBase
{
    [Fact]
    public void Clicking_one_free_hour_opens_New_class_for_that_hour()
    {
        var cut = RenderSchedule();

        Tap(Cell(cut, "2026-04-09", 10));

        Assert.Equal("New class", DialogTitle(cut));
        Assert.Equal("Thursday 9 April 2026, 10:00–11:00", cut.Find("[data-new-slot-when]").TextContent);
        Assert.Equal("10:00:00", Field(cut, "Start time").GetAttribute("value"));
        Assert.Equal("60", Field(cut, "Duration (minutes)").GetAttribute("value"));
        Assert.Equal("1", Field(cut, "Seats").GetAttribute("value"));
        Assert.Single(cut.FindAll("[role=dialog]"));
    }

    [Fact]
    public void Dragging_over_three_hours_of_one_day_opens_New_class_for_the_three_hours()
    {
        var cut = RenderSchedule();

        Cell(cut, "2026-04-09", 10).PointerDown(new PointerEventArgs { PointerType = "mouse", Button = 0 });
        Cell(cut, "2026-04-09", 11).PointerEnter(new PointerEventArgs { PointerType = "mouse" });
        Cell(cut, "2026-04-10", 11).PointerEnter(new PointerEventArgs { PointerType = "mouse" }); // another day: ignored
        Cell(cut, "2026-04-09", 12).PointerEnter(new PointerEventArgs { PointerType = "mouse" });

        Assert.Equal(["10", "11", "12"], cut.FindAll("td.cb-cell--selected").Select(c => c.GetAttribute("data-hour")!));
        Assert.All(cut.FindAll("td.cb-cell--selected"), c => Assert.Equal("2026-04-09", c.GetAttribute("data-date")));
        Assert.Empty(cut.FindAll("[role=dialog]"));

        Cell(cut, "2026-04-09", 12).PointerUp(new PointerEventArgs { PointerType = "mouse" });

        Assert.Equal("New class", DialogTitle(cut));
        Assert.Equal("Thursday 9 April 2026, 10:00–13:00", cut.Find("[data-new-slot-when]").TextContent);
        Assert.Equal("10:00:00", Field(cut, "Start time").GetAttribute("value"));
        Assert.Equal("180", Field(cut, "Duration (minutes)").GetAttribute("value"));
        Assert.Empty(cut.FindAll("td.cb-cell--selected"));
    }

    [Fact]
    public void Dragging_upwards_selects_the_same_range()
    {
        var cut = RenderSchedule();

        Cell(cut, "2026-04-09", 12).PointerDown(new PointerEventArgs { PointerType = "mouse", Button = 0 });
        Cell(cut, "2026-04-09", 11).PointerEnter(new PointerEventArgs { PointerType = "mouse" });
        Cell(cut, "2026-04-09", 10).PointerEnter(new PointerEventArgs { PointerType = "mouse" });
        Cell(cut, "2026-04-09", 10).PointerUp(new PointerEventArgs { PointerType = "mouse" });

        Assert.Equal("Thursday 9 April 2026, 10:00–13:00", cut.Find("[data-new-slot-when]").TextContent);
        Assert.Equal("180", Field(cut, "Duration (minutes)").GetAttribute("value"));
    }

    [Fact]
    public async Task Saving_creates_the_class_reloads_the_week_and_announces_it()
    {
        var cut = RenderSchedule();
        Tap(Cell(cut, "2026-04-09", 10));
        Field(cut, "Duration (minutes)").Change("90");
        Field(cut, "Seats").Change("3");

        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        var stored = Assert.Single(await StoredSlotsAsync(Utc(4, 9, 8), Utc(4, 9, 12)));
        Assert.Equal(Utc(4, 9, 9), stored.StartsAt);   // 10:00 London (BST)
        Assert.Equal(Utc(4, 9, 10, 30), stored.EndsAt);
        Assert.Equal(3, stored.Capacity);

        var shown = Assert.Single(Cell(cut, "2026-04-09", 10).QuerySelectorAll(".cb-slot"));
        Assert.Equal(stored.Id.ToString(), shown.GetAttribute("data-slot-id"));
        Assert.Contains("10:00–11:30", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal("Created a class on Thursday 9 April 2026, 10:00–11:30.", Status(cut));

        // Focus goes to the new class.
        Assert.Equal(stored.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        GridModule.VerifyInvoke("focusCurrent");
    }

    [Fact]
    public async Task A_selection_over_an_existing_class_shows_the_overlap_next_to_the_start_and_saves_nothing()
    {
        var cut = RenderSchedule();
        Cell(cut, "2026-04-09", 16).PointerDown(new PointerEventArgs { PointerType = "mouse", Button = 0 });
        Cell(cut, "2026-04-09", 17).PointerEnter(new PointerEventArgs { PointerType = "mouse" });
        Cell(cut, "2026-04-09", 17).PointerUp(new PointerEventArgs { PointerType = "mouse" });

        // The preview speaks before saving.
        cut.WaitForAssertion(
            () => Assert.Equal("This time overlaps your class on Thu 9 Apr, 17:00–18:00.", FieldErrorOf(cut, "Start time")), Wait);
        Assert.Equal("true", Field(cut, "Start time").GetAttribute("aria-invalid"));

        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("This time overlaps your class on Thu 9 Apr, 17:00–18:00.", FieldErrorOf(cut, "Start time"), StringComparison.Ordinal), Wait);
        Assert.Equal("New class", DialogTitle(cut));
        var stored = Assert.Single(await StoredSlotsAsync(Utc(4, 9, 0), Utc(4, 10, 0)));
        Assert.Equal(FreeSlot.Id, stored.Id);
    }

    [Fact]
    public async Task A_conflict_that_appears_after_opening_is_refused_by_Save_with_nearby_free_times()
    {
        var cut = RenderSchedule();
        Tap(Cell(cut, "2026-04-09", 10));
        Assert.Equal("", FieldErrorOf(cut, "Start time"));

        // Meanwhile, another tab publishes 10:30–11:30.
        var other = await WithServiceAsync<TimeSlotService, Core.Model.TimeSlot>(async s =>
            (await s.CreateAsync(Teacher, new SlotDraft(Utc(4, 9, 9, 30), Utc(4, 9, 10, 30)))).Value);

        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("This time overlaps your class on Thu 9 Apr, 10:30–11:30.", FieldErrorOf(cut, "Start time"), StringComparison.Ordinal), Wait);
        Assert.Contains("Free nearby:", FieldErrorOf(cut, "Start time"), StringComparison.Ordinal);
        var stored = Assert.Single(await StoredSlotsAsync(Utc(4, 9, 8), Utc(4, 9, 12)));
        Assert.Equal(other.Id, stored.Id);
    }

    [Fact]
    public async Task Zero_seats_is_shown_next_to_Seats_and_nothing_is_written()
    {
        var cut = RenderSchedule();
        Tap(Cell(cut, "2026-04-09", 10));

        Field(cut, "Seats").Change("0");
        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.Equal("Capacity must be between 1 and 500.", FieldErrorOf(cut, "Seats")), Wait);
        Assert.Equal("true", Field(cut, "Seats").GetAttribute("aria-invalid"));
        Assert.Equal("", FieldErrorOf(cut, "Start time"));
        Assert.Empty(await StoredSlotsAsync(Utc(4, 9, 8), Utc(4, 9, 12)));
        Assert.Equal("", Status(cut));
    }

    [Fact]
    public async Task Zero_minutes_is_shown_next_to_Duration_and_nothing_is_written()
    {
        var cut = RenderSchedule();
        Tap(Cell(cut, "2026-04-09", 10));

        Field(cut, "Duration (minutes)").Change("0");
        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.Equal("The end must be after the start.", FieldErrorOf(cut, "Duration (minutes)")), Wait);
        Assert.Equal("true", Field(cut, "Duration (minutes)").GetAttribute("aria-invalid"));
        Assert.Empty(await StoredSlotsAsync(Utc(4, 9, 8), Utc(4, 9, 12)));
    }

    [Fact]
    public async Task An_hour_in_the_past_is_explained_when_the_dialog_opens_and_cannot_be_saved()
    {
        var cut = RenderSchedule();

        Tap(Cell(cut, "2026-04-06", 10));

        cut.WaitForAssertion(() => Assert.Equal("The start is in the past.", FieldErrorOf(cut, "Start time")), Wait);
        Button(cut, "Save").Click();
        cut.WaitForAssertion(() => Assert.Equal("The start is in the past.", FieldErrorOf(cut, "Start time")), Wait);
        Assert.Empty(await StoredSlotsAsync(Utc(4, 6, 0), Utc(4, 7, 0)));
    }

    [Fact]
    public void Cancel_and_Escape_close_the_dialog_and_return_focus_to_the_hour()
    {
        var cut = RenderSchedule();
        Tap(Cell(cut, "2026-04-09", 10));

        cut.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal(("2026-04-09", "10"), (Tabbable(cut).GetAttribute("data-date"), Tabbable(cut).GetAttribute("data-hour")));
        GridModule.VerifyInvoke("focusCurrent");

        Tap(Cell(cut, "2026-04-10", 9));
        Button(cut, "Cancel").Click();
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal("2026-04-10", Tabbable(cut).GetAttribute("data-date"));
    }

    [Fact]
    public void A_click_without_pointer_events_opens_the_hour_and_a_tap_opens_it_only_once()
    {
        var cut = RenderSchedule();

        // A screen reader's activation sends a click alone.
        Cell(cut, "2026-04-09", 10).Click();
        Assert.Equal("Thursday 9 April 2026, 10:00–11:00", cut.Find("[data-new-slot-when]").TextContent);
        Button(cut, "Cancel").Click();

        // A mouse sends pointerdown, pointerup, then click: one dialog, opened on pointerup.
        Tap(Cell(cut, "2026-04-09", 14));
        Cell(cut, "2026-04-09", 14).Click();
        Assert.Single(cut.FindAll("[role=dialog]"));
        Assert.Equal("Thursday 9 April 2026, 14:00–15:00", cut.Find("[data-new-slot-when]").TextContent);
    }

    [Fact]
    public void A_finger_that_travels_is_a_swipe_not_a_tap()
    {
        var cut = RenderSchedule();
        var cell = Cell(cut, "2026-04-09", 10);

        cell.PointerDown(new PointerEventArgs { PointerType = "touch", Button = 0, ClientX = 300, ClientY = 100 });
        cell.PointerUp(new PointerEventArgs { PointerType = "touch", Button = 0, ClientX = 200, ClientY = 104 });

        Assert.Empty(cut.FindAll("[role=dialog]"));

        Tap(Cell(cut, "2026-04-09", 10), "touch");
        Assert.Equal("New class", DialogTitle(cut));
    }

    [Fact]
    public void Pressing_on_a_class_does_not_start_a_selection()
    {
        var cut = RenderSchedule();

        var slot = cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}']");
        Cell(cut, "2026-04-09", 17).PointerDown(new PointerEventArgs { PointerType = "mouse", Button = 0 });
        Cell(cut, "2026-04-09", 17).PointerUp(new PointerEventArgs { PointerType = "mouse" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.NotNull(slot);
    }
}
