using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Components;

namespace ClassBooking.Components;

/// <summary>
/// Publishes availability: one class (date, start time, duration, seats) or a weekly series (days, start time,
/// duration, 2, 4, 8 or a custom number of weeks, seats), in the teacher's time zone. Preview lists every class that
/// would be created, with conflicts marked, and writes nothing (<see cref="SlotSeriesService.PreviewAsync"/>,
/// <see cref="TimeSlotService.PreviewAsync"/>); Save creates them and reports what was created and what was skipped
/// and why. The core's validation errors are shown next to the fields they name.
/// </summary>
public partial class AvailabilityModal
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly string idSuffix = Guid.NewGuid().ToString("N")[..8];
    private readonly HashSet<DayOfWeek> days = [];
    private ClassBookingDialog? frame;
    private string? zone;
    private bool weekly = true;
    private DateOnly date;
    private TimeOnly start = new(17, 0);
    private int duration = 60;
    private int capacity = 1;
    private string weeksChoice = "4";
    private int customWeeks = 12;
    private bool busy;
    private IReadOnlyList<ClassBookingError> errors = [];
    private List<PreviewRow>? preview;
    private string? result;
    private List<string> skipped = [];
    private bool refocus;

    /// <summary>The teacher the classes are published for.</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>Raised when the dialog closes.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Raised after classes were created, with the summary shown ("Created 4 classes; skipped 1.").</summary>
    [Parameter]
    public EventCallback<string> OnSaved { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var policy = await Policies.GetAsync(TeacherId);
        zone = policy.TimeZoneId;
        date = LocalTimeConverter.ToLocalDate(Time.GetUtcNow(), zone).AddDays(1);
    }

    private string Id(string name) => $"cb-av-{name}-{idSuffix}";

    private string ErrorId(string field) => $"cb-av-error-{field}-{idSuffix}";

    private string? Invalid(string field) => errors.Any(e => e.Field == field) ? "true" : null;

    private static string Count(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private int Weeks => weeksChoice switch
    {
        "2" => 2,
        "4" => 4,
        "8" => 8,
        _ => customWeeks,
    };

    private void SetWeekly(bool value)
    {
        weekly = value;
        Reset();
    }

    private void ToggleDay(DayOfWeek day, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            days.Add(day);
        }
        else
        {
            days.Remove(day);
        }

        Reset();
    }

    private void Reset()
    {
        preview = null;
        errors = [];
    }

    private SeriesDraft SeriesDraft() =>
        new(days.ToWeekdaySet(), start, duration, Weeks: Weeks, FirstDate: date, Capacity: capacity);

    private SlotDraft OneOffDraft()
    {
        var startsAt = LocalTimeConverter.ToUtc(date, start, zone!);
        return new SlotDraft(startsAt, startsAt.AddMinutes(duration), capacity);
    }

    /// <summary>Maps the core's field names onto this form's fields; errors naming no field of the form show under it.</summary>
    private static List<ClassBookingError> ForForm(IEnumerable<ClassBookingError> found) =>
        found.Select(e => e with
        {
            Field = e.Field switch
            {
                "firstDate" or "startsAt" => "date",
                "endsAt" => "durationMinutes",
                "until" => "weeks",
                "weekdays" or "durationMinutes" or "capacity" or "weeks" => e.Field,
                _ => null,
            },
        }).ToList();

    private async Task PreviewAsync()
    {
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            preview = null;
            if (weekly)
            {
                var planned = await Series.PreviewAsync(TeacherId, SeriesDraft());
                errors = planned.Succeeded ? [] : ForForm(planned.Errors);
                if (planned.Succeeded)
                {
                    preview = planned.Value.ToCreate.Select(o => new PreviewRow(o.Range, null))
                        .Concat(planned.Value.Skipped.Select(s => new PreviewRow(s.Range, s.Reason)))
                        .OrderBy(r => r.Range.Start)
                        .ToList();
                }
            }
            else
            {
                var draft = OneOffDraft();
                var invalid = SlotRules.Validate(draft, Time.GetUtcNow());
                errors = ForForm(invalid);
                if (invalid.Count == 0)
                {
                    var planned = await Slots.PreviewAsync(TeacherId, [new TimeRange(draft.StartsAt, draft.EndsAt)]);
                    var conflict = planned.Conflicts.Count > 0 ? planned.Conflicts[0] : null;
                    preview = [new PreviewRow(planned.Candidates[0], conflict is null ? null : Describe(conflict))];
                }
            }
        }
        finally
        {
            busy = false;
        }
    }

    private string Describe(SlotConflict conflict) =>
        (conflict.BufferOnly ? "too close to " : "overlaps ") + conflict.WithKind switch
        {
            ConflictKind.Block => "a blocked period",
            _ => "your class at " + PortalText.When(conflict.With.Start, conflict.With.End, zone!),
        } + ".";

    private async Task SaveAsync()
    {
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            if (weekly)
            {
                var created = await Series.CreateAsync(TeacherId, SeriesDraft());
                if (created.Succeeded)
                {
                    result = $"Created {Count(created.Value.Created.Count, "class", "classes")}; skipped {created.Value.Skipped.Count}.";
                    skipped = created.Value.Skipped
                        .Select(s => $"{PortalText.When(s.Range.Start, s.Range.End, zone!)}: {s.Reason}")
                        .ToList();
                }
                else
                {
                    errors = ForForm(created.Errors);
                }
            }
            else
            {
                var created = await Slots.CreateAsync(TeacherId, OneOffDraft());
                if (created.Succeeded)
                {
                    result = $"Created 1 class: {PortalText.When(created.Value.StartsAt, created.Value.EndsAt, zone!)}.";
                    skipped = [];
                }
                else
                {
                    errors = ForForm(created.Errors);
                }
            }

            if (result is not null)
            {
                preview = null;
                errors = [];
                refocus = true;
                await OnSaved.InvokeAsync(result);
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
        // Save had focus and is gone now: keep focus (and Escape) inside the dialog.
        if (refocus && frame is not null && RendererInfo.IsInteractive)
        {
            refocus = false;
            await frame.FocusAsync();
        }
    }

    private sealed record PreviewRow(TimeRange Range, string? Conflict);
}
