using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// The background service that delivers the outbox: every <see cref="ClassBookingNotificationOptions.PollInterval"/>
/// it leases due messages and delivers them, draining full batches at once. Every host instance may run it; the
/// leases keep them from sending a message twice.
/// </summary>
public sealed partial class NotificationDeliveryService(
    NotificationDispatcher dispatcher,
    IOptions<ClassBookingNotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDeliveryService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DeliveryEnabled)
        {
            return;
        }

        LogStarted(dispatcher.InstanceName, settings.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DeliverDueAsync(stoppingToken).ConfigureAwait(false) >= settings.BatchSize)
                {
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested && failure is not OutOfMemoryException)
            {
                // The database may be briefly unreachable; the next round tries again, and leases expire on their own.
                LogRoundFailed(failure);
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Delivering booking e-mails as {InstanceName}, looking every {PollInterval}.")]
    private partial void LogStarted(string instanceName, TimeSpan pollInterval);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "A delivery round failed; the next round tries again.")]
    private partial void LogRoundFailed(Exception exception);
}
