using System.Data.Common;

namespace ClassBooking.Core.Stores;

/// <summary>
/// Recognises a database that cannot serve the request right now (a connection pool with no free connection in time,
/// PostgreSQL's "too many clients", a busy SQLite file, a dropped connection), from any provider: ADO.NET providers
/// mark such errors <see cref="DbException.IsTransient"/>, and a pool that waited in vain raises a timeout. Nothing
/// was committed when a use case fails this way, so the same request can be tried again.
/// </summary>
public static class TransientDatabaseFailure
{
    /// <summary>How long to suggest waiting before a retry: a moment, long enough for a pool to drain.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>True when <paramref name="exception"/> (or an exception inside it) says the database is unavailable for now.</summary>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }

        return false;
    }
}
