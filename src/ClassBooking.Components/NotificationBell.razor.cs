using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's notices behind a bell: a button named "Notifications, 3 unread" with the unread count as a badge
/// opens a list of the newest notices (<see cref="TeacherNoticeService"/>: students' bookings and cancellations, and
/// messages that could not be delivered), each with the student, the class's time in the teacher's zone and how long
/// ago it happened. Selecting an unread notice marks it read; "Mark all read" marks those shown so far.
/// </summary>
/// <remarks>
/// <para>Live: every <see cref="PollInterval"/> (on the injected <see cref="TimeProvider"/>) the bell reads only the
/// notices' version, one aggregate query, and reloads the list when it changed. It reads the shared database, so it
/// sees bookings made through any host instance. A database that cannot answer for now leaves the bell as it was and
/// is asked again at the next tick; the timer stops when the component is disposed.</para>
/// <para>Keyboard: the button opens and closes the list (<c>aria-expanded</c>); focus moves into the list when it
/// opens; Escape closes it and returns focus to the button. New notices are announced in a polite live region.</para>
/// <para>Render it interactively on the server; the root carries <c>data-interactive</c> once the bell is polling.</para>
/// </remarks>
public partial class NotificationBell : IDisposable
{
    private readonly string idSuffix = Guid.NewGuid().ToString("N")[..8];
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationToken stopping;
    private TeacherNoticePage? shown;
    private string? zone;
    private string? loadedFor;
    private bool open;
    private bool busy;
    private bool stale;
    private bool polling;
    private bool focusPanel;
    private bool focusButton;
    private string announcement = "";
    private ElementReference button;
    private ElementReference panel;

    /// <summary>Creates the bell.</summary>
    public NotificationBell() => stopping = stop.Token;

    [Inject]
    private TeacherNoticeService Notices { get; set; } = default!;

