using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>The registrations of outbox delivery: the factory, the dispatcher and the background service.</summary>
internal static class NotificationDeliveryServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddScoped<BookingEmailFactory>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<NotificationDeliveryHealthCheck>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationDeliveryService>());
    }
}
