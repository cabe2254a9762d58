using ClassBooking.Core.Notifications.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own AddX methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>ClassBooking's health checks.</summary>
public static class ClassBookingHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="NotificationDeliveryHealthCheck"/> as "classbooking-notifications" (tags "classbooking",
    /// "notifications"): degraded when a booking e-mail died in the last day or is more than ten minutes late.
    /// </summary>
    public static IHealthChecksBuilder AddClassBookingNotifications(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<NotificationDeliveryHealthCheck>("classbooking-notifications", HealthStatus.Degraded, ["classbooking", "notifications"]);
    }
}
