using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Notifications.Delivery;

/// <summary>
/// Delivers due outbox messages, one leased batch at a time: each message is composed, handed to the
/// <see cref="IEmailTransport"/>, and its lease ended as sent, skipped, retried later (backoff with jitter) or
/// dead. <see cref="NotificationDeliveryService"/> calls it on a timer; tests call <see cref="DeliverDueAsync"/>.
/// </summary>
public sealed partial class NotificationDispatcher
{
    private readonly INotificationDeliveryStore outbox;
    private readonly IServiceScopeFactory scopes;
    private readonly IEmailTransport transport;
    private readonly BookingEmailComposer composer;
    private readonly IOptions<ClassBookingNotificationOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<NotificationDispatcher> logger;

    /// <summary>Creates a dispatcher.</summary>
    public NotificationDispatcher(
        INotificationDeliveryStore outbox,
        IServiceScopeFactory scopes,
        IEmailTransport transport,
        BookingEmailComposer composer,
        IOptions<ClassBookingNotificationOptions> options,
        TimeProvider time,
        ILogger<NotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.outbox, this.scopes, this.transport, this.composer, this.options, this.time, this.logger) = (outbox, scopes, transport, composer, options, time, logger);
        var name = options.Value.InstanceName ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        InstanceName = name.Length <= 200 ? name : name[^200..];
    }

    /// <summary>The name this instance leases under.</summary>
    public string InstanceName { get; }

    /// <summary>Leases one batch of due messages and delivers it; returns how many were leased.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var leased = await outbox.LeaseDueAsync(InstanceName, time.GetUtcNow(), settings.LeaseDuration, settings.BatchSize, cancellationToken).ConfigureAwait(false);
        if (leased.Count == 0)
        {
            return 0;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var factory = scope.ServiceProvider.GetRequiredService<BookingEmailFactory>();
            foreach (var notification in leased)
            {
                await DeliverAsync(notification, factory, cancellationToken).ConfigureAwait(false);
            }
        }

        return leased.Count;
    }

    private async Task DeliverAsync(Notification notification, BookingEmailFactory factory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            if (notification.Kind == BookingEmailKind.Reminder && time.GetUtcNow() >= notification.StartsAt)
            {
                await EndAsync(notification, NotificationStatus.Skipped, "The class had started before the reminder could be sent.", cancellationToken).ConfigureAwait(false);
                return;
            }

            // A reminder leased just before its booking was cancelled must not go out.
            if (!await outbox.IsStillWantedAsync(notification.Id, cancellationToken).ConfigureAwait(false))
            {
                // Usually the cancellation already ended the row; if not, end it here rather than lease it again.
                await outbox.CompleteAsync(notification.Id, InstanceName, NotificationStatus.Skipped, time.GetUtcNow(), "The booking was cancelled.", cancellationToken).ConfigureAwait(false);
                return;
            }

            var draft = await factory.CreateAsync(notification, cancellationToken).ConfigureAwait(false);
            if (draft.Email is null)
            {
                await EndAsync(notification, NotificationStatus.Skipped, draft.SkipReason, cancellationToken).ConfigureAwait(false);
                return;
            }

            using var message = composer.Compose(draft.Email);
            await transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await EndAsync(notification, NotificationStatus.Sent, null, cancellationToken).ConfigureAwait(false);
            LogSent(notification.Id, notification.Kind, notification.Attempts);
        }
        catch (EmailDeliveryException failure)
        {
            await FailAsync(notification, failure.Message, failure.IsPermanent, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested && failure is not OutOfMemoryException)
        {
            // A directory or database hiccup: retried like a transport failure; the row keeps no exception text.
            LogUnexpected(failure, notification.Id);
            await FailAsync(notification, $"Delivery failed unexpectedly ({failure.GetType().Name}); it will be retried.", permanent: false, settings, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(Notification notification, string reason, bool permanent, ClassBookingNotificationOptions settings, CancellationToken cancellationToken)
    {
        if (permanent || notification.Attempts >= settings.MaxAttempts)
        {
            await EndAsync(notification, NotificationStatus.Dead, reason, cancellationToken).ConfigureAwait(false);
            LogDead(notification.Id, notification.Kind, notification.Attempts, reason);
            return;
        }

        var next = time.GetUtcNow() + RetryDelay(notification.Attempts, settings);
        await outbox.RetryLaterAsync(notification.Id, InstanceName, next, reason, cancellationToken).ConfigureAwait(false);
        LogRetry(notification.Id, notification.Attempts, next, reason);
    }

    private async Task EndAsync(Notification notification, NotificationStatus status, string? reason, CancellationToken cancellationToken)
    {
        if (!await outbox.CompleteAsync(notification.Id, InstanceName, status, time.GetUtcNow(), reason, cancellationToken).ConfigureAwait(false))
        {
            LogLeaseLost(notification.Id, status);
        }
    }

    /// <summary>
    /// The wait after <paramref name="attempts"/> failed attempts: <see cref="ClassBookingNotificationOptions.RetryDelay"/>
    /// doubled per attempt, capped at <see cref="ClassBookingNotificationOptions.MaxRetryDelay"/>, then a random
    /// share of 50-100% of it, so instances that failed together do not retry together.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts, ClassBookingNotificationOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var full = Math.Min(settings.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent), settings.MaxRetryDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return TimeSpan.FromMilliseconds(full * (0.5 + (Random.Shared.NextDouble() * 0.5)));
#pragma warning restore CA5394
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Notification {NotificationId} ({Kind}) sent on attempt {Attempt}.")]
    private partial void LogSent(Guid notificationId, BookingEmailKind kind, int attempt);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Notification {NotificationId} failed on attempt {Attempt}; next attempt at {NextAttemptAt:O}: {Reason}")]
    private partial void LogRetry(Guid notificationId, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Notification {NotificationId} ({Kind}) is dead after {Attempts} attempt(s): {Reason}")]
    private partial void LogDead(Guid notificationId, BookingEmailKind kind, int attempts, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Notification {NotificationId}: the lease was lost or the row is no longer pending; not marked {Status}.")]
    private partial void LogLeaseLost(Guid notificationId, NotificationStatus status);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Notification {NotificationId}: unexpected failure while delivering.")]
    private partial void LogUnexpected(Exception exception, Guid notificationId);
}
