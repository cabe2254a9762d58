using System.Globalization;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's calendar feed: whether they have a feed address and since when; buttons to create it, make a new
/// one (the old address stops working; after a confirmation) and revoke it (after a confirmation); the new address
/// shown once, right after it is made (only its hash is stored), as a <c>webcal://</c> link that asks the device's
/// calendar app to subscribe and as a field with Copy. Results are announced in a <c>role="status"</c> region. Shows
/// that no feed is offered when the host has not mapped ClassBooking's API. Render it interactively on the server;
/// the root carries <c>data-interactive</c>.
/// </summary>
public partial class TeacherCalendarFeedPanel
{
    private const string CreateKey = "create";
    private const string RegenerateKey = "regenerate";
    private const string RevokeKey = "revoke";
    private const string SubscribeKey = "subscribe";

    private readonly string idPrefix = "cb-tcf-" + Guid.NewGuid().ToString("N")[..8];
    private readonly FocusTargets focusTargets = new();
    private string? loadedFor;
    private bool loaded;
    private bool available;
    private string? zone;
    private DateTimeOffset? createdAt;
    private string? newUrl;
    private ConfirmKind? confirming;
    private string? confirmError;
    private bool busy;
    private string announcement = "";
    private bool announcementIsError;

    private enum ConfirmKind
    {
        Regenerate,
        Revoke,
    }

    [Inject]
    private CalendarFeedService Feeds { get; set; } = default!;

    [Inject]
    private TeacherPolicyService Policies { get; set; } = default!;

    [Inject]
    private LinkGenerator Links { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The teacher whose feed this is (ClassBooking's teacher id).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>
    /// The public root the feed's address starts with (e.g. <c>https://lessons.example/</c>); by default the app's base
    /// address (<see cref="NavigationManager.BaseUri"/>).
    /// </summary>
    [Parameter]
    public string? LinkBaseUrl { get; set; }

    private string UrlId => idPrefix + "-url";

    private string BaseUrl => string.IsNullOrWhiteSpace(LinkBaseUrl) ? Navigation.BaseUri : LinkBaseUrl;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == TeacherId)
        {
            return;
        }

        loadedFor = TeacherId;
        newUrl = null;
        // The address of any token tells whether the host serves the feed at all.
        available = AddressOf("probe") is not null;
        zone = (await Policies.GetAsync(TeacherId)).TimeZoneId;
        createdAt = await Feeds.GetTeacherFeedCreatedAtAsync(TeacherId);
        loaded = true;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (RendererInfo.IsInteractive)
        {
            await focusTargets.ApplyAsync();
        }
    }

    private Task CreateAsync() => IssueAsync("Made your calendar feed address.");

    private void Ask(ConfirmKind kind)
    {
        confirming = kind;
        confirmError = null;
    }

    private void CloseConfirm()
    {
        focusTargets.FocusAfterRender(confirming == ConfirmKind.Revoke ? RevokeKey : RegenerateKey);
        confirming = null;
        confirmError = null;
    }

    private async Task ConfirmAsync()
    {
        if (confirming == ConfirmKind.Regenerate)
        {
            await IssueAsync("Made a new calendar feed address. The old address no longer works.");
            return;
        }

        await WhileBusyAsync(async () =>
        {
            var result = await Feeds.RevokeTeacherFeedAsync(TeacherId);
            if (!result.Succeeded)
            {
                confirmError = result.Error!.Message;
                return;
            }

            confirming = null;
            createdAt = null;
            newUrl = null;
            Announce("Revoked your calendar feed. Its address no longer works.", isError: false);
            focusTargets.FocusAfterRender(CreateKey);
        });
    }

    private Task IssueAsync(string message) => WhileBusyAsync(async () =>
    {
        var result = await Feeds.CreateTeacherFeedAsync(TeacherId);
        if (!result.Succeeded)
        {
            confirmError = result.Error!.Message;
            Announce($"No feed address was made. {result.Error.Message}", isError: true);
            return;
        }

        confirming = null;
        createdAt = result.Value.CreatedAt;
        newUrl = AddressOf(result.Value.Token);
        Announce($"{message} Add it to your calendar or copy it now: it is shown only this once.", isError: false);
        focusTargets.FocusAfterRender(SubscribeKey);
    });

    /// <summary>Runs one change at a time: a second click while the first is under way does nothing.</summary>
    private async Task WhileBusyAsync(Func<Task> change)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            await change();
        }
        finally
        {
            busy = false;
        }
    }

    private void HideAddress()
    {
        newUrl = null;
        focusTargets.FocusAfterRender(RegenerateKey);
    }

    private string? AddressOf(string token) => FeedLinks.Find(Links, CalendarFeedUrl.TeacherFeedEndpointName, token, BaseUrl);

    private void Announce(string text, bool isError)
    {
        announcement = text;
        announcementIsError = isError;
    }

    private string DateText(DateTimeOffset instant) => LocalTimeConverter.ToLocal(instant, zone!).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
