using ClassBooking.Core.Notifications;

namespace ClassBooking.Components.Tests;

/// <summary>The teacher's choice of booking e-mails over the real services and SQLite store (see <see cref="PortalTestBase"/>).</summary>
public sealed class EmailSettingsPanelTests : PortalTestBase
{
    private IRenderedComponent<EmailSettingsPanel> RenderPanel(string teacherId = Teacher)
    {
        var cut = Render<EmailSettingsPanel>(p => p.Add(x => x.TeacherId, teacherId));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading", cut.Markup, StringComparison.Ordinal), Wait);
        return cut;
    }

    private static bool Sends(IRenderedComponent<EmailSettingsPanel> cut, BookingEmailKind kind) =>
        cut.Find($"input[data-kind='{kind}']").HasAttribute("checked");

    private Task<IReadOnlySet<BookingEmailKind>> StoredAsync(string teacherId = Teacher) =>
        WithServiceAsync<NotificationPreferenceService, IReadOnlySet<BookingEmailKind>>(s => s.GetMutedAsync(teacherId));

    [Fact]
    public void Every_kind_is_on_at_first_each_with_its_label()
    {
        var cut = RenderPanel();

        Assert.All(Enum.GetValues<BookingEmailKind>(), kind => Assert.True(Sends(cut, kind), $"{kind} should be on"));
        Assert.Equal(["To your students", "To you"], cut.FindAll("legend").Select(l => l.TextContent));
        var reminder = cut.Find($"input[data-kind='{BookingEmailKind.Reminder}']");
        Assert.Equal("Reminders before each class", cut.Find($"label[for='{reminder.Id}']").TextContent);
        Assert.Equal("true", cut.Find(".cb-email-settings").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task Switching_kinds_off_and_saving_stores_them_and_a_new_render_shows_them_off()
    {
        var cut = RenderPanel();

        cut.Find($"input[data-kind='{BookingEmailKind.Reminder}']").Change(false);
        cut.Find($"input[data-kind='{BookingEmailKind.TeacherStudentBooked}']").Change(false);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Saved. 2 kinds are switched off.", cut.Find("[role=status]").TextContent), Wait);
        Assert.Equal([BookingEmailKind.Reminder, BookingEmailKind.TeacherStudentBooked], (await StoredAsync()).Order());
        Assert.Empty(await StoredAsync(TestDirectory.OtherTeacher));
        var again = RenderPanel();
        Assert.False(Sends(again, BookingEmailKind.Reminder));
        Assert.False(Sends(again, BookingEmailKind.TeacherStudentBooked));
        Assert.True(Sends(again, BookingEmailKind.BookingConfirmed));

        again.Find($"input[data-kind='{BookingEmailKind.Reminder}']").Change(true);
        again.Find("form").Submit();
        again.WaitForAssertion(() => Assert.Equal("Saved. 1 kind is switched off.", again.Find("[role=status]").TextContent), Wait);
        Assert.Equal([BookingEmailKind.TeacherStudentBooked], await StoredAsync());
    }
}
