using AngleSharp.Dom;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;

namespace ClassBooking.Components.Tests;

/// <summary>Maria (Europe/London) has a free class on Thursday 9 April 17:00–18:00 local; "now" is 8 April.</summary>
public sealed class AvailabilityModalTests : PortalTestBase
{
    private IRenderedComponent<AvailabilityModal> RenderModal()
    {
        var cut = Render<AvailabilityModal>(p => p.Add(x => x.TeacherId, Teacher));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("input[type=date]")), Wait);
        return cut;
    }

    /// <summary>Every Thursday at 17:00 for 2 weeks from 9 April: the 9th conflicts, the 16th is free.</summary>
    private static void FillThursdaysForTwoWeeks(IRenderedComponent<AvailabilityModal> cut)
    {
        cut.FindAll("input[type=checkbox]")[3].Change(true); // Monday first: Thursday is the fourth
        cut.Find("input[type=date]").Change("2026-04-09");
        cut.Find("input[type=time]").Change("17:00");
        cut.Find("select").Change("2");
    }

    private static IElement Button(IRenderedComponent<AvailabilityModal> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private Task<int> SlotsOnAsync(DateTimeOffset from, DateTimeOffset to) =>
        WithServiceAsync<TimeSlotService, int>(async s => (await s.GetTeacherViewAsync(Teacher, new TimeRange(from, to))).Count);

    [Fact]
    public async Task Preview_lists_every_class_marks_the_conflict_and_writes_nothing()
    {
        var cut = RenderModal();
        FillThursdaysForTwoWeeks(cut);

        Button(cut, "Preview").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".cb-preview__row").Count), Wait);
        var rows = cut.FindAll(".cb-preview__row");
        Assert.Equal("true", rows[0].GetAttribute("data-conflict"));
        Assert.Contains("Thu 9 Apr, 17:00–18:00", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Conflict", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("false", rows[1].GetAttribute("data-conflict"));
        Assert.Contains("Thu 16 Apr, 17:00–18:00", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 class to create, 1 conflict", cut.Find(".cb-preview__title").TextContent, StringComparison.Ordinal);

        Assert.Equal(0, await SlotsOnAsync(new(2026, 4, 16, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 17, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Saving_a_weekly_series_creates_the_free_dates_and_reports_the_skipped_one()
    {
        var cut = RenderModal();
        string? saved = null;
        cut.Render(p => p.Add(x => x.OnSaved, s => saved = s));
        FillThursdaysForTwoWeeks(cut);

        Button(cut, "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Created 1 class; skipped 1.", cut.Find(".cb-result").TextContent, StringComparison.Ordinal), Wait);
        var skipped = Assert.Single(cut.FindAll(".cb-skipped li"));
        Assert.Contains("Thu 9 Apr, 17:00–18:00", skipped.TextContent, StringComparison.Ordinal);
        Assert.Equal("Created 1 class; skipped 1.", saved);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Save");
        Assert.Equal(1, await SlotsOnAsync(new(2026, 4, 16, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 17, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, await SlotsOnAsync(new(2026, 4, 9, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 10, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Validation_errors_from_the_core_appear_next_to_their_fields()
    {
        var cut = RenderModal();
        cut.Find("input[id^='cb-av-capacity-']").Change("0");

        Button(cut, "Preview").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".cb-field-error")), Wait);
        var capacity = cut.Find("input[id^='cb-av-capacity-']");
        Assert.Equal("true", capacity.GetAttribute("aria-invalid"));
        var capacityError = capacity.ParentElement!.QuerySelector(".cb-field-error[data-field=capacity]")!;
        Assert.Contains("Capacity must be between 1 and", capacityError.TextContent, StringComparison.Ordinal);
        Assert.Equal(capacityError.Id, capacity.GetAttribute("aria-describedby"));

        capacity.Change("1");
        Button(cut, "Preview").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("fieldset[aria-invalid=true]")), Wait);
        var days = cut.Find("fieldset[aria-invalid=true]");
        var daysError = days.QuerySelector(".cb-field-error[data-field=weekdays]")!;
        Assert.Equal("Choose at least one day of the week.", daysError.TextContent);
        Assert.Equal(daysError.Id, days.GetAttribute("aria-describedby"));
        Assert.Empty(cut.FindAll(".cb-field-error[data-field=capacity]"));
        Assert.Empty(cut.FindAll(".cb-preview__row"));
    }

    [Fact]
    public void A_one_off_class_previews_its_conflict_and_is_refused_on_save()
    {
        var cut = RenderModal();
        cut.FindAll("input[type=radio]")[0].Change(true);
        cut.Find("input[type=date]").Change("2026-04-09");
        cut.Find("input[type=time]").Change("17:30");

        Button(cut, "Preview").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", Assert.Single(cut.FindAll(".cb-preview__row")).GetAttribute("data-conflict")), Wait);
        Assert.Contains("overlaps your class at Thu 9 Apr, 17:00–18:00", cut.Find(".cb-preview__row").TextContent, StringComparison.Ordinal);

        Button(cut, "Save").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".cb-field-error[data-field=date]")), Wait);
        Assert.Equal("true", cut.Find("input[type=date]").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".cb-result"));
    }

    [Fact]
    public void The_dialog_is_modal_titled_and_its_fields_are_labelled()
    {
        var cut = RenderModal();

        var dialog = cut.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Set availability", cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        foreach (var input in cut.FindAll("input:not([type=checkbox]):not([type=radio]), select"))
        {
            Assert.Single(cut.FindAll($"label[for='{input.Id}']"));
        }

        Assert.Equal(7, cut.FindAll("fieldset input[type=checkbox]").Count);
    }
}
