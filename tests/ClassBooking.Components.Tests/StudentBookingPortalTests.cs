using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.Components.Tests;

public sealed class StudentBookingPortalTests : PortalTestBase
{
    [Fact]
    public void The_week_shows_free_own_and_unavailable_slots_in_the_students_zone()
    {
        var cut = RenderPortal();

        Assert.Contains("Book a class with Maria Keller", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", cut.Find(".cb-portal__zone").TextContent, StringComparison.Ordinal);
        Assert.Contains("Europe/London", cut.Find(".cb-portal__zone").TextContent, StringComparison.Ordinal);
        Assert.Equal("6 April – 12 April 2026", cut.Find("#cb-week-title").TextContent);

        var thursday = cut.Find("li.cb-day[data-date='2026-04-09']");
        var available = Assert.Single(thursday.QuerySelectorAll("[data-status=available]"));
        Assert.Equal("BUTTON", available.TagName);
        Assert.Contains("18:00–19:00", available.TextContent, StringComparison.Ordinal); // 16:00 UTC in Berlin (CEST)
        Assert.Equal("Book Thursday 9 April, 18:00–19:00", available.GetAttribute("aria-label"));

        var friday = cut.Find("li.cb-day[data-date='2026-04-10']");
        var unavailable = Assert.Single(friday.QuerySelectorAll("[data-status=unavailable]"));
        Assert.Equal("SPAN", unavailable.TagName);
        Assert.Equal("18:00–19:00Unavailable", unavailable.TextContent.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));

        var saturday = cut.Find("li.cb-day[data-date='2026-04-11']");
        var booked = Assert.Single(saturday.QuerySelectorAll("[data-status=booked]"));
        Assert.Contains("12:00–13:00", booked.TextContent, StringComparison.Ordinal);
        Assert.Contains("Booked by you", booked.TextContent, StringComparison.Ordinal);

        Assert.Equal(7, cut.FindAll("li.cb-day").Count);
        Assert.Contains("Book at least 12 hours and at most 8 weeks ahead.", cut.Find(".cb-policy").TextContent, StringComparison.Ordinal);
        Assert.Contains("until 24 hours before it starts", cut.Find(".cb-policy").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sat 11 Apr, 12:00–13:00", cut.Find(".cb-mine").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find(".cb-portal").GetAttribute("data-interactive"));
    }

    [Fact]
    public void The_portal_does_not_claim_interactivity_while_prerendering()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", false));

        var cut = RenderPortal();

        Assert.Equal("false", cut.Find(".cb-portal").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task The_interactive_render_records_no_second_use_of_the_link()
    {
        // No HttpContext: this is the render that follows the server-rendered request, which recorded the use.
        var cut = RenderPortal();
        cut.WaitForAssertion(() => Assert.Contains("Maria Keller", cut.Find("h1").TextContent, StringComparison.Ordinal), Wait);

        var uses = await WithServiceAsync<ShareTokenService, IReadOnlyList<TokenAccess>>(s =>
            s.GetAccessLogAsync(Teacher, Anna, new TimeRange(Now.AddDays(-1), Now.AddDays(1))));

        Assert.Empty(uses);
    }

    [Fact]
    public void Week_navigation_moves_a_week_at_a_time()
    {
        var cut = RenderPortal();

        cut.Find("button[aria-label='Next week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-week-title").TextContent), Wait);
        var tuesday = cut.Find("li.cb-day[data-date='2026-04-14']");
        Assert.Contains("18:00–19:00", Assert.Single(tuesday.QuerySelectorAll("[data-status=available]")).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-status=booked]"));
        Assert.Contains("Showing the week of 13 April – 19 April 2026", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Previous week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("6 April – 12 April 2026", cut.Find("#cb-week-title").TextContent), Wait);
        cut.Find("button[aria-label='Previous week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("30 March – 5 April 2026", cut.Find("#cb-week-title").TextContent), Wait);
        Assert.Empty(cut.FindAll(".cb-slot"));
    }

    [Fact]
    public async Task Booking_through_the_confirmation_dialog_books_and_refreshes_the_week()
    {
        var cut = RenderPortal();

        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Contains("Thursday 9 April 2026", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("18:00–19:00", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Maria Keller", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bring your scales", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("You can cancel a class online until 24 hours before it starts.", dialog.TextContent, StringComparison.Ordinal);

        cut.Find("[role=dialog] .cb-button--primary").Click();

        cut.WaitForAssertion(() => Assert.Contains("is booked", cut.Find("[role=dialog]").TextContent, StringComparison.Ordinal), Wait);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.cb-day[data-date='2026-04-09'] [data-status=booked]")), Wait);
        // The confirm button is gone, so focus goes back to the dialog (opening, then after the result).
        cut.WaitForAssertion(() => Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "Blazor._internal.domWrapper.focus")), Wait);
        Assert.StartsWith("Booked: Thu 9 Apr, 18:00–19:00 with Maria Keller", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Thu 9 Apr, 18:00–19:00", cut.Find(".cb-mine").TextContent, StringComparison.Ordinal);
        var booking = await FindBookingAsync(FreeSlot.Id, Anna);
        Assert.Equal(BookingStatus.Confirmed, booking?.Status);
    }

    [Fact]
    public async Task A_class_taken_while_the_dialog_is_open_is_explained_and_shown_unavailable()
    {
        var cut = RenderPortal();
        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();

        var carl = await WithServiceAsync<BookingService, Result<Booking>>(b => b.BookAsync(Teacher, "student-carl", FreeSlot.Id));
        Assert.True(carl.Succeeded);
        cut.Find("[role=dialog] .cb-button--primary").Click();

        cut.WaitForAssertion(() =>
        {
            var alert = cut.Find("[role=dialog] [role=alert]");
            Assert.Contains("Just taken", alert.TextContent, StringComparison.Ordinal);
            Assert.Contains("this class was just taken", alert.TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.Empty(cut.FindAll("[role=dialog] .cb-button--primary"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.cb-day[data-date='2026-04-09'] [data-status=unavailable]")), Wait);
        Assert.StartsWith("Not booked.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Null(await FindBookingAsync(FreeSlot.Id, Anna));
    }

    [Fact]
    public async Task Too_late_and_weekly_limit_refusals_are_explained_in_plain_words()
    {
        // The policy changes after the page loaded: a weekly limit of 1, which Anna's Saturday class already uses.
        var cut = RenderPortal();
        await WithServiceAsync<TeacherPolicyService, Result<TeacherPolicy>>(p => p.UpdateAsync(Teacher,
            new TeacherPolicyUpdate("Europe/London", TimeSpan.FromHours(12), TimeSpan.FromDays(56), TimeSpan.FromHours(24), TimeSpan.Zero, TimeSpan.Zero, 1)));

        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();
        cut.Find("[role=dialog] .cb-button--primary").Click();

        cut.WaitForAssertion(() => Assert.Contains("Weekly limit reached", cut.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("You can book 1 class per week", cut.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Null(await FindBookingAsync(FreeSlot.Id, Anna));

        // The clock moves on to 6 hours before the Thursday class: inside the 12 hours' notice.
        cut.Find("[role=dialog] .cb-button--quiet").Click();
        Time.SetUtcNow(new DateTimeOffset(2026, 4, 9, 10, 0, 0, TimeSpan.Zero));
        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();
        cut.Find("[role=dialog] .cb-button--primary").Click();
        cut.WaitForAssertion(() => Assert.Contains("Too late to book", cut.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("at least 12 hours before they start", cut.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_outside_the_window_cancels_the_booking()
    {
        var cut = RenderPortal();

        cut.Find("li.cb-day[data-date='2026-04-11'] [data-status=booked]").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Contains("Cancel this class?", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("You can still cancel this class until Friday 10 April 2026, 12:00.", dialog.TextContent, StringComparison.Ordinal);

        cut.Find("[role=dialog] .cb-button--danger").Click();

        cut.WaitForAssertion(() => Assert.Contains("Class cancelled", cut.Find("[role=dialog] h2").TextContent, StringComparison.Ordinal), Wait);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.cb-day[data-date='2026-04-11'] [data-status=available]")), Wait);
        Assert.Contains("You have no upcoming classes.", cut.Find(".cb-mine").TextContent, StringComparison.Ordinal);
        Assert.Contains("Cancelled", cut.Find(".cb-history").TextContent, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, (await FindBookingAsync(AnnasSlot.Id, Anna))?.Status);
    }

    [Fact]
    public async Task Cancelling_inside_the_window_is_refused_with_the_policy_and_cancels_nothing()
    {
        // 22 hours before Anna's Saturday class: inside the 24-hour window.
        Time.SetUtcNow(new DateTimeOffset(2026, 4, 10, 12, 0, 0, TimeSpan.Zero));
        var cut = RenderPortal();

        cut.Find(".cb-mine button").Click();

        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("This class can no longer be cancelled online", dialog.QuerySelector("h2")!.TextContent);
        Assert.Contains("Too late to cancel online", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("Classes can be cancelled until 24 hours before they start. Please contact your teacher.", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("You can cancel a class online until 24 hours before it starts.", dialog.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=dialog] .cb-button--danger"));
        Assert.Equal(BookingStatus.Confirmed, (await FindBookingAsync(AnnasSlot.Id, Anna))?.Status);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void An_invalid_link_shows_the_friendly_page(string token)
    {
        var cut = RenderPortal(token);

        Assert.Equal("This link no longer works", cut.Find("h1").TextContent);
        Assert.Contains("This link no longer works — ask your teacher for a new link.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".cb-days"));
        Assert.DoesNotContain("Maria Keller", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_interactive_render_keeps_a_too_many_attempts_answer_of_the_prerendered_page_for_that_link_only(bool sameLink)
    {
        // The prerendered request was refused by the failed-link guard (it knows the client's address); the
        // interactive render has no address and must not turn that answer into "this link no longer works".
        const string guessed = "guessAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var message = "Too many invalid booking links were tried from your network. Please try again in 10 minutes, or ask your teacher for a new link.";
        var handedOver = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["ClassBooking.StudentBookingPortal.Refusal"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { Token = guessed, Message = message }),
        };
        await Services.GetRequiredService<Microsoft.AspNetCore.Components.Infrastructure.ComponentStatePersistenceManager>()
            .RestoreStateAsync(new HandedOverState(handedOver));

        var cut = RenderPortal(sameLink ? guessed : "otherAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(sameLink ? "Too many attempts" : "This link no longer works", cut.Find("h1").TextContent);
        Assert.Equal(sameLink, cut.Markup.Contains(message, StringComparison.Ordinal));
    }

    private sealed class HandedOverState(IDictionary<string, byte[]> state) : Microsoft.AspNetCore.Components.IPersistentComponentStateStore
    {
        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_regenerated_link_stops_working_at_once()
    {
        await WithServiceAsync<ShareTokenService, Result<IssuedShareToken>>(s => s.RegenerateAsync(Teacher, Anna));

        var cut = RenderPortal();

        Assert.Equal("This link no longer works", cut.Find("h1").TextContent);
    }

    [Fact]
    public void No_other_students_name_id_email_or_slot_note_is_in_the_markup()
    {
        var cut = RenderPortal();
        var pages = new List<string> { cut.Markup };
        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();
        pages.Add(cut.Markup);
        cut.Find("[role=dialog] .cb-button--quiet").Click();
        cut.Find("button[aria-label='Next week']").Click();
        cut.WaitForAssertion(() => Assert.Equal("13 April – 19 April 2026", cut.Find("#cb-week-title").TextContent), Wait);
        pages.Add(cut.Markup);

        // Bob's class is there, as "unavailable" and nothing more.
        Assert.Contains("data-status=\"unavailable\"", pages[0], StringComparison.Ordinal);
        foreach (var markup in pages)
        {
            foreach (var secret in new[] { BobName, "Bobbington", BobId, "7f3a", BobEmail, BobsSlotNote, "audition", BobsSlot.Id.ToString() })
            {
                Assert.DoesNotContain(secret, markup, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Dialogs_are_labelled_modal_take_focus_and_close_on_Escape_returning_focus()
    {
        var cut = RenderPortal();

        cut.Find("li.cb-day[data-date='2026-04-09'] [data-status=available]").Click();

        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        var title = cut.Find($"#{dialog.GetAttribute("aria-labelledby")}");
        Assert.Equal("Book this class?", title.TextContent);
        Assert.NotNull(cut.Find($"#{dialog.GetAttribute("aria-describedby")}"));
        var focusedDialog = JSInterop.VerifyFocusAsyncInvoke();
        focusedDialog.Arguments[0].ShouldBeElementReferenceTo(dialog);
        Assert.All(cut.FindAll("button"), b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label") ?? b.TextContent)));

        dialog.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Single(cut.FindAll("[role=dialog]"));
        dialog.KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        var calls = JSInterop.VerifyFocusAsyncInvoke(calledTimes: 2);
        // Focus goes back to the opener (the dialog is gone, so not to it); the browser check confirms it lands on the slot.
        var returned = Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(calls[1].Arguments[0]);
        Assert.NotEqual(Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(calls[0].Arguments[0]).Id, returned.Id);
    }

    [Fact]
    public void The_cancellation_dialog_is_labelled_and_closes_on_Escape()
    {
        var cut = RenderPortal();

        cut.Find(".cb-mine button").Click();
        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Cancel this class?", cut.Find($"#{dialog.GetAttribute("aria-labelledby")}").TextContent);

        dialog.KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.Single(cut.FindAll("[data-status=booked]"));
    }
}
