using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using ClassBooking.Core.Students;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's students with their private booking links: each student (from the host's directory) with the state
/// of their link; buttons to create, regenerate (after a confirmation) and revoke it; the new link shown once, right
/// after it is made (only its hash is stored), in a read-only field with Copy and E-mail; the student's colour, chosen
/// from the palette (<see cref="StudentColors"/>) and stored; and how the link was used in the last
/// <see cref="UsageDays"/> days, times in the teacher's zone. Results are announced in a <c>role="status"</c> region.
/// Render it interactively on the server; the root carries <c>data-interactive</c>.
/// </summary>
public partial class StudentManagementPanel : IAsyncDisposable
{
    /// <summary>How many days of link use the panel shows.</summary>
    public const int UsageDays = 30;

    /// <summary>How many recent uses are listed per student.</summary>
    public const int MaxRecentUses = 10;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private readonly string idPrefix = "cb-smp-" + Guid.NewGuid().ToString("N")[..8];
    private readonly FocusTargets focusTargets = new();
    private List<StudentRow>? rows;
    private string? zone;
    private string? teacherName;
    private string? loadedFor;
    private string announcement = "";
    private bool announcementIsError;
    private StudentRow? confirming;
    private ConfirmKind confirmKind;
    private ClassBookingError? confirmError;
    private bool busy;
    private Clipboard? clipboard;

    private enum ConfirmKind
    {
        Regenerate,
        Revoke,
    }

    [Inject]
    private ShareTokenService Tokens { get; set; } = default!;

    [Inject]
    private StudentColorService Colors { get; set; } = default!;

    [Inject]
    private TeacherPolicyService Policies { get; set; } = default!;

    [Inject]
    private ITeacherDirectory Teachers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The teacher whose students are shown (ClassBooking's teacher id).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <summary>
    /// The public root the links start with (e.g. <c>https://lessons.example/</c>); by default the app's base address
    /// (<see cref="NavigationManager.BaseUri"/>). Links are <c>{base}/book/{teacher}/{token}</c> (<see cref="ShareLinkUrl"/>).
    /// </summary>
    [Parameter]
    public string? LinkBaseUrl { get; set; }

    private string BaseUrl => string.IsNullOrWhiteSpace(LinkBaseUrl) ? Navigation.BaseUri : LinkBaseUrl;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == TeacherId)
        {
            return;
        }

