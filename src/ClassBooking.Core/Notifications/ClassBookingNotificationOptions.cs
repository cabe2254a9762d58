using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// How booking e-mails are queued and delivered: reminder times, the portal address e-mails link to, and the
/// delivery service's pace, lease and retries. The sample binds <c>ClassBooking:Notifications</c>.
/// </summary>
public sealed class ClassBookingNotificationOptions
{
    /// <summary>The reminder times used when <see cref="Reminders"/> is not set: 24 hours and 1 hour before a class.</summary>
    public static IReadOnlyList<TimeSpan> DefaultReminders { get; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>Most reminders per booking.</summary>
    public const int MaxReminders = 5;

    /// <summary>
    /// How long before a class each reminder goes out (a teacher may override them in their policy); null uses
    /// <see cref="DefaultReminders"/>. A list rather than defaults bound over, because configuration binding appends
    /// to a list that already holds values.
    /// </summary>
#pragma warning disable CA2227 // Settable so configuration binding can replace it.
    public IList<TimeSpan>? Reminders { get; set; }
#pragma warning restore CA2227

    /// <summary>Whether reminders are sent at all (true).</summary>
    public bool SendReminders { get; set; } = true;

    /// <summary>
    /// The host's public root, e.g. <c>https://lessons.example/</c>: e-mails link to the student's portal under it.
    /// Without it, e-mails ask the student to use the link their teacher gave them.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The path the host mapped ClassBooking's HTTP API under, relative to <see cref="PublicBaseUrl"/>
    /// (<c>app.MapClassBooking("/api")</c> gives <c>"api"</c>, the default): the one-click link that stops reminders is
    /// <c>{PublicBaseUrl}{ApiPath}/booking/{token}/reminders/stop</c>.
    /// </summary>
    public string ApiPath { get; set; } = "api";

    /// <summary>Where the teacher's e-mails link to, relative to <see cref="PublicBaseUrl"/>: their schedule (<c>""</c>, the root).</summary>
    public string TeacherDashboardPath { get; set; } = "";

    /// <summary>Whether this instance runs the delivery service (true). Every instance may; leases keep them apart.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>How often the delivery service looks for due messages (2 seconds), so a message leaves within seconds of its commit.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most messages one instance leases at a time (20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a leased message is reserved for the instance that leased it (2 minutes): if that instance stops,
    /// another takes the message over after this time. Longer than a send takes, shorter than a reminder may wait.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delivery attempts before a message is marked dead (8: about 4 hours with the default delays).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry (30 seconds); each later retry waits twice as long, up to <see cref="MaxRetryDelay"/>, with random jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between two attempts (1 hour).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The name this instance leases under; by default the machine's name, the process id and a random suffix.</summary>
    public string? InstanceName { get; set; }

    /// <summary>The reminder offsets in effect for a teacher: their own (minutes) when set, else the host's.</summary>
    public IReadOnlyList<TimeSpan> RemindersFor(IReadOnlyList<int>? teacherMinutes) =>
        !SendReminders ? []
        : teacherMinutes is not null ? teacherMinutes.Select(m => TimeSpan.FromMinutes(m)).ToList()
        : Reminders is { Count: > 0 } configured ? configured.ToList()
        : DefaultReminders;
}

/// <summary>Checks <see cref="ClassBookingNotificationOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class ClassBookingNotificationOptionsValidator : IValidateOptions<ClassBookingNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassBookingNotificationOptions options)
    {
        const string Prefix = "ClassBookingNotificationOptions.";
        var failures = new List<string>();
        if (options.Reminders is { } reminders)
        {
            if (reminders.Count > ClassBookingNotificationOptions.MaxReminders)
            {
                failures.Add($"{Prefix}Reminders has {reminders.Count} entries; at most {ClassBookingNotificationOptions.MaxReminders} are allowed.");
            }

            foreach (var r in reminders.Where(r => r < TimeSpan.FromMinutes(1) || r > TimeSpan.FromDays(14)))
            {
                failures.Add($"{Prefix}Reminders holds {r}; each reminder is between 1 minute and 14 days before the class (e.g. 1.00:00:00 and 01:00:00).");
            }
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Prefix}PublicBaseUrl '{url}' must be an absolute http or https address, e.g. https://lessons.example/.");
        }

        Positive(options.PollInterval, "PollInterval", "TimeSpan.FromSeconds(2)");
        Positive(options.LeaseDuration, "LeaseDuration", "TimeSpan.FromMinutes(2)");
        Positive(options.RetryDelay, "RetryDelay", "TimeSpan.FromSeconds(30)");
        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{Prefix}MaxRetryDelay ({options.MaxRetryDelay}) is shorter than RetryDelay ({options.RetryDelay}).");
        }

        if (options.BatchSize is < 1 or > 500)
        {
            failures.Add($"{Prefix}BatchSize is {options.BatchSize}; use 1 to 500 (default 20).");
        }

        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"{Prefix}MaxAttempts is {options.MaxAttempts}; use 1 to 50 (default 8).");
        }

        if (options.InstanceName is { } instance && (instance.Length is 0 or > 200 || instance.Any(char.IsControl)))
        {
            failures.Add($"{Prefix}InstanceName must have 1 to 200 printable characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(TimeSpan value, string field, string example)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{Prefix}{field} is {value}; it must be positive (e.g. {example}).");
            }
        }
    }
}
