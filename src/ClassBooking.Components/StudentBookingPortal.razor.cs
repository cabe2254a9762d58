using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// The student's booking page behind a share link (<c>/book/{teacher}/{token}</c>): the teacher's week (Monday to
/// Sunday) as the privacy filter lets this student see it, with week navigation; times in the student's zone (the
/// student profile's, else the teacher's) with the teacher's zone named; the policy in plain words; the student's
/// upcoming classes and history; booking and cancelling through <see cref="BookingConfirmationModal"/> and
/// <see cref="CancellationModal"/>; and the student's calendar feed, to subscribe to (a <c>webcal://</c> link) or
/// copy, when the host mapped ClassBooking's API. A link that does not resolve shows a friendly page and, while
/// prerendering, sets the response status to 404. Render it interactively on the server; the root carries
/// <c>data-interactive</c>.
/// </summary>
public partial class StudentBookingPortal
{
    private readonly FocusTargets focusTargets = new();
    private PortalState state = PortalState.Loading;
    private ShareTokenGrant? grant;
    private string? studentZone;
    private string? loadedToken;
    private StudentCalendar? calendar;
    private StudentBookings? mine;
    private TeacherPolicy? policy;
    private StudentCalendarEntry? bookingSlot;
    private Booking? cancelling;
    private string? openedFrom;
    private string announcement = "";
    private string? refusal;
    private string? feedUrl;
    private PersistingComponentStateSubscription? persisting;

    /// <summary>What the prerendered page refused with, handed to the interactive render (which has no client address to check).</summary>
    private sealed record PrerenderedRefusal(string Token, string Message);

    private const string RefusalStateKey = "ClassBooking.StudentBookingPortal.Refusal";
    private bool announcementIsError;

    private enum PortalState
    {
        Loading,
        Invalid,
        TooManyAttempts,
        Busy,
        Ready,
    }

