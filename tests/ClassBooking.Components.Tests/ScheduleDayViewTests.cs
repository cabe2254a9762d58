using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>
/// The phone's day view: the component keeps a selected day and marks every other day's column
/// <c>cb-grid__offday</c>, which its stylesheet hides at 600 px and less. See <see cref="ScheduleTestBase"/> for the week.
/// </summary>
public sealed class ScheduleDayViewTests : ScheduleTestBase
{
    private static string SelectedDay(IRenderedComponent<TeacherScheduleView> cut) =>
        cut.Find(".cb-schedule__scroll").GetAttribute("data-selected-day")!;

    /// <summary>The dates whose columns stay visible on a phone.</summary>
    private static string[] ShownDays(IRenderedComponent<TeacherScheduleView> cut) =>
        cut.FindAll("thead th[data-date]").Where(th => !th.ClassList.Contains("cb-grid__offday")).Select(th => th.GetAttribute("data-date")!).ToArray();

    private static void Swipe(IRenderedComponent<TeacherScheduleView> cut, double fromX, double toX, double fromY = 200, double toY = 200)
    {
        var area = cut.Find(".cb-schedule__scroll");
        area.TouchStart(new TouchEventArgs { Touches = [new TouchPoint { ClientX = fromX, ClientY = fromY }] });
        area.TouchEnd(new TouchEventArgs { ChangedTouches = [new TouchPoint { ClientX = toX, ClientY = toY }] });
    }

    [Fact]
    public void Today_is_the_one_day_shown_and_the_day_buttons_change_it()
    {
        var cut = RenderSchedule();

        Assert.Equal("2026-04-08", SelectedDay(cut));
        Assert.Equal(["2026-04-08"], ShownDays(cut));
        Assert.All(cut.FindAll("tbody td"), td =>
            Assert.Equal(td.GetAttribute("data-date") != "2026-04-08", td.ClassList.Contains("cb-grid__offday")));
        Assert.Equal("Wednesday 8 April", cut.Find(".cb-schedule__day-name").TextContent);

        cut.Find("button[aria-label='Next day']").Click();

        Assert.Equal(["2026-04-09"], ShownDays(cut));
        Assert.Equal("Thursday 9 April", cut.Find(".cb-schedule__day-name").TextContent);
        Assert.Equal("Showing Thursday 9 April", Status(cut));
        Assert.Equal("2026-04-09", Tabbable(cut).GetAttribute("data-date")); // the tab stop stays visible

        cut.Find("button[aria-label='Previous day']").Click();
        cut.Find("button[aria-label='Previous day']").Click();
        Assert.Equal(["2026-04-07"], ShownDays(cut));
        Assert.Equal("Showing Tuesday 7 April", Status(cut));
    }

    [Fact]
    public void Swiping_left_shows_the_next_day_and_right_the_previous_one()
    {
        var cut = RenderSchedule();

        Swipe(cut, 300, 200);
        cut.WaitForAssertion(() => Assert.Equal("2026-04-09", SelectedDay(cut)), Wait);
        Assert.Equal(["2026-04-09"], ShownDays(cut));
        Assert.Equal("Showing Thursday 9 April", Status(cut));

        Swipe(cut, 100, 220);
        cut.WaitForAssertion(() => Assert.Equal("2026-04-08", SelectedDay(cut)), Wait);
        Assert.Equal("Showing Wednesday 8 April", Status(cut));
    }

    [Fact]
    public void Short_or_mostly_vertical_swipes_keep_the_day()
    {
        var cut = RenderSchedule();

        Swipe(cut, 300, 260);             // 40 px
        Swipe(cut, 300, 230, 100, 300);   // 70 px across but 200 px down: a scroll
        Swipe(cut, 300, 300, 100, 400);

        Assert.Equal("2026-04-08", SelectedDay(cut));
        Assert.Equal("", Status(cut));
    }

    [Fact]
    public void Crossing_Sunday_or_Monday_changes_the_week()
    {
        var cut = RenderSchedule();
        for (var i = 0; i < 4; i++)
        {
            cut.Find("button[aria-label='Next day']").Click();
        }

        Assert.Equal("2026-04-12", SelectedDay(cut));
        Swipe(cut, 300, 100);

        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Equal(["2026-04-13"], ShownDays(cut));
        Assert.Single(cut.FindAll($".cb-slot[data-slot-id='{NextWeekSlot.Id}']"));

        cut.Find("button[aria-label='Previous day']").Click();
        cut.WaitForAssertion(() => Assert.Equal("6 April – 12 April 2026", cut.Find("#cb-schedule-title").TextContent), Wait);
        Assert.Equal(["2026-04-12"], ShownDays(cut));
    }

    [Fact]
    public void Week_navigation_keeps_the_weekday_and_arrow_keys_follow_the_shown_day()
    {
        var cut = RenderSchedule();

        cut.Find("button[aria-label='Next week']").Click();
        cut.WaitForAssertion(() => Assert.Equal(["2026-04-15"], ShownDays(cut)), Wait);

        Key(Tabbable(cut), "ArrowLeft");
        Assert.Equal(["2026-04-14"], ShownDays(cut));
    }
}
