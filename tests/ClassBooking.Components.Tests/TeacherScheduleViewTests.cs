using ClassBooking.Core.Students;
using ClassBooking.Core.Model;

namespace ClassBooking.Components.Tests;

/// <summary>Maria's week (Europe/London): see <see cref="ScheduleTestBase"/> for the slots and bookings.</summary>
public sealed class TeacherScheduleViewTests : ScheduleTestBase
{
    [Fact]
    public void The_grid_shows_the_week_in_the_teachers_zone_with_the_booked_students()
    {
        var cut = RenderSchedule();

        Assert.Equal("true", cut.Find(".cb-schedule").GetAttribute("data-interactive"));
        Assert.Equal("6 April – 12 April 2026", cut.Find("#cb-schedule-title").TextContent);
        Assert.Contains("Europe/London", cut.Find(".cb-schedule__zone").TextContent, StringComparison.Ordinal);
        var headers = cut.FindAll("thead th[scope=col][data-date]");
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], headers.Select(h => h.QuerySelector(".cb-grid__dow")!.TextContent));
        Assert.NotEmpty(cut.FindAll("tbody th[scope=row]"));

        // 16:00 UTC is 17:00 in London (BST).
        var thursday = Assert.Single(cut.FindAll("td[data-date='2026-04-09'][data-hour='17'] .cb-slot"));
        Assert.Contains("17:00–18:00", thursday.TextContent, StringComparison.Ordinal);
        Assert.Contains("Free", thursday.TextContent, StringComparison.Ordinal);

        var friday = Assert.Single(cut.FindAll("td[data-date='2026-04-10'][data-hour='17'] .cb-slot"));
        var bob = friday.QuerySelector(".cb-student")!;
        Assert.Equal(BobName, bob.TextContent);
        var colour = StudentColors.For(BobId);
        Assert.Contains(colour.Text, bob.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains(colour.Background, bob.GetAttribute("style"), StringComparison.Ordinal);

        var saturday = Assert.Single(cut.FindAll("td[data-date='2026-04-11'][data-hour='11'] .cb-slot"));
        Assert.Contains("Anna Lindqvist", saturday.TextContent, StringComparison.Ordinal);
        Assert.Equal("Delete the class on Saturday 11 April 2026, 11:00–12:00", saturday.QuerySelector("button")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Week_navigation_moves_a_week_at_a_time()
    {
        var cut = RenderSchedule();

        cut.Find("button[aria-label='Next week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        var tuesday = Assert.Single(cut.FindAll(".cb-slot"));
        Assert.Equal("2026-04-14", tuesday.ParentElement!.GetAttribute("data-date"));
        Assert.Contains("Showing the week of 13 April – 19 April 2026", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Previous week']").Click();
        cut.Find("button[aria-label='Previous week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("30 March – 5 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Empty(cut.FindAll(".cb-slot"));
        Assert.Contains("No classes this week.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_booked_slot_asks_about_its_bookings_and_cancels_them_only_when_told()
    {
        var cut = RenderSchedule();

        cut.Find($".cb-slot[data-slot-id='{BobsSlot.Id}'] button").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Delete this class?", cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        Assert.Contains(BobName, dialog.TextContent, StringComparison.Ordinal);

        cut.FindAll("[role=dialog] button").Single(b => b.TextContent == "Delete class").Click();

        cut.WaitForAssertion(() => Assert.Equal("This class has bookings", cut.Find("[role=dialog] h2").TextContent), Wait);
        Assert.Contains("has 1 booking(s)", cut.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await FindBookingAsync(BobsSlot.Id, BobId))!.Status);
        Assert.Single(cut.FindAll($".cb-slot[data-slot-id='{BobsSlot.Id}']"));

        cut.FindAll("[role=dialog] button").Single(b => b.TextContent == "Cancel the bookings and delete").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=dialog]")), Wait);
        Assert.Empty(cut.FindAll($".cb-slot[data-slot-id='{BobsSlot.Id}']"));
        Assert.Contains("cancelled 1 booking(s)", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, (await FindBookingAsync(BobsSlot.Id, BobId))!.Status);
    }

    [Fact]
    public void A_free_slot_is_deleted_after_confirmation_and_escape_keeps_it()
    {
        var cut = RenderSchedule();

        cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}'] button").Click();
        cut.Find("[role=dialog]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Single(cut.FindAll($".cb-slot[data-slot-id='{FreeSlot.Id}']"));

        cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}'] button").Click();
        cut.FindAll("[role=dialog] button").Single(b => b.TextContent == "Delete class").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($".cb-slot[data-slot-id='{FreeSlot.Id}']")), Wait);
        Assert.Empty(cut.FindAll("[role=dialog]"));
    }

    [Fact]
    public void Set_availability_opens_the_modal_as_a_titled_dialog()
    {
        var cut = RenderSchedule();

        cut.FindAll("button").Single(b => b.TextContent == "Set availability").Click();

        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Set availability", cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
    }

    [Fact]
    public void Closing_Set_availability_returns_focus_to_its_button()
    {
        var cut = RenderSchedule();
        var button = cut.FindAll("button").Single(b => b.TextContent == "Set availability");
        var reference = button.Attributes.Single(a => a.Name.Equals("blazor:elementreference", StringComparison.OrdinalIgnoreCase)).Value;
        button.Click();

        cut.FindAll("[role=dialog] button").Single(b => b.TextContent == "Cancel").Click();

        Assert.Empty(cut.FindAll("[role=dialog]"));
        var focused = JSInterop.VerifyFocusAsyncInvoke(calledTimes: 2)[^1]; // the dialog on opening, then the button
        Assert.Equal(reference, ((Microsoft.AspNetCore.Components.ElementReference)focused.Arguments[0]!).Id);
    }

    [Fact]
    public void Clicking_a_class_opens_its_dialog_and_its_Delete_button_the_confirmation()
    {
        var cut = RenderSchedule();

        cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}'] .cb-slot__time").Click();
        Assert.Equal("Move or delete this class", cut.Find("[role=dialog] h2").TextContent);
        cut.Find("[role=dialog]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        cut.Find($".cb-slot[data-slot-id='{FreeSlot.Id}'] button").Click();
        Assert.Single(cut.FindAll("[role=dialog]"));
        Assert.Equal("Delete this class?", cut.Find("[role=dialog] h2").TextContent);
    }
}
