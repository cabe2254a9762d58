using System.Data.Common;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Stores;

/// <summary>
/// <see cref="INotificationDeliveryStore"/> on EF Core. A lease is one <c>UPDATE … WHERE id IN (SELECT … LIMIT n)
/// RETURNING id</c>: on PostgreSQL the inner select takes <c>FOR UPDATE SKIP LOCKED</c>, so instances leasing at
/// the same moment take different rows without waiting for each other; on SQLite the statement runs under the
/// database's single write lock. Endings are <c>ExecuteUpdate</c>s conditional on the lease owner.
/// </summary>
internal sealed class EntityFrameworkNotificationDeliveryStore(IDbContextFactory<ClassBookingDbContext> contexts) : INotificationDeliveryStore
{
    public async Task<IReadOnlyList<Notification>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var names = context.Names;
            var table = names.Qualified(names.Notifications);
            var npgsql = context.Provider == ClassBookingProvider.Npgsql;
            var sql = $"""
                UPDATE {table} SET lease_owner = @owner, leased_until = @until, attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM {table}
                    WHERE status = {(int)NotificationStatus.Pending} AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until <= @now)
                    ORDER BY next_attempt_at, id
                    LIMIT @max{(npgsql ? " FOR UPDATE SKIP LOCKED" : "")})
                RETURNING id
                """;

            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var ids = new List<Guid>();
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                Add(command, "owner", owner);
                Add(command, "until", Instant(context, now + leaseFor));
                Add(command, "now", Instant(context, now));
                Add(command, "max", max);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(reader.GetGuid(0));
                    }
                }
            }

            if (ids.Count == 0)
            {
                return [];
            }

            return await context.Notifications.AsNoTracking()
                .Where(n => ids.Contains(n.Id))
                .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> CompleteAsync(Guid notificationId, string owner, NotificationStatus status, DateTimeOffset at, string? reason, CancellationToken cancellationToken)
    {
        if (status is not (NotificationStatus.Sent or NotificationStatus.Skipped or NotificationStatus.Dead))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A lease ends as Sent, Skipped or Dead.");
        }

        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            DateTimeOffset? sentAt = status == NotificationStatus.Sent ? at : null;
            var rows = await Leased(context, notificationId, owner)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(n => n.Status, status)
                    .SetProperty(n => n.SentAt, sentAt)
                    .SetProperty(n => n.LastError, Truncate(reason))
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeasedUntil, (DateTimeOffset?)null), cancellationToken)
                .ConfigureAwait(false);
            return rows == 1;
        }
    }

    public async Task<bool> RetryLaterAsync(Guid notificationId, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await Leased(context, notificationId, owner)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(n => n.NextAttemptAt, nextAttemptAt)
                    .SetProperty(n => n.LastError, Truncate(reason))
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeasedUntil, (DateTimeOffset?)null), cancellationToken)
                .ConfigureAwait(false);
            return rows == 1;
        }
    }

    public async Task<bool> IsStillWantedAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Notifications
                .Where(n => n.Id == notificationId && n.Status == NotificationStatus.Pending)
                .Join(context.Bookings, n => n.BookingId, b => b.Id, (n, b) => new { n.Kind, b.Status })
                .AnyAsync(x => x.Kind != Core.Notifications.BookingEmailKind.Reminder || x.Status == BookingStatus.Confirmed, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<(int Dead, int Overdue)> CountProblemsAsync(DateTimeOffset since, DateTimeOffset overdueBefore, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // A dead row keeps the time of its creation; "since" bounds the rows the check looks at.
            var dead = await context.Notifications.CountAsync(n => n.Status == NotificationStatus.Dead && n.CreatedAt >= since, cancellationToken).ConfigureAwait(false);
            var overdue = await context.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt < overdueBefore, cancellationToken).ConfigureAwait(false);
            return (dead, overdue);
        }
    }

    private static IQueryable<Notification> Leased(ClassBookingDbContext context, Guid notificationId, string owner) =>
        context.Notifications.Where(n => n.Id == notificationId && n.LeaseOwner == owner && n.Status == NotificationStatus.Pending);

    private static string? Truncate(string? error) =>
        error is null || error.Length <= ClassBookingModel.MaxNotificationErrorLength ? error : error[..ClassBookingModel.MaxNotificationErrorLength];

    /// <summary>An instant as the provider stores it: UTC ticks on SQLite (see <see cref="UtcTicksConverter"/>), UTC on PostgreSQL.</summary>
    private static object Instant(ClassBookingDbContext context, DateTimeOffset value) =>
        context.Provider == ClassBookingProvider.Sqlite ? value.UtcTicks : value.ToUniversalTime();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
