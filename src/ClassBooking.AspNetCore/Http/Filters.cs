using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassBooking.AspNetCore.Http;

/// <summary>The request-level helpers of the endpoints.</summary>
internal static partial class ApiContext
{
    private const string TeacherKey = "ClassBooking.TeacherId";
    private const string GrantKey = "ClassBooking.Grant";

    public static string TeacherId(HttpContext context) =>
        context.Items[TeacherKey] as string ?? throw new InvalidOperationException("The teacher filter did not run.");

    public static ShareTokenGrant Grant(HttpContext context) =>
        context.Items[GrantKey] as ShareTokenGrant ?? throw new InvalidOperationException("The token filter did not run.");

    public static RequestOrigin Origin(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);

    /// <summary>
    /// Turns a database that cannot serve the request now into a 503 with Retry-After, and any other unexpected
    /// exception into a 500 ProblemDetails without exception text (both logged instead).
    /// </summary>
    public static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(context.HttpContext.RequestServices.GetRequiredService<IOptions<ClassBookingHttpApiOptions>>().Value.MaxRequestBodySize)
                : Problems.MalformedBody("body", "The request could not be read.");
        }
        catch (Exception ex) when (TransientDatabaseFailure.IsTransient(ex))
        {
            // A full connection pool, "too many clients", a dropped connection: nothing was committed, and the same
            // request is likely to work in a moment.
            LogUnavailable(Logger(context.HttpContext), ex, context.HttpContext.Request.Path);
            return Problems.Unavailable(TransientDatabaseFailure.RetryAfter);
        }
#pragma warning disable CA1031 // The point of this filter: no exception text ever reaches a client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(Logger(context.HttpContext), ex, context.HttpContext.Request.Path);
            return Problems.Unexpected();
        }
    }

    /// <summary>Teacher routes: a signed-in user whom the host's <see cref="ICurrentTeacher"/> knows as a teacher.</summary>
    public static async ValueTask<object?> RequireTeacherAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Problems.NotSignedIn();
        }

        var current = http.RequestServices.GetService<ICurrentTeacher>();
        var teacherId = current is null ? null : await current.GetTeacherIdAsync(http, http.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrEmpty(teacherId))
        {
            return Problems.NotATeacher();
        }

        http.Items[TeacherKey] = teacherId;
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// CSRF: a state-changing teacher call authenticated by an ambient credential (a cookie, i.e. no Authorization
    /// header) must carry a valid antiforgery token in the header configured in <see cref="AntiforgeryOptions.HeaderName"/>.
    /// </summary>
    public static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var changes = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method);
        if (changes && http.Request.Headers.Authorization.Count == 0)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                var header = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
                return Problems.Antiforgery(header);
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Student routes: the share token in the route resolves to a grant, else the one 404 for all bad tokens (429 once
    /// the client address has spent its failed look-ups). Every answer, refusals included, is kept out of caches and
    /// referrers, since its URL holds the token.
    /// </summary>
    public static ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        RequireTokenAsync(context, next, recordUse: true);

    /// <summary>
    /// The student's calendar feed: as <see cref="RequireTokenAsync(EndpointFilterInvocationContext, EndpointFilterDelegate)"/>,
    /// but a read is not recorded in the link's usage log, which counts the student's visits, not a calendar app's
    /// hourly polls.
    /// </summary>
    public static ValueTask<object?> RequireFeedTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        RequireTokenAsync(context, next, recordUse: false);

    /// <summary>The public root links start with: the configured one, else the request's scheme, host and path base.</summary>
    public static string PublicBaseUrl(HttpContext context, ClassBookingHttpApiOptions options) =>
        options.PublicBaseUrl?.ToString()
        ?? $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}{context.Request.PathBase.ToUriComponent()}";

    private static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool recordUse)
    {
        var http = context.HttpContext;
        TokenResponseHeaders.Apply(http.Response);
        var tokens = http.RequestServices.GetRequiredService<ShareTokenService>();
        var token = http.Request.RouteValues["token"] as string;
        var grant = await tokens.ResolveAsync(token, Origin(http), recordUse, http.RequestAborted).ConfigureAwait(false);
        if (!grant.Succeeded)
        {
            return Problems.From(grant.Errors);
        }

        http.Items[GrantKey] = grant.Value;
        return await next(context).ConfigureAwait(false);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ClassBooking.AspNetCore");

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error in ClassBooking's API at {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "ClassBooking's API answered 503 at {Path}: the database is unavailable for now")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, PathString path);
}
