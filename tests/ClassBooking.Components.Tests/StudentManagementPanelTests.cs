using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Students;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.Components.Tests;

/// <summary>
/// Maria's students panel over the real services and SQLite store (see <see cref="PortalTestBase"/>): Anna has a live
/// link (issued in the set-up), Bob and Carl have none; James's student must never appear.
/// </summary>
public sealed partial class StudentManagementPanelTests : PortalTestBase
{
    private const string Carl = "Carl Nilsson";
    private const string AnnaName = "Anna Lindqvist";

    private IRenderedComponent<StudentManagementPanel> RenderPanel(string teacherId = Teacher, string? linkBaseUrl = null)
    {
        var cut = Render<StudentManagementPanel>(p =>
        {
            p.Add(x => x.TeacherId, teacherId);
            p.Add(x => x.LinkBaseUrl, linkBaseUrl);
        });
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading your students", cut.Markup, StringComparison.Ordinal), Wait);
        return cut;
    }

    private static IElement Card(IRenderedComponent<StudentManagementPanel> cut, string studentId) =>
        cut.Find($"article[data-student-id='{studentId}']");

    private static string LinkState(IRenderedComponent<StudentManagementPanel> cut, string studentId) =>
        Card(cut, studentId).QuerySelector("[data-link-state]")!.GetAttribute("data-link-state")!;

    private static IElement Button(IRenderedComponent<StudentManagementPanel> cut, string label) =>
        cut.Find($"button[aria-label='{label}']");

    private static IElement LinkInput(IRenderedComponent<StudentManagementPanel> cut, string studentName)
    {
        var label = cut.FindAll("label").Single(l => l.TextContent.Trim() == $"Booking link for {studentName}");
        return cut.Find("#" + label.GetAttribute("for"));
    }

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private Task<Result<ShareTokenGrant>> ResolveAsync(string token) =>
        WithServiceAsync<ShareTokenService, Result<ShareTokenGrant>>(s => s.ResolveAsync(token, recordUse: false));

