using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's week: a table of days (Monday to Sunday) by hours in the teacher's time zone, with every open slot,
/// its seats and the booked students' names in each student's colour (<see cref="ClassBooking.Core.Students.StudentColors"/>). Week navigation,
/// deleting a slot with confirmation (a booked slot is refused by the core until the teacher agrees to cancel its
/// bookings), and a "Set availability" action opening <see cref="AvailabilityModal"/>.
/// </summary>
public partial class TeacherScheduleView
{
    private const int FirstHour = 8;
    private const int LastHour = 18;

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

    /// <summary>The teacher whose schedule is shown (ClassBooking's teacher id).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>Whether the "Set availability" button is shown (true by default).</summary>
    [Parameter]
    public bool ShowAvailabilityAction { get; set; } = true;

    private IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(monday.AddDays);

    private string WeekTitle => PortalText.WeekLabel(monday);

    private IEnumerable<int> Hours
    {
        get
        {
            var first = FirstHour;
            var last = LastHour;
            foreach (var view in week)
            {
                var start = LocalTimeConverter.ToLocal(view.Slot.StartsAt, zone!);
                var end = LocalTimeConverter.ToLocal(view.Slot.EndsAt, zone!);
                first = Math.Min(first, start.Hour);
                last = Math.Max(last, end.Date > start.Date ? 23 : (end.Minute > 0 ? end.Hour : end.Hour - 1));
            }

            return Enumerable.Range(first, last - first + 1);
        }
    }

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
    }

    private async Task MoveWeekAsync(int weeks)
    {
        monday = monday.AddDays(7 * weeks);
        await LoadAsync();
        announcement = $"Showing the week of {WeekTitle}";
    }

    private IEnumerable<TeacherSlotView> SlotsAt(DateOnly day, int hour) =>
        week.Where(v =>
        {
            var local = LocalTimeConverter.ToLocal(v.Slot.StartsAt, zone!);
            return DateOnly.FromDateTime(local) == day && local.Hour == hour;
        }).OrderBy(v => v.Slot.StartsAt);

    private static string SeatsText(TimeSlot slot) =>
        slot.Capacity == 1
            ? (slot.BookedCount == 0 ? "Free" : "Booked")
            : string.Create(CultureInfo.InvariantCulture, $"{slot.BookedCount} of {slot.Capacity} seats booked");

    private string SlotLabel(TimeSlot slot) =>
        $"{PortalText.LongDate(slot.StartsAt, zone!)}, {PortalText.TimeRange(slot.StartsAt, slot.EndsAt, zone!)}";

    private void AskDelete(TeacherSlotView view)
    {
        pendingDelete = view;
        deleteError = null;
        deleteNeedsCancel = false;
    }

    private void CloseDelete()
    {
        pendingDelete = null;
        deleteError = null;
        deleteNeedsCancel = false;
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

    private void OpenAvailability() => availabilityOpen = true;

    private Task CloseAvailabilityAsync()
    {
        availabilityOpen = false;
        return LoadAsync();
    }

    private async Task AvailabilitySavedAsync(string summary)
    {
        announcement = summary;
        await LoadAsync();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (refocus && deleteDialog is not null && RendererInfo.IsInteractive)
        {
            refocus = false;
            await deleteDialog.FocusAsync();
        }
    }
}
