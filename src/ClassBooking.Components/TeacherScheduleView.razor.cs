using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's week: a grid of days (Monday to Sunday) by hours in the teacher's time zone, with every open slot,
/// its seats and the booked students' names in each student's colour (the teacher's choice, else the palette default of <see cref="ClassBooking.Core.Students.StudentColors"/>).
/// </summary>
/// <remarks>
/// <para>Creating: a click on a free hour, or a drag down several free hours of one day, opens <see cref="NewSlotDialog"/>
/// for that range. Moving: a class without bookings can be dragged (HTML drag and drop) to another hour; the core keeps
/// booked classes where they are. Every class opens <see cref="SlotActionsDialog"/> (move by date and time, delete).
/// Deleting asks for confirmation, and a booked slot is refused by the core until the teacher agrees to cancel its
/// bookings. "Set availability" opens <see cref="AvailabilityModal"/>.</para>
/// <para>Keyboard: the grid (<c>role="grid"</c>) is one tab stop with a roving tabindex over its hours and classes.
/// Arrow keys move between hours and days, Home/End go to Monday/Sunday (with Ctrl: the first/last hour as well),
/// Page Up/Page Down change the week; Enter or Space on a free hour opens "New class", on a class its dialog; Delete
/// asks to delete the class; Alt with an arrow key moves a class by a day or an hour. Escape closes a dialog and focus
/// returns to the grid.</para>
/// <para>Narrow screens (600 px and less) show one day at a time with Previous day / Next day buttons and swipes.</para>
/// <para>Every rule (valid times, overlaps, booked classes) is the core's; refusals are announced in the live region
/// and shown above the grid.</para>
/// </remarks>
public partial class TeacherScheduleView : IAsyncDisposable
{
    /// <summary>The grid's JavaScript module (key handling and focus only), served from the library's static assets.</summary>
    internal const string ModulePath = "./_content/ClassBooking.Components/scheduleGrid.js";

    private const int FirstHour = 8;
    private const int LastHour = 18;
    private const double SwipeDistance = 50;
    private const double TapSlop = 10;

    private static readonly IReadOnlyList<TeacherSlotView> NoSlots = [];

    private readonly string idSuffix = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<(DateOnly Day, int Hour), List<TeacherSlotView>> starts = [];
    private readonly Dictionary<(DateOnly Day, int Hour), TeacherSlotView> covered = [];
    private List<int> hours = [];

    private string? zone;
    private DateOnly monday;
    private DateOnly today;
    private IReadOnlyList<TeacherSlotView> week = [];
    private string announcement = "";
    private TeacherSlotView? pendingDelete;
    private ClassBookingError? deleteError;
    private bool deleteNeedsCancel;
    private bool deleting;
    private bool availabilityOpen;
    private ClassBookingDialog? deleteDialog;
    private bool refocus;
    private string? loadedFor;

    // The shown day on narrow screens, and the roving tabindex (the one tabbable cell or class).
    private DateOnly selectedDay;
    private DateOnly focusDay;
    private int focusHour = FirstHour;
    private Guid? focusSlotId;
    private bool focusGrid;
    private bool focusAvailability;

    // Pointer selection of free hours, drag and drop, swipes.
    private Selection? selection;
    private bool pointerSequence;
    private Guid? draggedSlotId;
    private (DateOnly Day, int Hour)? dropTarget;
    private double? touchX;
    private double? touchY;
    private bool moving;

    // Dialogs and the visible error of the last grid action.
    private NewSlotRequest? newSlot;
    private TeacherSlotView? slotActions;
    private string? gridError;
    private string? gridErrorCode;

    private ElementReference grid;
    private ElementReference availabilityButton;
    private IJSObjectReference? module;
    private bool moduleRequested;

    /// <summary>The teacher whose schedule is shown (ClassBooking's teacher id).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>Whether the "Set availability" button is shown (true by default).</summary>
    [Parameter]
    public bool ShowAvailabilityAction { get; set; } = true;

    private IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(monday.AddDays);

    private DateOnly Sunday => monday.AddDays(6);

    private string WeekTitle => PortalText.WeekLabel(monday);

    private string CaptionId => $"cb-schedule-caption-{idSuffix}";

