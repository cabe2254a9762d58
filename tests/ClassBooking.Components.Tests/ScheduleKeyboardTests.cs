using AngleSharp.Dom;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>The grid's semantics and keyboard: see <see cref="ScheduleTestBase"/> for the week ("today" is Wednesday 8 April).</summary>
public sealed class ScheduleKeyboardTests : ScheduleTestBase
{
    private static (string? Date, string? Hour) At(IElement cell) => (cell.GetAttribute("data-date"), cell.GetAttribute("data-hour"));

    [Fact]
    public void The_grid_is_a_labelled_ARIA_grid_with_one_tab_stop_and_labelled_cells_and_classes()
    {
        var cut = RenderSchedule();

        var grid = cut.Find("table.cb-grid");
        Assert.Equal("grid", grid.GetAttribute("role"));
        Assert.StartsWith("Your classes, week of 6 April – 12 April 2026", cut.Find("#" + grid.GetAttribute("aria-labelledby")).TextContent, StringComparison.Ordinal);
        Assert.Contains("arrow keys", cut.Find("#" + grid.GetAttribute("aria-describedby")).TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("tbody td"), td => Assert.Equal("gridcell", td.GetAttribute("role")));

        Assert.Equal("Thursday 9 April, 10:00, free", Cell(cut, "2026-04-09", 10).GetAttribute("aria-label"));
        Assert.Equal("Thursday 9 April, 17:00–18:00, free", SlotButton(cut, FreeSlot.Id).GetAttribute("aria-label"));
        Assert.Equal("Saturday 11 April, 11:00–12:00, booked by Anna Lindqvist, cannot be moved while booked", SlotButton(cut, AnnasSlot.Id).GetAttribute("aria-label"));

        // One tab stop: today's first hour; delete buttons inside classes are not tab stops of their own.
        Assert.Equal(("2026-04-08", "8"), At(Tabbable(cut)));
        Assert.All(cut.FindAll(".cb-slot__delete"), b => Assert.Equal("-1", b.GetAttribute("tabindex")));
        Assert.All(cut.FindAll("[data-cb-nav]"), e => Assert.Contains(e.GetAttribute("tabindex"), new[] { "0", "-1" }));
    }

    [Fact]
    public async Task An_hour_inside_a_longer_class_says_so()
    {
        await WithServiceAsync<TimeSlotService, Core.Model.TimeSlot>(async s =>
            (await s.CreateAsync(Teacher, new SlotDraft(Utc(4, 9, 9), Utc(4, 9, 11)))).Value); // 10:00–12:00 London

        var cut = RenderSchedule();

        Assert.Equal("Thursday 9 April, 11:00, during your class 10:00–12:00", Cell(cut, "2026-04-09", 11).GetAttribute("aria-label"));
        Assert.Contains("cb-cell--covered", Cell(cut, "2026-04-09", 11).ClassList);
        Assert.Equal("Thursday 9 April, 12:00, free", Cell(cut, "2026-04-09", 12).GetAttribute("aria-label"));
    }

    [Fact]
    public void Arrow_keys_Home_and_End_move_the_roving_tabindex_and_focus()
    {
        var cut = RenderSchedule();

        Key(Tabbable(cut), "ArrowRight");
        Assert.Equal(("2026-04-09", "8"), At(Tabbable(cut)));
        GridModule.VerifyInvoke("focusCurrent", calledTimes: 1);

        Key(Tabbable(cut), "ArrowDown");
        Key(Tabbable(cut), "ArrowDown");
        Assert.Equal(("2026-04-09", "10"), At(Tabbable(cut)));

        Key(Tabbable(cut), "ArrowUp");
        Assert.Equal(("2026-04-09", "9"), At(Tabbable(cut)));

        Key(Tabbable(cut), "ArrowLeft");
        Assert.Equal(("2026-04-08", "9"), At(Tabbable(cut)));

        Key(Tabbable(cut), "Home");
        Assert.Equal(("2026-04-06", "9"), At(Tabbable(cut)));
        Key(Tabbable(cut), "ArrowLeft"); // the first day stays
        Assert.Equal(("2026-04-06", "9"), At(Tabbable(cut)));

        Key(Tabbable(cut), "End");
        Assert.Equal(("2026-04-12", "9"), At(Tabbable(cut)));

        Key(Tabbable(cut), "End", ctrl: true);
        Assert.Equal(("2026-04-12", "18"), At(Tabbable(cut)));
        Key(Tabbable(cut), "ArrowDown"); // the last hour stays
        Assert.Equal(("2026-04-12", "18"), At(Tabbable(cut)));

        Key(Tabbable(cut), "Home", ctrl: true);
        Assert.Equal(("2026-04-06", "8"), At(Tabbable(cut)));
        Assert.Single(cut.FindAll("[role=grid] [tabindex='0']"));
        GridModule.VerifyInvoke("focusCurrent", calledTimes: 9); // the two keys at the edges moved nothing
    }