    [Inject]
    private TeacherPolicyService Policies { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<NotificationBell> Logger { get; set; } = default!;

    /// <summary>The teacher whose notices are shown (ClassBooking's teacher id).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>How often the bell asks whether anything changed (1 second by default, so a notice shows within 2 seconds).</summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many of the newest notices the list shows (1 to <see cref="TeacherNoticeService.MaxPageSize"/>; 20 by default).</summary>
    [Parameter]
    public int MaxNotices { get; set; } = TeacherNoticeService.DefaultPageSize;

    private int Unread => shown?.UnreadCount ?? 0;

    private string PanelId => $"cb-bell-panel-{idSuffix}";

    private string TitleId => $"cb-bell-title-{idSuffix}";

    private string HintId => $"cb-bell-hint-{idSuffix}";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNotices, 1, nameof(MaxNotices));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxNotices, TeacherNoticeService.MaxPageSize, nameof(MaxNotices));
        if (loadedFor == TeacherId)
        {
            return;
        }

        loadedFor = TeacherId;
        shown = null;
        zone = null;
        await RefreshAsync(announce: false);
        if (RendererInfo.IsInteractive && !polling)
        {
            polling = true;
            _ = PollAsync(stopping);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await InvokeAsync(() => RefreshAsync(announce: true)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the circuit or the page went away.
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // Not a passing database failure (those are handled below): a fault the host should see, as in any other
            // part of a component. The bell stops polling.
            await DispatchExceptionAsync(failure).ConfigureAwait(false);
        }
    }

    /// <summary>Asks for the version and reloads the list when it changed; a passing database failure keeps what is shown.</summary>
    private async Task RefreshAsync(bool announce)
    {
        var wasStale = stale;
        try
        {
            zone ??= (await Policies.GetAsync(TeacherId, stopping)).TimeZoneId;
            var version = await Notices.GetVersionAsync(TeacherId, stopping);
            var changed = shown is null || version != shown.Version;
            if (changed)
            {
                await LoadAsync(announce);
            }

            stale = false;
            if (wasStale)
            {
                LogRecovered(Logger, TeacherId);
            }

            // An open list shows "how long ago": render each tick so it moves on.
            if (changed || wasStale || open)
            {
                StateHasChanged();
            }
        }
        catch (Exception failure) when (TransientDatabaseFailure.IsTransient(failure) && !stopping.IsCancellationRequested)
        {
            stale = true;
            if (!wasStale)
            {
                LogStale(Logger, failure, TeacherId);
                StateHasChanged();
            }
        }
    }

    private async Task LoadAsync(bool announce)
    {
        var before = shown;
        shown = await Notices.GetNoticesAsync(TeacherId, MaxNotices, stopping);
        if (announce && before is not null && zone is not null)
        {
            var known = before.Notices.Select(n => n.Id).ToHashSet();
            var newest = before.Notices.Count == 0 ? (DateTimeOffset?)null : before.Notices[0].CreatedAt;
            var arrived = shown.Notices.Where(n => !known.Contains(n.Id) && !n.IsRead && (newest is null || n.CreatedAt >= newest)).ToList();
            if (arrived.Count > 0)
            {
                announcement = NoticeText.Arrived(arrived, zone);
            }
        }
    }

    private async Task ToggleAsync()
    {
        if (open)
        {
            Close();
            return;
        }

        open = true;
        focusPanel = true;
        announcement = "";
        // The list may have been loaded a while ago: "how long ago" and anything missed are brought up to date.
        await RefreshAsync(announce: false);
    }

    private void Close()
    {
        open = false;
        focusButton = true;
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (open && e.Key is "Escape" or "Esc")
        {
            Close();
        }
    }

    private async Task MarkReadAsync(TeacherNotice notice)
    {
        if (notice.IsRead || busy)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Notices.MarkReadAsync(TeacherId, notice.Id, stopping);
            if (!result.Succeeded)
            {
                announcement = result.Error!.Message;
            }

            await LoadAsync(announce: false);
        }
        catch (Exception failure) when (TransientDatabaseFailure.IsTransient(failure))
        {
            announcement = NoticeText.MarkFailed;
        }
        finally
        {
            busy = false;
        }
    }

    private async Task MarkAllReadAsync()
    {
        if (shown is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            // Only what the teacher was shown: a notice that arrives meanwhile stays unread.
            var result = await Notices.MarkAllReadAsync(TeacherId, shown.Version.Newest, stopping);
            await LoadAsync(announce: false);
            announcement = result.Succeeded ? NoticeText.MarkedAllRead(result.Value) : result.Error!.Message;
            // The button is disabled now that nothing is unread; focus stays in the list.
            focusPanel = true;
        }
        catch (Exception failure) when (TransientDatabaseFailure.IsTransient(failure))
        {
            announcement = NoticeText.MarkFailed;
        }
        finally
        {
            busy = false;
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (focusPanel && open)
        {
            focusPanel = false;
            await panel.FocusAsync();
        }
        else if (focusButton)
        {
            focusButton = false;
            await button.FocusAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string ItemClass(TeacherNotice notice) =>
        $"cb-notice cb-notice--{KindName(notice)}{(notice.IsRead ? "" : " cb-notice--unread")}";

    private static string KindName(TeacherNotice notice) => notice.Kind switch
    {
        TeacherNoticeKind.StudentBooked => "booked",
        TeacherNoticeKind.StudentCancelled => "cancelled",
        _ => "failed",
    };

    private string IsoText(DateTimeOffset instant) =>
        instant.ToOffset(Core.Scheduling.LocalTimeConverter.OffsetAt(instant, zone!)).ToString("yyyy-MM-ddTHH:mmzzz", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "The notification bell of teacher {TeacherId} could not read the notices; it keeps what it shows and tries again.")]
    private static partial void LogStale(ILogger logger, Exception exception, string teacherId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "The notification bell of teacher {TeacherId} reads the notices again.")]
    private static partial void LogRecovered(ILogger logger, string teacherId);
}