    private string HelpId => $"cb-schedule-help-{idSuffix}";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == TeacherId)
        {
            return;
        }

        loadedFor = TeacherId;
        var policy = await Policies.GetAsync(TeacherId);
        zone = policy.TimeZoneId;
        today = LocalTimeConverter.ToLocalDate(Time.GetUtcNow(), zone);
        monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        selectedDay = today;
        focusDay = today;
        await LoadAsync();
    }

    /// <summary>Reloads the shown week, e.g. after slots were changed elsewhere.</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var range = new TimeRange(
            LocalTimeConverter.ToUtc(monday, TimeOnly.MinValue, zone!),
            LocalTimeConverter.ToUtc(monday.AddDays(7), TimeOnly.MinValue, zone!));
        week = await Slots.GetTeacherViewAsync(TeacherId, range);
        Layout();
    }

    /// <summary>Places each slot in the cell of its local start and notes the hours it covers after that.</summary>
    private void Layout()
    {
        starts.Clear();
        covered.Clear();
        var first = FirstHour;
        var last = LastHour;
        foreach (var view in week.OrderBy(v => v.Slot.StartsAt))
        {
            var start = LocalTimeConverter.ToLocal(view.Slot.StartsAt, zone!);
            var end = LocalTimeConverter.ToLocal(view.Slot.EndsAt, zone!);
            var cell = (DateOnly.FromDateTime(start), start.Hour);
            if (!starts.TryGetValue(cell, out var list))
            {
                starts[cell] = list = [];
            }

            list.Add(view);
            for (var t = start.Date.AddHours(start.Hour + 1); t < end; t = t.AddHours(1))
            {
                covered.TryAdd((DateOnly.FromDateTime(t), t.Hour), view);
            }

            first = Math.Min(first, start.Hour);
            last = Math.Max(last, end.Date > start.Date ? 23 : (end.Minute > 0 ? end.Hour : end.Hour - 1));
        }

        hours = Enumerable.Range(first, last - first + 1).ToList();
    }

    private IReadOnlyList<TeacherSlotView> SlotsAt(DateOnly day, int hour) =>
        starts.TryGetValue((day, hour), out var list) ? list : NoSlots;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string SeatsText(TimeSlot slot) =>
        slot.Capacity == 1
            ? (slot.BookedCount == 0 ? "Free" : "Booked")
            : string.Create(CultureInfo.InvariantCulture, $"{slot.BookedCount} of {slot.Capacity} seats booked");

    private string SlotLabel(TimeSlot slot) =>
        $"{PortalText.LongDate(slot.StartsAt, zone!)}, {PortalText.TimeRange(slot.StartsAt, slot.EndsAt, zone!)}";

    // ---- Presentation of cells and classes ----

    /// <summary>Whether a class may be offered for moving: the core refuses to move a class with bookings.</summary>
    private static bool IsMovable(TeacherSlotView view) => view.Slot.BookedCount == 0 && view.Bookings.Count == 0;

    private string DayClass(DateOnly day, string extra) =>
        string.Join(' ', new[] { extra, day == selectedDay ? "" : "cb-grid__offday" }.Where(c => c.Length > 0));

    private string CellClass(DateOnly day, int hour, bool free)
    {
        var classes = new List<string>(4);
        if (day != selectedDay)
        {
            classes.Add("cb-grid__offday");
        }

        if (free)
        {
            classes.Add("cb-cell--free");
        }

        if (covered.ContainsKey((day, hour)) && free)
        {
            classes.Add("cb-cell--covered");
        }

        if (selection is { } s && s.Day == day && hour >= s.From && hour <= s.To)
        {
            classes.Add("cb-cell--selected");
        }

        if (dropTarget == (day, hour))
        {
            classes.Add("cb-cell--drop");
        }

        return string.Join(' ', classes);
    }

    /// <summary>"Tuesday 14 April, 10:00, free" or "…, 11:00, during your class 10:00–12:00".</summary>
    private string CellLabel(DateOnly day, int hour)
    {
        var state = covered.TryGetValue((day, hour), out var during)
            ? "during your class " + PortalText.TimeRange(during.Slot.StartsAt, during.Slot.EndsAt, zone!)
            : "free";
        return string.Create(CultureInfo.InvariantCulture, $"{PortalText.DayHeading(day)}, {hour:00}:00, {state}");
    }

    /// <summary>"Friday 10 April, 17:00–18:00, booked by Bob, cannot be moved while booked".</summary>
    private string SlotAriaLabel(TeacherSlotView view)
    {
        var slot = view.Slot;
        var day = PortalText.DayHeading(LocalTimeConverter.ToLocalDate(slot.StartsAt, zone!));
        var label = $"{day}, {PortalText.TimeRange(slot.StartsAt, slot.EndsAt, zone!)}";
        if (view.Bookings.Count == 0)
        {
            return $"{label}, {SeatsText(slot).ToLowerInvariant()}";
        }

        var names = string.Join(", ", view.Bookings.Select(b => b.StudentName));
        var seats = slot.Capacity == 1 ? "booked" : SeatsText(slot);
        return $"{label}, {seats} by {names}, cannot be moved while booked";
    }

    private static string SlotHint(TeacherSlotView view) =>
        IsMovable(view)
            ? "Drag to another hour to move this class, or select it to move or delete it."
            : "Booked classes cannot be moved. Select it to see its students or delete it.";

    // ---- Roving tabindex and keyboard ----

    /// <summary>The grid's one tabbable element: a class when <see cref="focusSlotId"/> is shown, else the focused hour's
    /// first class or the hour cell itself.</summary>
    private Stop CurrentStop()
    {
        if (focusSlotId is { } id && week.FirstOrDefault(v => v.Slot.Id == id) is { } view)
        {
            var (day, hour) = CellOf(view);
            if (starts.ContainsKey((day, hour)) && day >= monday && day <= Sunday && hours.Contains(hour))
            {
                return new Stop(day, hour, id);
            }
        }

        var focusedDay = focusDay < monday ? monday : focusDay > Sunday ? Sunday : focusDay;
        var focusedHour = Math.Clamp(focusHour, hours[0], hours[^1]);
        var first = SlotsAt(focusedDay, focusedHour);
        return new Stop(focusedDay, focusedHour, first.Count > 0 ? first[0].Slot.Id : null);
    }

    private (DateOnly Day, int Hour) CellOf(TeacherSlotView view)
    {
        var local = LocalTimeConverter.ToLocal(view.Slot.StartsAt, zone!);
        return (DateOnly.FromDateTime(local), local.Hour);
    }

    /// <summary>The tab stops of one hour cell: its classes, or the cell itself when no class starts in it.</summary>
    private List<Guid?> StopsIn(DateOnly day, int hour)
    {
        var slots = SlotsAt(day, hour);
        return slots.Count == 0 ? [null] : slots.Select(v => (Guid?)v.Slot.Id).ToList();
    }

    private void FocusOn(DateOnly day, int hour, Guid? slotId, bool moveFocus = true)
    {
        focusDay = day;
        focusHour = hour;
        focusSlotId = slotId;
        selectedDay = day;
        focusGrid |= moveFocus;
    }

    private void OnCellFocus(DateOnly day, int hour) => FocusOn(day, hour, null, moveFocus: false);

    private void OnSlotFocus(TeacherSlotView view)
    {
        var (day, hour) = CellOf(view);
        FocusOn(day, hour, view.Slot.Id, moveFocus: false);
    }

    private async Task OnCellKeyDownAsync(KeyboardEventArgs e, DateOnly day, int hour)
    {
        if (e.Key is "Enter" or " " or "Spacebar")
        {
            if (SlotsAt(day, hour).Count == 0)
            {
                OpenNewSlot(day, hour, hour);
            }

            return;
        }

        await NavigateAsync(new Stop(day, hour, null), e);
    }

    private async Task OnSlotKeyDownAsync(KeyboardEventArgs e, TeacherSlotView view)
    {
        var (day, hour) = CellOf(view);
        switch (e.Key)
        {
            case "Enter" or " " or "Spacebar":
                OpenSlotActions(view);
                return;
            case "Delete" or "Backspace":
                AskDelete(view);
                return;
            case "ArrowLeft" or "ArrowRight" or "ArrowUp" or "ArrowDown" when e.AltKey:
                await NudgeAsync(view, e.Key);
                return;
            default:
                await NavigateAsync(new Stop(day, hour, view.Slot.Id), e);
                return;
        }
    }

    /// <summary>Moves the roving tabindex from <paramref name="from"/> as the key says (the ARIA grid pattern).</summary>
    private async Task NavigateAsync(Stop from, KeyboardEventArgs e)
    {
        var first = hours[0];
        var last = hours[^1];
        switch (e.Key)
        {
            case "ArrowDown":
            {
                var stops = StopsIn(from.Day, from.Hour);
                var index = stops.IndexOf(from.SlotId);
                if (index + 1 < stops.Count)
                {
                    FocusOn(from.Day, from.Hour, stops[index + 1]);
                }
                else if (from.Hour < last)
                {
                    FocusOn(from.Day, from.Hour + 1, StopsIn(from.Day, from.Hour + 1)[0]);
                }

                break;
            }

            case "ArrowUp":
            {
                var stops = StopsIn(from.Day, from.Hour);
                var index = stops.IndexOf(from.SlotId);
                if (index > 0)
                {
                    FocusOn(from.Day, from.Hour, stops[index - 1]);
                }
                else if (from.Hour > first)
                {
                    FocusOn(from.Day, from.Hour - 1, StopsIn(from.Day, from.Hour - 1)[^1]);
                }

                break;
            }

            case "ArrowRight" when from.Day < Sunday:
                FocusOn(from.Day.AddDays(1), from.Hour, StopsIn(from.Day.AddDays(1), from.Hour)[0]);
                break;
            case "ArrowLeft" when from.Day > monday:
                FocusOn(from.Day.AddDays(-1), from.Hour, StopsIn(from.Day.AddDays(-1), from.Hour)[0]);
                break;
            case "Home":
            {
                var hour = e.CtrlKey ? first : from.Hour;
                FocusOn(monday, hour, StopsIn(monday, hour)[0]);
                break;
            }

            case "End":
            {
                var hour = e.CtrlKey ? last : from.Hour;
                FocusOn(Sunday, hour, StopsIn(Sunday, hour)[^1]);
                break;
            }

            case "PageUp" or "PageDown":
                focusDay = from.Day;
                focusHour = from.Hour;
                await MoveWeekAsync(e.Key == "PageUp" ? -1 : 1);
                focusGrid = true;
                break;
        }
    }

    // ---- Creating by selection ----

    private void OnCellPointerDown(PointerEventArgs e, DateOnly day, int hour)
    {
        selection = null;
        pointerSequence = SlotsAt(day, hour).Count == 0;
        if (e.Button != 0 || !pointerSequence || AnyDialogOpen)
        {
            return;
        }

        selection = new Selection(day, hour, hour, e.PointerType, e.ClientX, e.ClientY);
    }

    private void OnCellPointerEnter(DateOnly day, int hour)
    {
        if (selection is { } s && s.Day == day && s.End != hour)
        {
            selection = s with { End = hour };
        }
    }

    private void OnCellPointerUp(PointerEventArgs e)
    {
        if (selection is not { } s)
        {
            return;
        }

        selection = null;

        // A finger that travelled was a swipe or a scroll, not a tap.
        if (s.PointerType == "touch" && Math.Abs(e.ClientX - s.X) + Math.Abs(e.ClientY - s.Y) > TapSlop)
        {
            return;
        }

        OpenNewSlot(s.Day, s.From, s.To);
    }

    private void CancelSelection() => selection = null;

    /// <summary>A click without pointer events before it (e.g. a screen reader's activation) opens the hour.</summary>
    private void OnCellClick(DateOnly day, int hour)
    {
        if (pointerSequence)
        {
            pointerSequence = false;
            return;
        }

        if (SlotsAt(day, hour).Count == 0 && !AnyDialogOpen)
        {
            OpenNewSlot(day, hour, hour);
        }
    }

    private bool AnyDialogOpen => newSlot is not null || slotActions is not null || pendingDelete is not null || availabilityOpen;

    private void OpenNewSlot(DateOnly day, int fromHour, int toHour)
    {
        FocusOn(day, fromHour, SlotsAt(day, fromHour).Count > 0 ? SlotsAt(day, fromHour)[0].Slot.Id : null, moveFocus: false);
        newSlot = new NewSlotRequest(day, new TimeOnly(fromHour, 0), (toHour - fromHour + 1) * 60);
    }

    private void CloseNewSlot()
    {
        newSlot = null;
        focusGrid = true;
    }

    private async Task SlotCreatedAsync(TimeSlot slot)
    {
        newSlot = null;
        ClearGridError();
        announcement = $"Created a class on {SlotLabel(slot)}.";
        await ShowSlotAsync(slot, moveFocus: true);
    }

    /// <summary>Puts the roving tabindex on <paramref name="slot"/>, showing its week first when it lies outside the shown one.</summary>
    private async Task ShowSlotAsync(TimeSlot slot, bool moveFocus)
    {
        var local = LocalTimeConverter.ToLocal(slot.StartsAt, zone!);
        var day = DateOnly.FromDateTime(local);
        if (day < monday || day > Sunday)
        {
            monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            announcement += $" Showing the week of {WeekTitle}.";
        }

        await LoadAsync();
        FocusOn(day, local.Hour, slot.Id, moveFocus);
    }

    // ---- Moving: drag and drop, Alt+Arrow, the class's dialog ----

    private void OnDragStart(TeacherSlotView view)
    {
        selection = null;
        draggedSlotId = view.Slot.Id;
    }

    private void OnDragEnter(DateOnly day, int hour)
    {
        if (draggedSlotId is not null && dropTarget != (day, hour))
        {
            dropTarget = (day, hour);
        }
    }

    private void OnDragEnd()
    {
        draggedSlotId = null;
        dropTarget = null;
    }

    /// <summary>Moves the dragged class to the hour dropped on, keeping its minutes past the hour and its length.</summary>
    private async Task OnDropAsync(DateOnly day, int hour)
    {
        var id = draggedSlotId;
        draggedSlotId = null;
        dropTarget = null;
        if (id is null || week.FirstOrDefault(v => v.Slot.Id == id) is not { } view)
        {
            return;
        }

        var local = LocalTimeConverter.ToLocal(view.Slot.StartsAt, zone!);
        await MoveAsync(view, day, new TimeOnly(hour, local.Minute), moveFocus: false);
    }

    /// <summary>Alt+Arrow on a class: a day earlier or later, an hour earlier or later.</summary>
    private Task NudgeAsync(TeacherSlotView view, string key)
    {
        var local = LocalTimeConverter.ToLocal(view.Slot.StartsAt, zone!);
        var target = key switch
        {
            "ArrowLeft" => local.AddDays(-1),
            "ArrowRight" => local.AddDays(1),
            "ArrowUp" => local.AddHours(-1),
            _ => local.AddHours(1),
        };
        return MoveAsync(view, DateOnly.FromDateTime(target), TimeOnly.FromDateTime(target), moveFocus: true);
    }

    private async Task MoveAsync(TeacherSlotView view, DateOnly date, TimeOnly start, bool moveFocus)
    {
        if (moving)
        {
            return;
        }

        var startsAt = LocalTimeConverter.ToUtc(date, start, zone!);
        if (startsAt == view.Slot.StartsAt)
        {
            return;
        }

        moving = true;
        try
        {
            var from = SlotLabel(view.Slot);
            var result = await Slots.MoveAsync(TeacherId, view.Slot.Id, startsAt, view.Slot.Version);
            if (result.Succeeded)
            {
                ClearGridError();
                announcement = $"Moved the class on {from} to {SlotLabel(result.Value)}.";
                await ShowSlotAsync(result.Value, moveFocus);
            }
            else
            {
                gridError = $"The class on {from} was not moved. {ScheduleText.Explain(result.Error!, zone!)}";
                gridErrorCode = result.Error!.Code;
                announcement = gridError;
                focusGrid |= moveFocus;
            }
        }
        finally
        {
            moving = false;
        }
    }

    private void ClearGridError()
    {
        gridError = null;
        gridErrorCode = null;
    }

    private void OpenSlotActions(TeacherSlotView view)
    {
        var (day, hour) = CellOf(view);
        FocusOn(day, hour, view.Slot.Id, moveFocus: false);
        slotActions = view;
    }

    private void CloseSlotActions()
    {
        slotActions = null;
        focusGrid = true;
    }

    private async Task SlotMovedAsync(TimeSlot slot)
    {
        var from = slotActions is null ? null : SlotLabel(slotActions.Slot);
        slotActions = null;
        ClearGridError();
        announcement = from is null ? $"Moved the class to {SlotLabel(slot)}." : $"Moved the class on {from} to {SlotLabel(slot)}.";
        await ShowSlotAsync(slot, moveFocus: true);
    }

    private void DeleteFromActions()
    {
        var view = slotActions;
        slotActions = null;
        if (view is not null)
        {
            AskDelete(view);
        }
    }

    // ---- Weeks, days and swipes ----

    private async Task MoveWeekAsync(int weeks)
    {
        monday = monday.AddDays(7 * weeks);
        selectedDay = selectedDay.AddDays(7 * weeks);
        focusDay = focusDay.AddDays(7 * weeks);
        focusSlotId = null;
        ClearGridError();
        await LoadAsync();
        announcement = $"Showing the week of {WeekTitle}";
    }

    /// <summary>The day view's Previous day / Next day; crossing Monday or Sunday changes the week.</summary>
    private async Task MoveDayAsync(int days)
    {
        var day = selectedDay.AddDays(days);
        if (day < monday || day > Sunday)
        {
            monday = monday.AddDays(day < monday ? -7 : 7);
            ClearGridError();
            await LoadAsync();
        }

        selectedDay = day;
        focusDay = day;
        focusSlotId = null;
        announcement = $"Showing {PortalText.DayHeading(day)}";
    }

    private void OnTouchStart(TouchEventArgs e)
    {
        if (e.Touches.Length == 1)
        {
            touchX = e.Touches[0].ClientX;
            touchY = e.Touches[0].ClientY;
        }
        else
        {
            OnTouchCancel();
        }
    }

    private void OnTouchCancel()
    {
        touchX = null;
        touchY = null;
    }

    /// <summary>A mostly horizontal swipe of at least 50 px: left shows the next day, right the previous one.</summary>
    private async Task OnTouchEndAsync(TouchEventArgs e)
    {
        if (touchX is not { } x || touchY is not { } y || e.ChangedTouches.Length == 0)
        {
            return;
        }

        OnTouchCancel();
        var dx = e.ChangedTouches[0].ClientX - x;
        var dy = e.ChangedTouches[0].ClientY - y;
        if (Math.Abs(dx) >= SwipeDistance && Math.Abs(dx) > Math.Abs(dy) && !AnyDialogOpen)
        {
            selection = null;
            await MoveDayAsync(dx < 0 ? 1 : -1);
        }
    }

    // ---- Deleting ----

    private void AskDelete(TeacherSlotView view)
    {
        var (day, hour) = CellOf(view);
        FocusOn(day, hour, view.Slot.Id, moveFocus: false);
        pendingDelete = view;
        deleteError = null;
        deleteNeedsCancel = false;
    }

    private void CloseDelete()
    {
        pendingDelete = null;
        deleteError = null;
        deleteNeedsCancel = false;
        focusGrid = true;
    }

    private async Task DeleteAsync(bool cancelBookings)
    {
        if (pendingDelete is null || deleting)
        {
            return;
        }

        deleting = true;
        try
        {
            var label = SlotLabel(pendingDelete.Slot);
            var result = await Slots.DeleteAsync(TeacherId, pendingDelete.Slot.Id, cancelBookings);
            if (result.Succeeded)
            {
                var cancelled = result.Value.CancelledBookings.Count;
                announcement = cancelled == 0
                    ? $"Deleted the class on {label}."
                    : string.Create(CultureInfo.InvariantCulture, $"Deleted the class on {label} and cancelled {cancelled} booking(s).");
                CloseDelete();
                ClearGridError();
                await LoadAsync();
            }
            else
            {
                deleteError = result.Error;
                deleteNeedsCancel = result.Error!.Code == ErrorCodes.SlotHasBookings;
                refocus = true;
            }
        }
        finally
        {
            deleting = false;
        }
    }

    // ---- Availability ----

    private void OpenAvailability() => availabilityOpen = true;

    private Task CloseAvailabilityAsync()
    {
        availabilityOpen = false;
        focusAvailability = true;
        return LoadAsync();
    }

    private async Task AvailabilitySavedAsync(string summary)
    {
        announcement = summary;
        await LoadAsync();
    }

    // ---- Browser side ----

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (!moduleRequested && zone is not null)
        {
            moduleRequested = true;
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await module.InvokeVoidAsync("attach", grid);
        }

        if (refocus && deleteDialog is not null)
        {
            refocus = false;
            await deleteDialog.FocusAsync();
        }

        if (focusAvailability && !availabilityOpen)
        {
            focusAvailability = false;
            focusGrid = false;
            await availabilityButton.FocusAsync();
        }

        if (focusGrid && module is not null && !AnyDialogOpen)
        {
            focusGrid = false;
            await module.InvokeVoidAsync("focusCurrent", grid);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The roving tabindex's element: an hour cell (<see cref="SlotId"/> null) or a class.</summary>
    private readonly record struct Stop(DateOnly Day, int Hour, Guid? SlotId)
    {
        public bool IsCell(DateOnly day, int hour) => SlotId is null && Day == day && Hour == hour;
    }

    /// <summary>Free hours being selected with a pointer, in one day column, from <see cref="Start"/> to <see cref="End"/>.</summary>
    private sealed record Selection(DateOnly Day, int Start, int End, string PointerType, double X, double Y)
    {
        public int From => Math.Min(Start, End);

        public int To => Math.Max(Start, End);
    }

    /// <summary>What the "New class" dialog opens with.</summary>
    private sealed record NewSlotRequest(DateOnly Date, TimeOnly Start, int DurationMinutes);
}