        loadedFor = TeacherId;
        rows = null;
        zone = (await Policies.GetAsync(TeacherId)).TimeZoneId;
        teacherName = (await Teachers.FindTeacherAsync(TeacherId, CancellationToken.None))?.DisplayName;
        await LoadAsync();
    }

    /// <summary>Reloads the students, their links, colours and usage, e.g. after links were changed elsewhere.</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var statuses = await Tokens.GetLinkStatusesAsync(TeacherId);
        var colors = await Colors.GetColorsAsync(TeacherId);
        var now = Time.GetUtcNow();

        // The end lies a little ahead so a use recorded at this very instant is included (ranges are half-open).
        var range = new TimeRange(now.AddDays(-UsageDays), now.AddMinutes(1));
        var usage = (await Tokens.GetUsageAsync(TeacherId, range)).ToDictionary(u => u.StudentId, StringComparer.Ordinal);
        var log = (await Tokens.GetAccessLogAsync(TeacherId, null, range)).ToLookup(a => a.StudentId, StringComparer.Ordinal);

        var previous = rows?.ToDictionary(r => r.Student.Id, StringComparer.Ordinal);
        rows = statuses.Select((status, index) =>
        {
            var id = status.Student.Id;
            var row = new StudentRow(status.Student, $"{idPrefix}-{index.ToString(Culture)}")
            {
                Link = status,
                Color = colors.TryGetValue(id, out var color) ? color : new StudentColorChoice(id, StudentColors.DefaultFor(id), false),
                Usage = usage.GetValueOrDefault(id),
                RecentUses = log[id].Take(MaxRecentUses).ToList(),
            };
            if (previous?.GetValueOrDefault(id) is { } before)
            {
                // A link shown once stays shown until the teacher hides it or changes the link again.
                row.NewUrl = before.NewUrl;
                row.CopyState = before.CopyState;
                row.ColorVersion = before.ColorVersion;
            }

            return row;
        }).ToList();
    }

    private void AskRegenerate(StudentRow row) => OpenConfirm(row, ConfirmKind.Regenerate);

    private void AskRevoke(StudentRow row) => OpenConfirm(row, ConfirmKind.Revoke);

    private void OpenConfirm(StudentRow row, ConfirmKind kind)
    {
        confirming = row;
        confirmKind = kind;
        confirmError = null;
    }

    private void CloseConfirm()
    {
        if (confirming is { } row)
        {
            focusTargets.FocusAfterRender(confirmKind == ConfirmKind.Regenerate ? RegenerateKey(row) : RevokeKey(row));
        }

        confirming = null;
        confirmError = null;
    }

    private async Task CreateAsync(StudentRow row)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Tokens.IssueAsync(TeacherId, row.Student.Id);
            await ShowIssuedAsync(row, result, $"Created a booking link for {row.Student.DisplayName}.");
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ConfirmAsync()
    {
        if (confirming is not { } row || busy)
        {
            return;
        }

        busy = true;
        try
        {
            if (confirmKind == ConfirmKind.Regenerate)
            {
                var result = await Tokens.RegenerateAsync(TeacherId, row.Student.Id);
                if (result.Succeeded)
                {
                    confirming = null;
                }
                else
                {
                    confirmError = result.Error;
                }

                await ShowIssuedAsync(row, result, $"Made a new booking link for {row.Student.DisplayName}. The old link no longer works.");
            }
            else
            {
                var result = await Tokens.RevokeAsync(TeacherId, row.Student.Id);
                if (!result.Succeeded)
                {
                    confirmError = result.Error;
                    Announce($"The link for {row.Student.DisplayName} was not revoked. {result.Error!.Message}", isError: true);
                    return;
                }

                confirming = null;
                row.NewUrl = null;
                row.CopyState = CopyState.None;
                await LoadAsync();
                Announce($"Revoked the booking link for {row.Student.DisplayName}. It no longer works.", isError: false);
                focusTargets.FocusAfterRender(CreateKey(row));
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ShowIssuedAsync(StudentRow row, Result<IssuedShareToken> result, string message)
    {
        if (!result.Succeeded)
        {
            Announce($"No link was made for {row.Student.DisplayName}. {result.Error!.Message}", isError: true);
            return;
        }

        await LoadAsync();
        var current = rows!.FirstOrDefault(r => r.Student.Id == row.Student.Id);
        if (current is null)
        {
            return;
        }

        current.NewUrl = ShareLinkUrl.Build(BaseUrl, teacherName, result.Value.Token);
        current.CopyState = CopyState.None;
        Announce($"{message} Copy or e-mail it now: it is shown only this once.", isError: false);
        focusTargets.FocusAfterRender(UrlKey(current));
    }

    private void HideLink(StudentRow row)
    {
        row.NewUrl = null;
        row.CopyState = CopyState.None;
        focusTargets.FocusAfterRender(row.Link.HasLink && !row.Link.IsExpired ? RegenerateKey(row) : CreateKey(row));
    }

    private async Task CopyAsync(StudentRow row)
    {
        if (!focusTargets.TryGet(UrlKey(row), out var input))
        {
            return;
        }

        // Copies with navigator.clipboard; where the browser refuses, the text is selected instead.
        clipboard ??= new Clipboard(JS);
        var copied = await clipboard.CopyAsync(input);
        row.CopyState = copied ? CopyState.Copied : CopyState.SelectOnly;
        Announce(copied
            ? $"Copied the link for {row.Student.DisplayName}."
            : "Your browser did not let the page copy. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.", isError: !copied);
    }

    private async Task SelectAsync(StudentRow row)
    {
        if (focusTargets.TryGet(UrlKey(row), out var input))
        {
            clipboard ??= new Clipboard(JS);
            await clipboard.SelectAsync(input);
        }
    }

    private async Task SetColorAsync(StudentRow row, StudentColor color)
    {
        var result = await Colors.SetColorAsync(TeacherId, row.Student.Id, color.Key);
        if (result.Succeeded)
        {
            row.Color = result.Value;
            Announce($"{row.Student.DisplayName} is now shown in {color.Name.ToLowerInvariant()}.", isError: false);
        }
        else
        {
            // Re-create the radio group so it shows the stored colour again, not the one the browser checked.
            row.ColorVersion++;
            Announce($"The colour for {row.Student.DisplayName} was not saved. {result.Error!.Message}", isError: true);
        }
    }

    private void Announce(string text, bool isError)
    {
        announcement = text;
        announcementIsError = isError;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (RendererInfo.IsInteractive)
        {
            await focusTargets.ApplyAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (clipboard is not null)
        {
            await clipboard.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static string CreateKey(StudentRow row) => "create:" + row.Student.Id;

    private static string RegenerateKey(StudentRow row) => "regenerate:" + row.Student.Id;

    private static string RevokeKey(StudentRow row) => "revoke:" + row.Student.Id;

    private static string UrlKey(StudentRow row) => "url:" + row.Student.Id;

    private string DateTimeText(DateTimeOffset instant) => LocalTimeConverter.ToLocal(instant, zone!).ToString("ddd d MMM yyyy, HH:mm", Culture);

    private string DateText(DateTimeOffset instant) => LocalTimeConverter.ToLocal(instant, zone!).ToString("ddd d MMM yyyy", Culture);

    private string IsoText(DateTimeOffset instant)
    {
        var offset = LocalTimeConverter.OffsetAt(instant, zone!);
        return instant.ToOffset(offset).ToString("yyyy-MM-ddTHH:mmzzz", Culture);
    }

    private static string LinkState(StudentLinkStatus link) => !link.HasLink ? "none" : link.IsExpired ? "expired" : "active";

    private string LinkStatusText(StudentLinkStatus link) =>
        !link.HasLink ? "No link yet"
        : link.IsExpired ? $"Expired on {DateText(link.ExpiresAt!.Value)}"
        : $"Active · created {DateText(link.CreatedAt!.Value)} · expires {DateText(link.ExpiresAt!.Value)}";

    private string MailTo(StudentRow row)
    {
        var firstName = row.Student.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? row.Student.DisplayName;
        var from = teacherName ?? "your teacher";
        var subject = $"Your link to book classes with {from}";
        var body = $"Hi {firstName},\r\n\r\nHere is your private link to book classes with me:\r\n{row.NewUrl}\r\n\r\n"
            + "Please keep it to yourself: anyone who has it can book and cancel classes in your name.\r\n\r\n"
            + (teacherName ?? "");
        var to = string.IsNullOrWhiteSpace(row.Student.Email) ? "" : Uri.EscapeDataString(row.Student.Email.Trim()).Replace("%40", "@", StringComparison.Ordinal);
        return $"mailto:{to}?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body.TrimEnd())}";
    }

    /// <summary>A short description of a client from its user agent ("Safari on iPhone"), never the whole string.</summary>
    internal static string DescribeClient(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        bool Has(string s) => userAgent.Contains(s, StringComparison.OrdinalIgnoreCase);
        var browser = Has("Edg/") ? "Edge"
            : Has("Firefox/") || Has("FxiOS") ? "Firefox"
            : Has("Chrome/") || Has("CriOS") || Has("Chromium") ? "Chrome"
            : Has("Safari") ? "Safari"
            : null;
        var device = Has("iPhone") ? "iPhone"
            : Has("iPad") ? "iPad"
            : Has("Android") ? "Android"
            : Has("Windows") ? "Windows"
            : Has("Mac OS") || Has("Macintosh") ? "Mac"
            : Has("Linux") ? "Linux"
            : null;
        return (browser, device) switch
        {
            (not null, not null) => $"{browser} on {device}",
            (not null, null) => browser,
            (null, not null) => device,
            _ => "Other browser",
        };
    }

    private enum CopyState
    {
        None,
        Copied,
        SelectOnly,
    }

    private sealed class StudentRow(StudentProfile student, string htmlId)
    {
        public StudentProfile Student { get; } = student;

        /// <summary>The row's element id prefix (student ids may hold any character, so they are not used in ids).</summary>
        public string HtmlId { get; } = htmlId;

        public required StudentLinkStatus Link { get; set; }

        public required StudentColorChoice Color { get; set; }

        public TokenUsageSummary? Usage { get; init; }

        public IReadOnlyList<TokenAccess> RecentUses { get; init; } = [];

        /// <summary>The link made in this session, shown until hidden; never stored.</summary>
        public string? NewUrl { get; set; }

        public CopyState CopyState { get; set; }

        public int ColorVersion { get; set; }
    }
}
