using System.Threading.RateLimiting;
using ClassBooking.Core.Services;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Tokens;

/// <summary>
/// The brute-force guard on share links, shared by every way in (the HTTP API and the portal page): each failed
/// look-up from a client address takes a permit of that address's fixed window
/// (<see cref="ClassBookingOptions.FailedTokenLookupLimit"/> per <see cref="ClassBookingOptions.FailedTokenLookupWindow"/>);
/// once the window is spent, further failed look-ups from the address are answered "too many attempts" instead of
/// "invalid link" until it refills. A valid link always works, so students behind one address with someone who
/// guesses (a school's network) are never locked out.
/// </summary>
/// <remarks>The counts live in the process: each host instance counts on its own.</remarks>
public sealed class ShareTokenLookupGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly bool _enabled;

    /// <summary>Creates the guard from <see cref="ClassBookingOptions"/>.</summary>
    public ShareTokenLookupGuard(IOptions<ClassBookingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _enabled = o.FailedTokenLookupLimit > 0;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.FailedTokenLookupLimit),
            Window = o.FailedTokenLookupWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// Counts a failed look-up from <paramref name="clientAddress"/>. Returns null while the address is within its
    /// limit, else how long it must wait before failed look-ups count as plain "invalid link" again.
    /// </summary>
    public TimeSpan? RecordFailure(string? clientAddress)
    {
        if (!_enabled)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(clientAddress ?? "unknown", 1);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// Counts a failed look-up from <paramref name="origin"/>'s address (none without an origin) and gives the answer
    /// to it: <paramref name="invalid"/> while the address is within its limit, else <see cref="ErrorCodes.RateLimited"/>
    /// with <see cref="ClassBookingError.RetryAfter"/> and the message <paramref name="tooManyAttempts"/> writes for
    /// the wait in words (e.g. "10 minutes").
    /// </summary>
    public ClassBookingError Refuse(RequestOrigin? origin, ClassBookingError invalid, Func<string, string> tooManyAttempts)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        ArgumentNullException.ThrowIfNull(tooManyAttempts);
        if (origin is not null && RecordFailure(origin.ClientAddress) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return new ClassBookingError(ErrorCodes.RateLimited, tooManyAttempts($"{minutes} minute{(minutes == 1 ? "" : "s")}")) { RetryAfter = wait };
        }

        return invalid;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
