using AngleSharp.Dom;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components.Web;

namespace ClassBooking.Components.Tests;

/// <summary>
/// Maria's schedule (Europe/London, BST: local = UTC + 1) over the fixture of <see cref="PortalTestBase"/>: the week
/// of 6–12 April 2026 with "today" Wednesday 8 April 13:00 local; a free class Thursday 9 April 17:00–18:00 local,
/// Bob's booked class Friday 10 April 17:00, Anna's booked class Saturday 11 April 11:00, and a free class next
/// Tuesday 14 April 17:00. The grid's JavaScript module (keys and focus only) is planned, and its calls recorded.
/// </summary>
public abstract class ScheduleTestBase : PortalTestBase
{
    protected ScheduleTestBase()
    {
        GridModule = JSInterop.SetupModule(TeacherScheduleView.ModulePath);
        GridModule.SetupVoid("attach", _ => true).SetVoidResult();
        GridModule.SetupVoid("focusCurrent", _ => true).SetVoidResult();
    }

    /// <summary>The planned scheduleGrid.js module.</summary>
    protected BunitJSModuleInterop GridModule { get; }

    protected IRenderedComponent<TeacherScheduleView> RenderSchedule()
    {
        var cut = Render<TeacherScheduleView>(p => p.Add(x => x.TeacherId, Teacher));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading your schedule", cut.Markup, StringComparison.Ordinal), Wait);
        return cut;
    }

    /// <summary>The hour cell of a local date and hour.</summary>
    protected static IElement Cell(IRenderedComponent<TeacherScheduleView> cut, string date, int hour) =>
        cut.Find($"td[data-date='{date}'][data-hour='{hour}']");

    /// <summary>The focusable part of a class (role="button").</summary>
    protected static IElement SlotButton(IRenderedComponent<TeacherScheduleView> cut, Guid slotId) =>
        cut.Find($".cb-slot[data-slot-id='{slotId}'] [role=button]");

    /// <summary>The grid's one tabbable element (roving tabindex).</summary>
    protected static IElement Tabbable(IRenderedComponent<TeacherScheduleView> cut) =>
        Assert.Single(cut.FindAll("[role=grid] [tabindex='0']"));

    protected static IElement Button(IRenderedComponent<TeacherScheduleView> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    protected static string DialogTitle(IRenderedComponent<TeacherScheduleView> cut)
    {
        var dialog = cut.Find("[role=dialog]");
        return cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent;
    }

    /// <summary>The input labelled <paramref name="label"/> inside the open dialog.</summary>
    protected static IElement Field(IRenderedComponent<TeacherScheduleView> cut, string label)
    {
        var forId = cut.FindAll("[role=dialog] label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return cut.Find($"[role=dialog] #{forId}");
    }

    /// <summary>The error text shown next to the input labelled <paramref name="label"/> (through its aria-describedby).</summary>
    protected static string FieldErrorOf(IRenderedComponent<TeacherScheduleView> cut, string label)
    {
        var describedBy = Field(cut, label).GetAttribute("aria-describedby");
        var error = cut.FindAll($"[role=dialog] [id='{describedBy}']");
        return error.Count == 0 ? "" : error[0].TextContent;
    }

    /// <summary>
    /// Types a time into a time input the way the browser reports it: Blazor's script sends a time input's "09:30"
    /// as "09:30:00", so a component bound with a minutes-only format would never see the change.
    /// </summary>
    protected static void SetTime(IElement input, string hoursAndMinutes) => input.Change(hoursAndMinutes + ":00");

    protected static string Status(IRenderedComponent<TeacherScheduleView> cut) => cut.Find("[role=status]").TextContent;

    protected static void Key(IElement element, string key, bool alt = false, bool ctrl = false) =>
        element.KeyDown(new KeyboardEventArgs { Key = key, AltKey = alt, CtrlKey = ctrl });

    protected static void Tap(IElement cell, string pointerType = "mouse")
    {
        cell.PointerDown(new PointerEventArgs { PointerType = pointerType, Button = 0, ClientX = 10, ClientY = 10 });
        cell.PointerUp(new PointerEventArgs { PointerType = pointerType, Button = 0, ClientX = 10, ClientY = 10 });
    }

    /// <summary>The teacher's open slots overlapping a UTC range, straight from the store.</summary>
    protected Task<IReadOnlyList<TimeSlot>> StoredSlotsAsync(DateTimeOffset from, DateTimeOffset to) =>
        WithServiceAsync<TimeSlotService, IReadOnlyList<TimeSlot>>(async s =>
            (await s.GetTeacherViewAsync(Teacher, new TimeRange(from, to))).Select(v => v.Slot).ToList());

    /// <summary>One stored slot by id (searching the weeks around the fixture).</summary>
    protected async Task<TimeSlot?> StoredSlotAsync(Guid id) =>
        (await StoredSlotsAsync(new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)))
        .SingleOrDefault(s => s.Id == id);

    protected static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);
}
