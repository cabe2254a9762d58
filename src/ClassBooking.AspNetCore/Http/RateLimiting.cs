using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClassBooking.AspNetCore.Http;

/// <summary>Adds ClassBooking's policies to the host's rate limiter.</summary>
internal sealed class ConfigureClassBookingRateLimiter : IConfigureOptions<RateLimiterOptions>
{
    public const string StudentPolicy = "ClassBooking.Student";

    public void Configure(RateLimiterOptions options) =>
        options.AddPolicy<string, StudentTokenRateLimitPolicy>(StudentPolicy);
}

/// <summary>Student routes: a fixed window per share token.</summary>
internal sealed class StudentTokenRateLimitPolicy(IOptions<ClassBookingHttpApiOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Problems.WriteTooManyRequestsAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var o = options.Value;
        if (!o.RateLimitingEnabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var token = httpContext.Request.RouteValues["token"] as string ?? string.Empty;
        var key = token.Length > 64 ? token[..64] : token;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.StudentPermitLimit,
            Window = o.StudentWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

/// <summary>
/// Brute-force guard on share tokens: each failed look-up takes a permit of the client address's fixed window;
/// once the window is spent, every student request from that address gets 429 until it refills.
/// </summary>
internal sealed class FailedTokenLookupGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly bool _enabled;

    public FailedTokenLookupGuard(IOptions<ClassBookingHttpApiOptions> options)
    {
        var o = options.Value;
        _enabled = o.RateLimitingEnabled;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.FailedTokenLookupLimit,
            Window = o.FailedTokenLookupWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the address may look up tokens; else how long it must wait.</summary>
    public TimeSpan? CheckBlocked(string address)
    {
        if (!_enabled)
        {
            return null;
        }

        using var probe = _limiter.AttemptAcquire(address, 0);
        return probe.IsAcquired ? null : probe.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    /// <summary>Counts a failed look-up from the address.</summary>
    public void RecordFailure(string address)
    {
        if (_enabled)
        {
            using var lease = _limiter.AttemptAcquire(address, 1);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
