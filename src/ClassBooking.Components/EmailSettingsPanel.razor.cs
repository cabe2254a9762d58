using ClassBooking.Core.Notifications;
using ClassBooking.Core.Stores;
using Microsoft.AspNetCore.Components;

namespace ClassBooking.Components;

/// <summary>
/// The teacher's choice of booking e-mails: one checkbox per kind (to students: confirmation, change,
/// cancellation, reminders; to the teacher: a student booked, a student cancelled), saved with
/// <see cref="NotificationPreferenceService.SetMutedAsync"/>. The result is announced in a <c>role="status"</c>
/// region. Render it interactively on the server; the root carries <c>data-interactive</c>.
/// </summary>
public partial class EmailSettingsPanel
{
    private static readonly IReadOnlyList<(string Legend, IReadOnlyList<(BookingEmailKind Kind, string Label)> Options)> Groups =
    [
        ("To your students",
        [
            (BookingEmailKind.BookingConfirmed, "Confirmation when a class is booked (with a calendar invitation)"),
            (BookingEmailKind.BookingChanged, "Update when you move or change a booked class"),
            (BookingEmailKind.BookingCancelled, "Cancellation, by you or by them"),
            (BookingEmailKind.Reminder, "Reminders before each class"),
        ]),
        ("To you",
        [
            (BookingEmailKind.TeacherStudentBooked, "A student booked a class"),
            (BookingEmailKind.TeacherStudentCancelled, "A student cancelled a class"),
        ]),
    ];

    private readonly string idPrefix = "cb-eset-" + Guid.NewGuid().ToString("N")[..8];
    private HashSet<BookingEmailKind>? muted;
    private string? loadedFor;
    private string status = "";
    private bool statusIsError;
    private bool busy;

    [Inject]
    private NotificationPreferenceService Preferences { get; set; } = default!;

    /// <summary>The signed-in teacher's id (from the host's profile table).</summary>
    [Parameter, EditorRequired]
    public string TeacherId { get; set; } = "";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == TeacherId)
        {
            return;
        }

        loadedFor = TeacherId;
        try
        {
            muted = (await Preferences.GetMutedAsync(TeacherId)).ToHashSet();
        }
        catch (Exception e) when (TransientDatabaseFailure.IsTransient(e))
        {
            muted = null;
            (status, statusIsError) = ("The settings could not be loaded just now. Reload the page in a moment.", true);
        }
    }

    private void Toggle(BookingEmailKind kind, bool send)
    {
        if (send)
        {
            muted!.Remove(kind);
        }
        else
        {
            muted!.Add(kind);
        }

        status = "";
    }

    private async Task SaveAsync()
    {
        if (muted is null)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Preferences.SetMutedAsync(TeacherId, muted.ToList());
            (status, statusIsError) = result.Succeeded
                ? (muted.Count == 0 ? "Saved. Every booking e-mail is sent." : $"Saved. {muted.Count} kind{(muted.Count == 1 ? " is" : "s are")} switched off.", false)
                : (result.Error!.Message, true);
        }
        catch (Exception e) when (TransientDatabaseFailure.IsTransient(e))
        {
            (status, statusIsError) = ("Not saved: the database is busy. Please try again in a moment.", true);
        }
        finally
        {
            busy = false;
        }
    }
}