    [Fact]
    public void Arrowing_onto_an_hour_where_a_class_starts_focuses_the_class_and_moves_on_from_it()
    {
        var cut = RenderSchedule();
        Cell(cut, "2026-04-09", 16).Focus(); // a click or Tab onto the cell makes it the current one
        Assert.Equal(("2026-04-09", "16"), At(Tabbable(cut)));

        Key(Tabbable(cut), "ArrowDown");

        Assert.Equal(FreeSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        Assert.Equal("button", Tabbable(cut).GetAttribute("role"));

        Key(Tabbable(cut), "ArrowRight"); // Friday 17:00 is Bob's class
        Assert.Equal(BobsSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));

        Key(Tabbable(cut), "ArrowDown");
        Assert.Equal(("2026-04-10", "18"), At(Tabbable(cut)));
    }

    [Fact]
    public void Enter_or_Space_on_a_free_hour_opens_New_class_and_Escape_brings_focus_back()
    {
        var cut = RenderSchedule();
        Key(Tabbable(cut), "ArrowRight");
        Key(Tabbable(cut), "ArrowDown");

        Key(Tabbable(cut), "Enter");

        Assert.Equal("New class", DialogTitle(cut));
        Assert.Equal("Thursday 9 April 2026, 09:00–10:00", cut.Find("[data-new-slot-when]").TextContent);
        var before = GridModule.Invocations["focusCurrent"].Count;

        cut.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal(("2026-04-09", "9"), At(Tabbable(cut)));
        Assert.Equal(before + 1, GridModule.Invocations["focusCurrent"].Count);

        Key(Tabbable(cut), " ");
        Assert.Equal("Thursday 9 April 2026, 09:00–10:00", cut.Find("[data-new-slot-when]").TextContent);
    }

    [Fact]
    public async Task A_class_can_be_created_with_the_keyboard_alone()
    {
        var cut = RenderSchedule();
        Key(Tabbable(cut), "ArrowRight");
        Key(Tabbable(cut), "ArrowDown");
        Key(Tabbable(cut), "Enter");
        SetTime(Field(cut, "Start time"), "09:15");
        Field(cut, "Duration (minutes)").Change("45");

        Button(cut, "Save").Click(); // Enter on a button

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        var created = Assert.Single(await StoredSlotsAsync(Utc(4, 9, 7), Utc(4, 9, 9)));
        Assert.Equal(Utc(4, 9, 8, 15), created.StartsAt);
        Assert.Equal(Utc(4, 9, 9), created.EndsAt);
        Assert.Equal("Created a class on Thursday 9 April 2026, 09:15–10:00.", Status(cut));
        Assert.Equal(created.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
    }

    [Fact]
    public void Delete_on_a_class_asks_to_delete_it_and_Escape_brings_focus_back_to_the_class()
    {
        var cut = RenderSchedule();

        Key(SlotButton(cut, FreeSlot.Id), "Delete");

        Assert.Equal("Delete this class?", DialogTitle(cut));
        cut.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal(FreeSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        GridModule.VerifyInvoke("focusCurrent");
    }

    [Fact]
    public void Escape_in_the_class_dialog_brings_focus_back_to_the_class()
    {
        var cut = RenderSchedule();
        Key(SlotButton(cut, FreeSlot.Id), "Enter");
        Assert.Equal("Move or delete this class", DialogTitle(cut));

        cut.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal(FreeSlot.Id.ToString(), Tabbable(cut).ParentElement!.GetAttribute("data-slot-id"));
        GridModule.VerifyInvoke("focusCurrent");
    }

    [Fact]
    public void Page_Down_and_Page_Up_change_the_week_and_keep_the_day_and_hour()
    {
        var cut = RenderSchedule();
        Key(Tabbable(cut), "ArrowDown");

        Key(Tabbable(cut), "PageDown");

        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Equal(("2026-04-15", "9"), At(Tabbable(cut)));
        Assert.Equal("Showing the week of 13 April – 19 April 2026", Status(cut));

        Key(Tabbable(cut), "PageUp");
        cut.WaitForAssertion(() => Assert.Equal("6 April – 12 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Equal(("2026-04-08", "9"), At(Tabbable(cut)));
    }

    [Fact]
    public void The_grid_module_is_attached_once_to_the_grid()
    {
        var cut = RenderSchedule();
        Key(Tabbable(cut), "ArrowDown");
        cut.Find("button[aria-label='Next week']").Click();

        var attach = GridModule.VerifyInvoke("attach");
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(attach.Arguments[0]);
    }
}
