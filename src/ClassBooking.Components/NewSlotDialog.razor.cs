using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components;

namespace ClassBooking.Components;

/// <summary>
/// The "New class" dialog the schedule opens for a selected range of hours: the day, an editable start time, duration
/// and number of seats, in the teacher's time zone. While the teacher edits, the core's rules and a conflict preview
/// (<see cref="TimeSlotService.PreviewAsync"/>, which writes nothing) are shown next to the fields; Save creates the
/// class with <see cref="TimeSlotService.CreateAsync"/>, and a refusal (an overlap, an invalid field) is shown next to
/// its field with nothing saved.
/// </summary>
public partial class NewSlotDialog
{
    private readonly string idSuffix = Guid.NewGuid().ToString("N")[..8];
    private TimeOnly? start;
    private int? duration;
    private int? capacity = 1;
    private bool busy;
    private List<ClassBookingError> errors = [];
    private ClassBookingDialog? frame;
    private ElementReference startInput;
    private ElementReference durationInput;
    private ElementReference capacityInput;
    private bool focusError;

    /// <summary>The teacher the class is created for.</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>The teacher's IANA time zone, in which <see cref="Date"/> and <see cref="Start"/> are read.</summary>
    [Parameter, EditorRequired]
    public string TimeZoneId { get; set; } = "";

    /// <summary>The day of the class (teacher's local date).</summary>
    [Parameter, EditorRequired]
    public DateOnly Date { get; set; }

    /// <summary>The proposed start (teacher's local time); the teacher may change it.</summary>
    [Parameter]
    public TimeOnly Start { get; set; }

    /// <summary>The proposed length in minutes (60 for one hour cell); the teacher may change it.</summary>
    [Parameter]
    public int DurationMinutes { get; set; } = 60;

    /// <summary>Raised when the dialog is closed without saving (Cancel or Escape).</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Raised with the created class after Save succeeded.</summary>
    [Parameter]
    public EventCallback<TimeSlot> OnCreated { get; set; }

    private string Id(string name) => $"cb-new-{name}-{idSuffix}";

    private string ErrorId(string field) => $"cb-new-error-{field}-{idSuffix}";

    private string? Invalid(string field) => errors.Any(e => e.Field == field) ? "true" : null;

    private string WhenText
    {
        get
        {
            var day = Date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            return Draft() is { } draft && draft.EndsAt > draft.StartsAt
                ? $"{day}, {PortalText.TimeRange(draft.StartsAt, draft.EndsAt, TimeZoneId)}"
                : day;
        }
    }

    /// <inheritdoc />
    protected override Task OnInitializedAsync()
    {
        start = Start;
        duration = DurationMinutes;
        return CheckAsync();
    }

    /// <summary>The draft, or null while a field is empty.</summary>
    private SlotDraft? Draft()
    {
        if (start is not { } time || duration is not { } minutes || capacity is not { } seats)
        {
            return null;
        }

        var startsAt = LocalTimeConverter.ToUtc(Date, time, TimeZoneId);
        return new SlotDraft(startsAt, startsAt.AddMinutes(minutes), seats);
    }

    private List<ClassBookingError> MissingFields()
    {
        var missing = new List<ClassBookingError>();
        if (start is null)
        {
            missing.Add(ClassBookingError.Invalid("start", "Enter a start time."));
        }

        if (duration is null)
        {
            missing.Add(ClassBookingError.Invalid("duration", "Enter the length of the class in minutes."));
        }

        if (capacity is null)
        {
            missing.Add(ClassBookingError.Invalid("capacity", "Enter the number of seats."));
        }

        return missing;
    }

    /// <summary>Maps the core's field names onto this form's fields and its overlaps into plain words.</summary>
    private List<ClassBookingError> ForForm(IEnumerable<ClassBookingError> found) =>
        found.Select(e => e with
        {
            Message = ScheduleText.Explain(e, TimeZoneId),
            Field = e.Field switch
            {
                "startsAt" => "start",
                "endsAt" => "duration",
                "capacity" => "capacity",
                _ => null,
            },
        }).ToList();

    /// <summary>Shows what the core would say about the current fields, writing nothing.</summary>
    private async Task CheckAsync()
    {
        if (Draft() is not { } draft)
        {
            errors = MissingFields();
            return;
        }

        var invalid = SlotRules.Validate(draft, Time.GetUtcNow());
        if (invalid.Count > 0)
        {
            errors = ForForm(invalid);
            return;
        }

        var preview = await Slots.PreviewAsync(TeacherId, [new TimeRange(draft.StartsAt, draft.EndsAt)]);
        errors = preview.Conflicts.Count == 0
            ? []
            : [new ClassBookingError(ErrorCodes.Overlaps, ScheduleText.Describe(preview.Conflicts[0], TimeZoneId), "start")];
    }

    private async Task SaveAsync()
    {
        if (busy)
        {
            return;
        }

        if (Draft() is not { } draft)
        {
            errors = MissingFields();
            focusError = true;
            return;
        }

        busy = true;
        try
        {
            var created = await Slots.CreateAsync(TeacherId, draft);
            if (created.Succeeded)
            {
                errors = [];
                await OnCreated.InvokeAsync(created.Value);
            }
            else
            {
                errors = ForForm(created.Errors);
                focusError = true;
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
        // After a refused Save, focus the first field in error so its message (aria-describedby) is read out.
        if (focusError && RendererInfo.IsInteractive)
        {
            focusError = false;
            var first = errors.Count > 0 ? errors[0].Field : null;
            var task = first switch
            {
                "start" => startInput.FocusAsync(),
                "duration" => durationInput.FocusAsync(),
                "capacity" => capacityInput.FocusAsync(),
                _ => frame?.FocusAsync() ?? ValueTask.CompletedTask,
            };
            await task;
        }
    }
}