    [Fact]
    public async Task It_lists_the_teachers_students_with_their_link_state_and_never_another_teachers()
    {
        Assert.True((await WithServiceAsync<ShareTokenService, Result<IssuedShareToken>>(s =>
            s.IssueAsync(TestDirectory.OtherTeacher, TestDirectory.OtherTeachersStudent))).Succeeded);

        var cut = RenderPanel();

        Assert.Equal("true", cut.Find(".cb-panel").GetAttribute("data-interactive"));
        Assert.Equal([AnnaName, BobName, Carl], cut.FindAll("article h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain(TestDirectory.OtherTeachersStudentName, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(TestDirectory.OtherTeachersStudent, cut.Markup, StringComparison.Ordinal);
        Assert.Equal("active", LinkState(cut, Anna));
        Assert.Equal("Active · created Wed 8 Apr 2026 · expires Mon 5 Oct 2026", Card(cut, Anna).QuerySelector(".cb-link-status")!.TextContent);
        Assert.Equal("none", LinkState(cut, BobId));
        Assert.Equal("No link yet", Card(cut, BobId).QuerySelector(".cb-link-status")!.TextContent);
        Assert.NotNull(Button(cut, $"Regenerate link for {AnnaName}"));
        Assert.NotNull(Button(cut, $"Revoke link for {AnnaName}"));
        Assert.NotNull(Button(cut, $"Create link for {BobName}"));
        Assert.Empty(Card(cut, Anna).QuerySelectorAll("button[aria-label^='Create link']"));
        Assert.Empty(cut.FindAll("input[type=text]")); // no link is shown until one is made
        Assert.Contains("Times are in Europe/London", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("polite", cut.Find("[role=status]").GetAttribute("aria-live"));

        var james = RenderPanel(TestDirectory.OtherTeacher);
        Assert.Equal([TestDirectory.OtherTeachersStudentName], james.FindAll("article h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain(AnnaName, james.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(BobName, james.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_link_shows_its_full_url_once_in_a_labelled_read_only_field()
    {
        var cut = RenderPanel();

        Button(cut, $"Create link for {Carl}").Click();

        cut.WaitForAssertion(() => Assert.Equal("active", LinkState(cut, "student-carl")), Wait);
        var input = LinkInput(cut, Carl);
        var url = input.GetAttribute("value")!;
        Assert.True(input.HasAttribute("readonly"));
        Assert.Matches(LinkPattern(), url);
        Assert.StartsWith("http://localhost/book/maria-keller/", url, StringComparison.Ordinal);
        var grant = await ResolveAsync(TokenOf(url));
        Assert.True(grant.Succeeded);
        Assert.Equal((Teacher, "student-carl"), (grant.Value.TeacherId, grant.Value.StudentId));
        Assert.Contains($"Created a booking link for {Carl}.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Shown only now", cut.Find("#" + input.GetAttribute("aria-describedby")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(Button(cut, $"Regenerate link for {Carl}"));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus"); // focus moves to the new link

        // The token is stored only as a hash: a fresh panel cannot show the link again, only its state.
        var later = RenderPanel();
        Assert.Equal("active", LinkState(later, "student-carl"));
        Assert.Empty(later.FindAll("input[type=text]"));
        Assert.DoesNotContain(TokenOf(url), later.Markup, StringComparison.Ordinal);

        // Hiding the link takes it off this panel too.
        Button(cut, $"Hide link for {Carl}").Click();
        Assert.Empty(cut.FindAll("input[type=text]"));
    }

    [Fact]
    public async Task Regenerating_asks_first_then_kills_the_old_link_and_shows_the_new_one()
    {
        var cut = RenderPanel();

        Button(cut, $"Regenerate link for {AnnaName}").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal($"Regenerate the link for {AnnaName}?", cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        Assert.Contains("stops working at once", dialog.TextContent, StringComparison.Ordinal);

        // Keeping the link changes nothing.
        cut.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Keep the current link").Click();
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.True((await ResolveAsync(Token)).Succeeded);

        Button(cut, $"Regenerate link for {AnnaName}").Click();
        cut.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Regenerate link").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("input[type=text]")), Wait);
        Assert.Empty(cut.FindAll("[role=dialog]"));
        var url = LinkInput(cut, AnnaName).GetAttribute("value")!;
        Assert.NotEqual(Token, TokenOf(url));
        Assert.Equal(ErrorCodes.InvalidToken, (await ResolveAsync(Token)).Error?.Code);
        Assert.Equal(Anna, (await ResolveAsync(TokenOf(url))).Value.StudentId);
        Assert.Contains("The old link no longer works.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_asks_first_then_the_link_stops_working_and_a_new_one_can_be_created()
    {
        var cut = RenderPanel();

        Button(cut, $"Revoke link for {AnnaName}").Click();
        Assert.Equal($"Revoke the link for {AnnaName}?", cut.Find("[role=dialog] h2").TextContent);
        cut.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Revoke link").Click();

        cut.WaitForAssertion(() => Assert.Equal("none", LinkState(cut, Anna)), Wait);
        Assert.Equal(ErrorCodes.InvalidToken, (await ResolveAsync(Token)).Error?.Code);
        Assert.NotNull(Button(cut, $"Create link for {AnnaName}"));
        Assert.Contains($"Revoked the booking link for {AnnaName}.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_colour_is_a_labelled_radio_group_of_the_palette_and_a_choice_is_stored()
    {
        var cut = RenderPanel();
        var fieldset = Card(cut, BobId).QuerySelector("fieldset")!;
        Assert.Equal($"Colour for {BobName}", fieldset.QuerySelector("legend")!.TextContent);
        var radios = fieldset.QuerySelectorAll("input[type=radio]");
        Assert.Equal(StudentColors.Keys, radios.Select(r => r.GetAttribute("value")));
        Assert.Equal(StudentColors.Named.Select(c => c.Name), radios.Select(r => r.ParentElement!.TextContent.Trim())); // each radio's label
        Assert.Equal(StudentColors.DefaultFor(BobId).Key, Assert.Single(radios, r => r.HasAttribute("checked")).GetAttribute("value"));
        Assert.Single(radios.Select(r => r.GetAttribute("name")).Distinct());
        var teal = StudentColors.Find("teal")!;
        Assert.NotEqual(teal.Key, StudentColors.DefaultFor(BobId).Key);

        Card(cut, BobId).QuerySelector("input[value='teal']")!.Change(true);

        cut.WaitForAssertion(() => Assert.Contains($"{BobName} is now shown in teal.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal), Wait);
        var stored = await WithServiceAsync<StudentColorService, IReadOnlyDictionary<string, StudentColorChoice>>(s => s.GetColorsAsync(Teacher));
        Assert.Equal(("teal", true), (stored[BobId].Key, stored[BobId].IsChosen));
        Assert.Contains(teal.Pair.Background, Card(cut, BobId).QuerySelector(".cb-student-links__chip")!.GetAttribute("style"), StringComparison.Ordinal);

        // A fresh panel (a reload) shows the stored choice checked; the teacher's week uses it too.
        var later = RenderPanel();
        Assert.Equal("teal", Card(later, BobId).QuerySelector("input[type=radio][checked]")!.GetAttribute("value"));
        var week = await WithServiceAsync<TimeSlotService, IReadOnlyList<TeacherSlotView>>(s =>
            s.GetTeacherViewAsync(Teacher, new TimeRange(Now, Now.AddDays(7))));
        Assert.Equal(teal.Pair, week.SelectMany(v => v.Bookings).Single(b => b.Booking.StudentId == BobId).Color);
    }

    [Fact]
    public async Task The_usage_log_shows_recent_uses_in_the_teachers_zone_and_counts_only_the_last_30_days()
    {
        await WithServiceAsync<ShareTokenService, Result<ShareTokenGrant>>(s =>
            s.ResolveAsync(Token, new RequestOrigin("203.0.113.9", "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0")));
        Time.Advance(TimeSpan.FromDays(31));
        await WithServiceAsync<ShareTokenService, Result<ShareTokenGrant>>(s =>
            s.ResolveAsync(Token, new RequestOrigin("198.51.100.4", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1")));
        Time.Advance(TimeSpan.FromMinutes(20));
        await WithServiceAsync<ShareTokenService, Result<ShareTokenGrant>>(s =>
            s.ResolveAsync(Token, new RequestOrigin("198.51.100.5", "Mozilla/5.0 (Linux; Android 15) Chrome/131.0 Mobile")));

        var cut = RenderPanel();

        // Now is Saturday 9 May 2026 12:20 UTC, 13:20 in London (BST).
        var usage = Card(cut, Anna).QuerySelector(".cb-usage")!;
        Assert.Equal("Link use, last 30 days", usage.QuerySelector("h3")!.TextContent);
        Assert.Equal("2", usage.QuerySelector("[data-usage=uses]")!.TextContent.Trim());
        Assert.Equal("2", usage.QuerySelector("[data-usage=devices]")!.TextContent.Trim());
        var last = usage.QuerySelector("[data-usage=last-used] time")!;
        Assert.Equal("Sat 9 May 2026, 13:20", last.TextContent);
        Assert.Equal("2026-05-09T13:20+01:00", last.GetAttribute("datetime"));
        var uses = usage.QuerySelectorAll(".cb-usage__list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Sat 9 May 2026, 13:20 · Chrome on Android", "Sat 9 May 2026, 13:00 · Safari on iPhone"], uses);
        Assert.DoesNotContain("Firefox", usage.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100", cut.Markup, StringComparison.Ordinal);

        var bob = Card(cut, BobId).QuerySelector(".cb-usage")!;
        Assert.Equal("0", bob.QuerySelector("[data-usage=uses]")!.TextContent.Trim());
        Assert.Contains("Not in the last 30 days", bob.TextContent, StringComparison.Ordinal);
        Assert.Null(bob.QuerySelector("details"));
    }

    [Fact]
    public void Copy_uses_the_clipboard_module_and_confirms_visibly()
    {
        var module = JSInterop.SetupModule(Clipboard.ModulePath);
        module.Setup<bool>("copyText", _ => true).SetResult(true);
        var cut = RenderPanel();
        Button(cut, $"Create link for {Carl}").Click();
        cut.WaitForAssertion(() => LinkInput(cut, Carl), Wait);

        Button(cut, $"Copy link for {Carl}").Click();

        cut.WaitForAssertion(() => Assert.Equal("Copied", cut.Find("[data-copy-state=copied]").TextContent.Replace("✓", "", StringComparison.Ordinal).Trim()), Wait);
        Assert.Contains($"Copied the link for {Carl}.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var call = Assert.Single(module.Invocations, i => i.Identifier == "copyText");
        Assert.Single(call.Arguments); // the input element
    }

    [Fact]
    public void When_the_browser_refuses_to_copy_the_link_is_selected_and_the_teacher_is_told_to_copy_it()
    {
        var module = JSInterop.SetupModule(Clipboard.ModulePath);
        module.Setup<bool>("copyText", _ => true).SetResult(false);
        var cut = RenderPanel();
        Button(cut, $"Create link for {Carl}").Click();
        cut.WaitForAssertion(() => LinkInput(cut, Carl), Wait);

        Button(cut, $"Copy link for {Carl}").Click();

        cut.WaitForAssertion(() => Assert.Contains("press Ctrl+C", cut.Find("[data-copy-state=selected]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(cut.FindAll("[data-copy-state=copied]"));
        Assert.Contains("did not let the page copy", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_e_mail_link_addresses_the_student_with_the_link_in_its_body()
    {
        var cut = RenderPanel();
        Button(cut, $"Create link for {Carl}").Click();
        cut.WaitForAssertion(() => LinkInput(cut, Carl), Wait);
        var url = LinkInput(cut, Carl).GetAttribute("value")!;

        var mail = cut.Find($"a[aria-label='E-mail link to {Carl}']");

        Assert.Equal("E-mail link", mail.TextContent.Trim());
        var href = mail.GetAttribute("href")!;
        Assert.StartsWith("mailto:carl@example.test?subject=", href, StringComparison.Ordinal);
        var query = href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("Your link to book classes with Maria Keller", query["subject"]);
        Assert.Contains(url, query["body"], StringComparison.Ordinal);
        Assert.StartsWith("Hi Carl,", query["body"], StringComparison.Ordinal);
        Assert.DoesNotContain("+", href, StringComparison.Ordinal); // spaces are %20 in mailto links
    }

    [Fact]
    public async Task Links_start_with_the_given_base_url()
    {
        var cut = RenderPanel(linkBaseUrl: "https://lessons.example/app/");

        Button(cut, $"Create link for {BobName}").Click();

        cut.WaitForAssertion(() => LinkInput(cut, BobName), Wait);
        var url = LinkInput(cut, BobName).GetAttribute("value")!;
        Assert.StartsWith("https://lessons.example/app/book/maria-keller/", url, StringComparison.Ordinal);
        Assert.True((await ResolveAsync(TokenOf(url))).Succeeded);
    }

    [Fact]
    public void Every_control_is_a_native_button_link_or_input_with_a_name()
    {
        var cut = RenderPanel();
        Button(cut, $"Create link for {Carl}").Click();
        cut.WaitForAssertion(() => LinkInput(cut, Carl), Wait);

        Assert.All(cut.FindAll("button"), b =>
        {
            Assert.Equal("button", b.GetAttribute("type"));
            Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label") ?? b.TextContent));
        });
        Assert.All(cut.FindAll("input[type=radio]"), r => Assert.Equal("label", r.ParentElement!.TagName.ToLowerInvariant()));
        Assert.All(cut.FindAll("input[type=text]"), i => Assert.Single(cut.FindAll($"label[for='{i.Id}']")));
        Assert.Empty(cut.FindAll("[tabindex]:not([tabindex='0']):not([tabindex='-1'])"));
        Assert.Empty(cut.FindAll("div[onclick], span[onclick]"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Gecko/20100101 Firefox/128.0", "Firefox on Mac")]
    [InlineData("curl/8.5.0", "Other browser")]
    [InlineData(null, "Unknown device")]
    public void Clients_are_described_briefly(string? userAgent, string expected) =>
        Assert.Equal(expected, StudentManagementPanel.DescribeClient(userAgent));

    [GeneratedRegex("^http://localhost/book/maria-keller/[A-Za-z0-9_-]{43}$")]
    private static partial Regex LinkPattern();
}
