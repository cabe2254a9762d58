using ClassBooking.Core.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Reports the outbox's health: degraded when a message died in the last day, or when a message has waited more
/// than ten minutes past its time (delivery stopped, or the mail server has been down that long).
/// Register with <c>services.AddHealthChecks().AddClassBookingNotifications()</c>.
/// </summary>
public sealed class NotificationDeliveryHealthCheck(INotificationDeliveryStore outbox, IOptions<ClassBookingNotificationOptions> options, TimeProvider time) : IHealthCheck
{
    /// <summary>How late a pending message may be before the check reports it.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (dead, overdue) = await outbox.CountProblemsAsync(now.AddDays(-1), now - OverdueAfter, cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["dead"] = dead, ["overdue"] = overdue, ["deliveryEnabled"] = options.Value.DeliveryEnabled };
        if (dead == 0 && overdue == 0)
        {
            return HealthCheckResult.Healthy("Booking e-mails are being delivered.", data);
        }

        var problems = new List<string>();
        if (dead > 0)
        {
            problems.Add($"{dead} booking e-mail(s) could not be delivered in the last 24 hours");
        }

        if (overdue > 0)
        {
            problems.Add($"{overdue} booking e-mail(s) are more than {OverdueAfter.TotalMinutes:0} minutes late");
        }

        return HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
    }
}
