using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components;

namespace ClassBooking.Components;

/// <summary>
/// What the teacher can do with one class from the schedule without a mouse: move it to another date and start time
/// (keeping its length, seats, price and note; <see cref="TimeSlotService.MoveAsync"/>) or delete it (handed back to
/// the schedule's confirmation through <see cref="OnDelete"/>). A booked class cannot move, which the core enforces;
/// the dialog says so instead of offering the fields. Refusals are shown next to the start time in plain words.
/// </summary>
public partial class SlotActionsDialog
{
    private readonly string idSuffix = Guid.NewGuid().ToString("N")[..8];
    private ClassBookingDialog? frame;
    private ElementReference startInput;
    private DateOnly? date;
    private TimeOnly? start;
    private bool busy;
    private bool refocus;
    private List<ClassBookingError> errors = [];

    /// <summary>The teacher who owns the class.</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>The teacher's IANA time zone, in which the date and start time are shown and read.</summary>
    [Parameter, EditorRequired]
    public string TimeZoneId { get; set; } = "";

    /// <summary>The class, with its bookings.</summary>
    [Parameter, EditorRequired]
    public TeacherSlotView Slot { get; set; } = default!;

    /// <summary>Raised when the dialog is closed (Close or Escape).</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Raised with the class at its new time after a move succeeded.</summary>
    [Parameter]
    public EventCallback<TimeSlot> OnMoved { get; set; }

    /// <summary>Raised when the teacher chose Delete; the schedule asks for confirmation.</summary>
    [Parameter]
    public EventCallback OnDelete { get; set; }

    private bool Booked => Slot.Slot.BookedCount > 0 || Slot.Bookings.Count > 0;

    private string Seats => Slot.Slot.Capacity == 1
        ? (Slot.Slot.BookedCount == 0 ? "Free (1 seat)" : "Booked")
        : string.Create(CultureInfo.InvariantCulture, $"{Slot.Slot.BookedCount} of {Slot.Slot.Capacity} booked");

    private string Minutes => ((int)(Slot.Slot.EndsAt - Slot.Slot.StartsAt).TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private string Id(string name) => $"cb-move-{name}-{idSuffix}";

    private string ErrorId(string field) => $"cb-move-error-{field}-{idSuffix}";

    private string? Invalid(string field) => errors.Any(e => e.Field == field) ? "true" : null;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        var local = LocalTimeConverter.ToLocal(Slot.Slot.StartsAt, TimeZoneId);
        date = DateOnly.FromDateTime(local);
        start = TimeOnly.FromDateTime(local);
    }

    private async Task MoveAsync()
    {
        if (busy)
        {
            return;
        }

        if (date is not { } day || start is not { } time)
        {
            errors = [ClassBookingError.Invalid("start", "Enter the new date and start time.")];
            refocus = true;
            return;
        }

        var startsAt = LocalTimeConverter.ToUtc(day, time, TimeZoneId);
        if (startsAt == Slot.Slot.StartsAt)
        {
            errors = [ClassBookingError.Invalid("start", "This is the class's time already. Choose another date or start time.")];
            refocus = true;
            return;
        }

        busy = true;
        try
        {
            var moved = await Slots.MoveAsync(TeacherId, Slot.Slot.Id, startsAt, Slot.Slot.Version);
            if (moved.Succeeded)
            {
                errors = [];
                await OnMoved.InvokeAsync(moved.Value);
            }
            else
            {
                errors = moved.Errors
                    .Select(e => e with
                    {
                        Message = ScheduleText.Explain(e, TimeZoneId),
                        Field = e.Field is "startsAt" or "endsAt" ? "start" : null,
                    })
                    .ToList();
                refocus = true;
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // After a refusal, focus the start time so its message (aria-describedby) is read out; a message naming no
        // field keeps focus (and Escape) inside the dialog.
        if (refocus && RendererInfo.IsInteractive)
        {
            refocus = false;
            if (errors.Any(e => e.Field == "start") && !Booked)
            {
                await startInput.FocusAsync();
            }
            else if (frame is not null)
            {
                await frame.FocusAsync();
            }
        }
    }
}
