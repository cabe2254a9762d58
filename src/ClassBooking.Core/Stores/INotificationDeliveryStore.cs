using ClassBooking.Core.Model;

namespace ClassBooking.Core.Stores;

/// <summary>
/// The outbox as the delivery service sees it: due messages are leased to one delivering instance at a time, and
/// each lease ends with the row sent, given up, or put back for a later attempt.
/// </summary>
/// <remarks>
/// Any number of host instances lease at once. An implementation must hand a row to at most one live lease:
/// PostgreSQL leases with <c>FOR UPDATE SKIP LOCKED</c>, SQLite under its single writer. A lease that is not ended
/// (the instance stopped) expires at <see cref="Notification.LeasedUntil"/>, and the row is then leased again.
/// Every ending is conditional on the caller still holding the lease, so an instance whose lease was taken over
/// cannot overwrite the outcome of the instance that took it.
/// </remarks>
public interface INotificationDeliveryStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> pending messages due at <paramref name="now"/> (not leased, or with an
    /// expired lease) to <paramref name="owner"/> until <c>now + leaseFor</c>, counting an attempt on each; oldest due first.
    /// </summary>
    Task<IReadOnlyList<Notification>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a lease for good: <see cref="NotificationStatus.Sent"/>, <see cref="NotificationStatus.Skipped"/> or
    /// <see cref="NotificationStatus.Dead"/>. False when <paramref name="owner"/> no longer holds the lease, or the
    /// row is no longer pending (e.g. a cancelled reminder).
    /// </summary>
    Task<bool> CompleteAsync(Guid notificationId, string owner, NotificationStatus status, DateTimeOffset at, string? reason, CancellationToken cancellationToken);

    /// <summary>Ends a lease after a failed attempt: the row stays pending and is due again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> RetryLaterAsync(Guid notificationId, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Whether the row is still pending and, for a reminder, its booking still confirmed: checked just before sending.</summary>
    Task<bool> IsStillWantedAsync(Guid notificationId, CancellationToken cancellationToken);

    /// <summary>Messages that died at or after <paramref name="since"/>, and pending messages whose due time is older than <paramref name="overdueBefore"/>.</summary>
    Task<(int Dead, int Overdue)> CountProblemsAsync(DateTimeOffset since, DateTimeOffset overdueBefore, CancellationToken cancellationToken);
}
