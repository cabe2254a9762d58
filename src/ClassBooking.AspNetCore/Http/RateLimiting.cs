using System.Threading.RateLimiting;
using ClassBooking.Core.Tokens;
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

/// <summary>Student routes and calendar feeds: a fixed window per token (share token or feed token).</summary>
internal sealed class StudentTokenRateLimitPolicy(IOptions<ClassBookingHttpApiOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // The rate limiter answers before the token filter runs: this answer's URL holds the token too.
        TokenResponseHeaders.Apply(context.HttpContext.Response);
        return Problems.WriteTooManyRequestsAsync(context, cancellationToken);
    }

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
