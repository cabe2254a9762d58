using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Policies;
using ClassBooking.Core.Services;
using ClassBooking.Core.Tokens;
using MimeKit;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>What a queued message becomes: the e-mail to send, or why none is sent.</summary>
/// <param name="Email">The e-mail, or null when it is not sent.</param>
/// <param name="SkipReason">Why it is not sent (no address, the person is gone), for the row and the teacher.</param>
public sealed record BookingEmailDraft(BookingEmail? Email, string? SkipReason);

/// <summary>
/// Turns an outbox row into a <see cref="BookingEmail"/>: the facts the row kept at the time of the change, with
/// the names, addresses and zones the host's directories give now, the teacher's policy, and the link back to the
/// portal. Runs outside any unit of work (it asks the host's directories).
/// </summary>
public sealed class BookingEmailFactory(
    ITeacherDirectory teachers,
    IStudentDirectory students,
    TeacherPolicyService policies,
    ShareTokenService tokens,
    NotificationPreferenceService preferences,
    BookingEmailComposer composer,
    IOptions<ClassBookingNotificationOptions> options)
{
    /// <summary>The e-mail for <paramref name="notification"/>, or the reason it is skipped.</summary>
    public async Task<BookingEmailDraft> CreateAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var teacher = await teachers.FindTeacherAsync(notification.TeacherId, cancellationToken).ConfigureAwait(false);
        var student = await students.FindStudentAsync(notification.TeacherId, notification.StudentId, cancellationToken).ConfigureAwait(false);
        if (teacher is null || student is null)
        {
            return new BookingEmailDraft(null, teacher is null ? "The teacher is no longer known to the host." : "The student is no longer the teacher's student.");
        }

        var recipientAddress = notification.IsToTeacher ? teacher.Email : student.Email;
        if (!IsUsableAddress(recipientAddress))
        {
            return new BookingEmailDraft(null, notification.IsToTeacher ? "The teacher has no usable e-mail address." : $"{student.DisplayName} has no usable e-mail address.");
        }

        // The profile just read serves the policy's defaults too: one directory call per message, not two.
        var policy = await policies.GetAsync(notification.TeacherId, teacher, cancellationToken).ConfigureAwait(false);
        if (policy.MutedEmailKinds?.Contains(notification.Kind) == true)
        {
            return new BookingEmailDraft(null, "The teacher switched this e-mail off.");
        }

        if (notification.Kind == BookingEmailKind.Reminder
            && await preferences.HasStoppedRemindersAsync(notification.TeacherId, notification.StudentId, cancellationToken).ConfigureAwait(false))
        {
            return new BookingEmailDraft(null, $"{student.DisplayName} stopped reminders.");
        }

        var token = notification.IsToTeacher ? null
            : await tokens.RecoverLiveTokenAsync(notification.TeacherId, notification.StudentId, cancellationToken).ConfigureAwait(false);
        var deadline = BookingPolicyEvaluator.CancellationDeadline(policy, notification.StartsAt);
        var email = new BookingEmail
        {
            Kind = notification.Kind,
            BookingId = notification.BookingId,
            StartsAt = notification.StartsAt,
            EndsAt = notification.EndsAt,
            PreviousStartsAt = notification.PreviousStartsAt,
            PreviousEndsAt = notification.PreviousEndsAt,
            // The invitation needs an organizer address; a teacher without one organizes under the sender's.
            Teacher = new CalendarParticipant(teacher.DisplayName, IsUsableAddress(teacher.Email) ? teacher.Email! : composer.Sender.Address),
            Student = new CalendarParticipant(student.DisplayName, IsUsableAddress(student.Email) ? student.Email! : composer.Sender.Address),
            Note = notification.Note,
            RecipientTimeZoneId = notification.IsToTeacher ? policy.TimeZoneId : student.TimeZoneId ?? policy.TimeZoneId,
            // Stated as of the message's own time, so a retry says the same.
            CancellationDeadline = deadline > notification.DueAt ? deadline : null,
            PolicyText = policy.CancellationWindow > TimeSpan.Zero
                ? $"Classes can be cancelled online until {BookingPolicyEvaluator.Describe(policy.CancellationWindow)} before they start."
                : "Classes can be cancelled online until they start.",
            PortalUrl = Link(notification, teacher, token),
            StopRemindersUrl = token is null ? null : Absolute($"{options.Value.ApiPath.Trim('/')}/booking/{Uri.EscapeDataString(token)}/reminders/stop"),
            CancelledBy = notification.CancelledBy,
            CancellationReason = notification.CancellationReason,
            Sequence = notification.Sequence,
            MessageKey = notification.Id.ToString("N"),
            QueuedAt = notification.DueAt,
        };
        return new BookingEmailDraft(email, null);
    }

    private Uri? Link(Notification notification, TeacherProfile teacher, string? token) =>
        notification.IsToTeacher ? Absolute(options.Value.TeacherDashboardPath.TrimStart('/'))
        : token is null || Root() is not { } root ? null
        : new Uri(ShareLinkUrl.Build(root, teacher.DisplayName, token));

    private Uri? Absolute(string relative) => Root() is { } root ? new Uri(root, relative) : null;

    /// <summary>The public root with a trailing slash, so relative links keep a path base ("https://x.example/app/").</summary>
    private Uri? Root() =>
        options.Value.PublicBaseUrl is not { } configured ? null
        : configured.AbsoluteUri.EndsWith('/') ? configured
        : new Uri(configured.AbsoluteUri + "/");

    private static bool IsUsableAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}
