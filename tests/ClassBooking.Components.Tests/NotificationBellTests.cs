using AngleSharp.Dom;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Testing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.Components.Tests;

/// <summary>
/// Maria's bell over the real services and SQLite store (see <see cref="PortalTestBase"/>): Bob's and Anna's bookings
/// of the fixture are two unread notices written at <see cref="PortalTestBase.Now"/>; Maria's zone is Europe/London
/// (BST, UTC + 1). The bell polls on the fake clock, so a test moves the clock by one interval to make it look.
/// The database gives up on a lock after 1 second, so a test can make it busy.
/// </summary>
public sealed class NotificationBellTests : PortalTestBase
{
    private const string Carl = "student-carl";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public NotificationBellTests()
        : base(SqliteTestDatabase.Create(busyTimeoutSeconds: 1))
    {
    }

    private IRenderedComponent<NotificationBell> RenderBell(string teacherId = Teacher)
    {
        var cut = Render<NotificationBell>(p => p.Add(x => x.TeacherId, teacherId));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".cb-bell").GetAttribute("data-interactive")), Wait);
        return cut;
    }

    private static IElement BellButton(IRenderedComponent<NotificationBell> cut) => cut.Find(".cb-bell__button");

    private static string? Badge(IRenderedComponent<NotificationBell> cut) => cut.FindAll(".cb-bell__badge").SingleOrDefault()?.TextContent;

    private static IRenderedComponent<NotificationBell> Open(IRenderedComponent<NotificationBell> cut)
    {
        BellButton(cut).Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".cb-notice")), Wait);
        return cut;
    }

    /// <summary>Each shown notice as its parts: what happened, the class, the detail (or ""), how long ago.</summary>
    private static (string What, string Class, string Detail, string Ago)[] Notices(IRenderedComponent<NotificationBell> cut) =>
        cut.FindAll(".cb-notice").Select(n => (
            Part(n, ".cb-notice__what"),
            Part(n, ".cb-notice__class"),
            Part(n, ".cb-notice__detail"),
            Part(n, ".cb-notice__ago"))).ToArray();

    private static string Part(IElement notice, string selector) => notice.QuerySelector(selector)?.TextContent.Trim() ?? "";

    private static string LiveRegion(IRenderedComponent<NotificationBell> cut) => cut.Find(".cb-bell > [role=status]").TextContent;

    private Task<Result<Booking>> BookAsStudentAsync(string studentId, Guid slotId) =>
        WithServiceAsync<BookingService, Result<Booking>>(s => s.BookAsync(Teacher, studentId, slotId));

    private int FocusCalls => JSInterop.Invocations.Count(i => i.Identifier == "Blazor._internal.domWrapper.focus");

    [Fact]
    public void The_button_names_the_unread_count_and_shows_it_as_a_badge()
    {
        var cut = RenderBell();

        var button = BellButton(cut);
        Assert.Equal("Notifications, 2 unread", button.GetAttribute("aria-label"));
        Assert.Equal("2", Badge(cut));
        Assert.Equal("true", cut.Find(".cb-bell__badge").GetAttribute("aria-hidden"));
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("[role=dialog]"));

        var james = RenderBell(TestDirectory.OtherTeacher);
        Assert.Equal("Notifications, none unread", BellButton(james).GetAttribute("aria-label"));
        Assert.Null(Badge(james));
    }

    [Fact]
    public async Task The_list_says_what_happened_with_the_student_the_class_time_in_the_teachers_zone_and_how_long_ago()
    {
        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await BookAsStudentAsync(Carl, FreeSlot.Id)).Succeeded);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await WithServiceAsync<BookingService, Result<Booking>>(s =>
            s.CancelAsync(Teacher, AnnasBooking.Id, ActorKind.Student, Anna, "Ill"))).Succeeded);
        Time.Advance(TimeSpan.FromSeconds(30));
        var cut = RenderBell();
        var focusBefore = FocusCalls;

        Open(cut);

        var panel = cut.Find("[role=dialog]");
        Assert.Equal(panel.Id, BellButton(cut).GetAttribute("aria-controls"));
        Assert.Equal("true", BellButton(cut).GetAttribute("aria-expanded"));
        Assert.Equal("Notifications", cut.Find("#" + panel.GetAttribute("aria-labelledby")).TextContent);
        var shown = Notices(cut);
        Assert.Equal(
            [
                ("Anna Lindqvist cancelled a class.", "Class on Sat 11 Apr, 11:00–12:00", "Reason: “Ill”", "just now"),
                ("Carl Nilsson booked a class.", "Class on Thu 9 Apr, 17:00–18:00", "", "5 min ago"),
            ],
            shown[..2]);
        Assert.Equal(
            [
                ("Anna Lindqvist booked a class.", "Class on Sat 11 Apr, 11:00–12:00", "", "15 min ago"),
                ($"{BobName} booked a class.", "Class on Fri 10 Apr, 17:00–18:00", "", "15 min ago"),
            ],
            shown[2..].OrderBy(n => n.What, StringComparer.Ordinal));
        Assert.All(cut.FindAll(".cb-notice"), n => Assert.Equal("Unread:", n.QuerySelector(".cb-visually-hidden")!.TextContent.Trim()));
        Assert.Equal("4", Badge(cut));
        Assert.Contains("Class times in Europe/London.", cut.Find(".cb-bell__footer").TextContent, StringComparison.Ordinal);
        Assert.True(FocusCalls > focusBefore, "Focus did not move into the list.");
    }

    [Fact]
    public void Escape_closes_the_list_and_gives_focus_back_to_the_button()
    {
        var cut = Open(RenderBell());
        var focusBefore = FocusCalls;

        cut.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Equal("false", BellButton(cut).GetAttribute("aria-expanded"));
        Assert.True(FocusCalls > focusBefore, "Focus did not return to the bell.");

        // The button opens and closes it too.
        BellButton(cut).Click();
        Assert.Single(cut.FindAll("[role=dialog]"));
        BellButton(cut).Click();
        Assert.Empty(cut.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task Selecting_an_unread_notice_marks_it_read_and_Mark_all_read_marks_the_rest()
    {
        var cut = Open(RenderBell());
        var first = cut.FindAll(".cb-notice")[0];
        var firstId = Guid.Parse(first.GetAttribute("data-notice-id")!);

        first.Click();

        cut.WaitForAssertion(() => Assert.Equal("1", Badge(cut)), Wait);
        var read = cut.Find($".cb-notice[data-notice-id='{firstId}']");
        Assert.Equal(("true", "true"), (read.GetAttribute("data-read"), read.GetAttribute("aria-disabled")));
        Assert.DoesNotContain("cb-notice--unread", read.ClassList);
        Assert.Equal("Notifications, 1 unread", BellButton(cut).GetAttribute("aria-label"));
        var stored = await WithServiceAsync<TeacherNoticeService, TeacherNoticePage>(s => s.GetNoticesAsync(Teacher));
        Assert.Equal((1, true), (stored.UnreadCount, stored.Notices.Single(n => n.Id == firstId).IsRead));

        cut.FindAll("button").Single(b => b.TextContent == "Mark all read").Click();

        cut.WaitForAssertion(() => Assert.Null(Badge(cut)), Wait);
        Assert.Equal("Notifications, none unread", BellButton(cut).GetAttribute("aria-label"));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent == "Mark all read").HasAttribute("disabled"));
        Assert.All(cut.FindAll(".cb-notice"), n => Assert.Equal("true", n.GetAttribute("data-read")));
        Assert.Equal("Marked 1 notice read.", LiveRegion(cut));
        Assert.Equal(0, (await WithServiceAsync<TeacherNoticeService, TeacherNoticePage>(s => s.GetNoticesAsync(Teacher))).UnreadCount);
    }

    [Fact]
    public async Task The_poll_shows_a_booking_made_elsewhere_at_the_next_tick()
    {
        Time.Advance(TimeSpan.FromMinutes(1)); // so the new notice is the newest
        var cut = Open(RenderBell());

        // Another host instance (or request) books: only the shared database knows.
        Assert.True((await BookAsStudentAsync(Carl, FreeSlot.Id)).Succeeded);
        Assert.Equal("2", Badge(cut));

        Time.Advance(Tick);

        cut.WaitForAssertion(() => Assert.Equal("3", Badge(cut)), Wait);
        Assert.Equal("Notifications, 3 unread", BellButton(cut).GetAttribute("aria-label"));
        Assert.Equal(("Carl Nilsson booked a class.", "Class on Thu 9 Apr, 17:00–18:00", "", "just now"), Notices(cut)[0]);
        Assert.Equal("New notice: Carl Nilsson booked a class. Class on Thu 9 Apr, 17:00–18:00.", LiveRegion(cut));
    }

    [Fact]
    public async Task A_read_the_busy_database_cannot_answer_keeps_what_the_bell_shows_and_a_later_tick_catches_up()
    {
        var cut = Open(RenderBell());
        var before = Notices(cut);

        using (Database.LockExclusively())
        {
            Time.Advance(Tick);

            cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".cb-bell").GetAttribute("data-stale")), Wait);
            Assert.Equal("2", Badge(cut));
            Assert.Equal(before, Notices(cut));
            Assert.Equal(NoticeText.Stale, cut.Find(".cb-bell__stale").TextContent);
        }

        Assert.True((await BookAsStudentAsync(Carl, FreeSlot.Id)).Succeeded);
        Time.Advance(Tick);

        cut.WaitForAssertion(() => Assert.Equal("3", Badge(cut)), Wait);
        Assert.Equal("false", cut.Find(".cb-bell").GetAttribute("data-stale"));
        Assert.Empty(cut.FindAll(".cb-bell__stale"));
    }

    [Fact]
    public async Task A_message_that_could_not_be_delivered_says_to_whom_and_why()
    {
        // The delivery gives up on Bob's confirmation, as it does when the mail server refuses it for good.
        var outbox = Services.GetRequiredService<INotificationDeliveryStore>();
        var leased = await outbox.LeaseDueAsync("bell-test", Now, TimeSpan.FromMinutes(2), 20, CancellationToken.None);
        var confirmation = leased.Single(n => n.StudentId == BobId && n.Kind == BookingEmailKind.BookingConfirmed);
        Assert.True(await outbox.CompleteAsync(confirmation.Id, "bell-test", NotificationStatus.Dead, Now, "550 5.1.1 No such user.", CancellationToken.None));

        var cut = Open(RenderBell());

        Assert.Equal("3", Badge(cut));
        var failed = cut.Find($".cb-notice[data-notice-id='{confirmation.Id}']");
        Assert.Contains("cb-notice--failed", failed.ClassList);
        Assert.Equal($"The confirmation to {BobName} could not be sent: 550 5.1.1 No such user.", Part(failed, ".cb-notice__what"));
        Assert.Equal("Class on Fri 10 Apr, 17:00–18:00", Part(failed, ".cb-notice__class"));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 min ago")]
    [InlineData(59 * 60 + 59, "59 min ago")]
    [InlineData(3 * 3600 + 120, "3 h ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(3 * 86400 + 5, "3 days ago")]
    [InlineData(10 * 86400, "on Sun 29 Mar")]
    public void How_long_ago_is_worded_by_the_elapsed_time(int seconds, string expected) =>
        Assert.Equal(expected, NoticeText.Ago(Now.AddSeconds(-seconds), Now, "Europe/London"));
}