    [Inject]
    private LinkGenerator Links { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// The public root the calendar feed's address starts with (e.g. <c>https://lessons.example/</c>); by default the
    /// app's base address (<see cref="NavigationManager.BaseUri"/>).
    /// </summary>
    [Parameter]
    public string? LinkBaseUrl { get; set; }

    /// <summary>The share token from the link.</summary>
    [Parameter, EditorRequired]
    public string Token { get; set; } = "";

    /// <summary>The request, while prerendering on the server (used for the 404 status and the usage log).</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized() =>
        persisting = ApplicationState.RegisterOnPersisting(() =>
        {
            if (state == PortalState.TooManyAttempts && refusal is not null)
            {
                ApplicationState.PersistAsJson(RefusalStateKey, new PrerenderedRefusal(Token, refusal));
            }

            return Task.CompletedTask;
        });

    /// <inheritdoc />
    public void Dispose()
    {
        persisting?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (string.Equals(loadedToken, Token, StringComparison.Ordinal))
        {
            return;
        }

        loadedToken = Token;
        state = PortalState.Loading;
        if (ApplicationState.TryTakeFromJson<PrerenderedRefusal>(RefusalStateKey, out var prerendered)
            && prerendered is not null && string.Equals(prerendered.Token, Token, StringComparison.Ordinal))
        {
            // The guard answered the prerendered request by its client address; the interactive render keeps that answer.
            state = PortalState.TooManyAttempts;
            refusal = prerendered.Message;
            return;
        }

        if (HttpContext is { Response.HasStarted: false } response)
        {
            // The page's URL holds the token: keep it out of referrers and caches, whatever the answer.
            foreach (var (name, value) in ShareLinkUrl.ResponseHeaders)
            {
                response.Response.Headers[name] = value;
            }
        }

        try
        {
            await LoadPortalAsync();
        }
        catch (Exception ex) when (TransientDatabaseFailure.IsTransient(ex))
        {
            // Under load the database may have no connection to spare: say so (503), never a server error page.
            state = PortalState.Busy;
            SetRefusedStatus(StatusCodes.Status503ServiceUnavailable, TransientDatabaseFailure.RetryAfter);
        }
    }

    private async Task LoadPortalAsync()
    {
        var origin = HttpContext is { } http
            ? new RequestOrigin(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString())
            : null;
        // One page load is one use: it is recorded by the server-rendered request, which knows the client; the
        // interactive render that follows it resolves the same token again without recording.
        // Failed look-ups count against the client address as the HTTP API's do (one guard for both).
        var resolved = await Tokens.ResolveAsync(Token, origin, recordUse: HttpContext is not null);
        if (!resolved.Succeeded)
        {
            if (resolved.Errors[0] is { Code: ErrorCodes.RateLimited } limited)
            {
                ShowTooManyAttempts(limited);
            }
            else
            {
                ShowInvalid();
            }

            return;
        }

        grant = resolved.Value;
        feedUrl = FeedLinks.Find(Links, CalendarFeedUrl.StudentFeedEndpointName, Token, string.IsNullOrWhiteSpace(LinkBaseUrl) ? Navigation.BaseUri : LinkBaseUrl);
        var student = await Students.FindStudentAsync(grant.TeacherId, grant.StudentId, CancellationToken.None);
        studentZone = LocalTimeConverter.IsKnownZone(student?.TimeZoneId) ? student!.TimeZoneId : null;
        policy = await Policies.GetAsync(grant.TeacherId);
        if (!await LoadWeekAsync(null))
        {
            ShowInvalid();
            return;
        }

        await LoadBookingsAsync();
        state = PortalState.Ready;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (RendererInfo.IsInteractive)
        {
            await focusTargets.ApplyAsync();
        }
    }

    private void ShowInvalid()
    {
        state = PortalState.Invalid;
        SetRefusedStatus(StatusCodes.Status404NotFound, null);
    }

    private void ShowTooManyAttempts(ClassBookingError limited)
    {
        state = PortalState.TooManyAttempts;
        refusal = limited.Message;
        SetRefusedStatus(StatusCodes.Status429TooManyRequests, limited.RetryAfter);
    }

    private void SetRefusedStatus(int status, TimeSpan? retryAfter)
    {
        grant = null;
        calendar = null;
        mine = null;
        feedUrl = null;
        if (HttpContext is { Response.HasStarted: false } http)
        {
            // Set as the headers go out, not now: Blazor's endpoint treats a 404 set during rendering as "no such
            // page" and would render the host's not-found page instead of this explanation.
            http.Response.OnStarting(() =>
            {
                http.Response.StatusCode = status;
                if (retryAfter is { } wait)
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            });
        }
    }

    private async Task<bool> LoadWeekAsync(DateOnly? weekOf)
    {
        if (grant is null)
        {
            return false;
        }

        var week = await Calendars.GetWeekAsync(grant.TeacherId, grant.StudentId, weekOf, studentZone);
        if (week.Succeeded)
        {
            calendar = week.Value;
            return true;
        }

        if (calendar is not null)
        {
            Announce(PortalText.Explain(week.Error!), isError: true);
        }

        return false;
    }

    private async Task LoadBookingsAsync()
    {
        if (grant is not null)
        {
            mine = await Bookings.GetStudentBookingsAsync(grant.TeacherId, grant.StudentId);
        }
    }

    private async Task MoveWeekAsync(int weeks)
    {
        if (calendar is null)
        {
            return;
        }

        focusTargets.Clear();
        if (await LoadWeekAsync(calendar.WeekStart.AddDays(7 * weeks)))
        {
            Announce($"Showing the week of {PortalText.WeekLabel(calendar.WeekStart)}.", isError: false);
        }
    }

    private void OpenBooking(StudentCalendarEntry entry, string from)
    {
        cancelling = null;
        bookingSlot = entry;
        openedFrom = from;
    }

    private void OpenCancellation(Guid? bookingId, string from)
    {
        var booking = mine?.Upcoming.FirstOrDefault(b => b.Id == bookingId);
        if (booking is null)
        {
            Announce("This booking could not be found. Please reload the page.", isError: true);
            return;
        }

        bookingSlot = null;
        cancelling = booking;
        openedFrom = from;
    }

    private void CloseDialogs()
    {
        bookingSlot = null;
        cancelling = null;
        focusTargets.FocusAfterRender(openedFrom);
        openedFrom = null;
    }

    private async Task OnBookedAsync(Booking booking)
    {
        Announce($"Booked: {PortalText.When(booking.StartsAt, booking.EndsAt, calendar!.TimeZone)} with {calendar.TeacherName}.", isError: false);
        await RefreshAsync();
    }

    private async Task OnBookingRefusedAsync(ClassBookingError error)
    {
        Announce($"Not booked. {PortalText.Explain(error)}", isError: true);
        await RefreshAsync();
    }

    private async Task OnCancelledAsync(Booking booking)
    {
        Announce($"Cancelled: {PortalText.When(booking.StartsAt, booking.EndsAt, calendar!.TimeZone)}.", isError: false);
        await RefreshAsync();
    }

    private void OnCancellationRefused(ClassBookingError error) => Announce($"Not cancelled. {PortalText.Explain(error)}", isError: true);

    private async Task RefreshAsync()
    {
        if (calendar is not null)
        {
            await LoadWeekAsync(calendar.WeekStart);
        }

        await LoadBookingsAsync();
    }

    private void Announce(string text, bool isError)
    {
        announcement = text;
        announcementIsError = isError;
    }
}
