using System.Data.Common;

namespace ClassBooking.AspNetCore.Http;

/// <summary>
/// Recognises a database that cannot serve the request right now (a connection pool with no free connection in time,
/// PostgreSQL's "too many clients", a busy SQLite file, a dropped connection), from any provider: ADO.NET providers
/// mark such errors <see cref="DbException.IsTransient"/>, and a pool that waited in vain raises a timeout.
/// </summary>
internal static class TransientFailure
{
    /// <summary>What the 503 answer suggests: a moment, long enough for a pool to drain.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsTransient(Exception exception)
    {
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
