using System.Globalization;
using System.Threading.RateLimiting;
using ClassBooking.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClassBooking.AspNetCore.Http;

/// <summary>Every error of the API as RFC 9457 ProblemDetails, with a machine-readable <c>code</c> extension.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The one body for every unusable token (unknown, malformed, expired, revoked, regenerated).</summary>
    public static IResult InvalidToken() => Problem(StatusCodes.Status404NotFound, "Not found",
        "This booking link is not valid. Please ask your teacher for a new link.", ErrorCodes.InvalidToken);

    public static IResult MissingBody() => Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["body"] = ["A JSON request body is required."],
    });

    public static IResult MalformedBody(string field, string message) => Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [field] = [message],
    });

    public static IResult UnsupportedMediaType() => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
        "Send the request body as JSON with Content-Type: application/json.", "unsupported-media-type");

    public static IResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The request body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes.", "body-too-large");

    public static IResult NotATeacher() => Problem(StatusCodes.Status403Forbidden, "Forbidden",
        "Only a signed-in teacher can use this.", "not-a-teacher");

    public static IResult NotSignedIn() => Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
        "Sign in first (a cookie or a bearer token).", "not-signed-in");

    public static IResult Antiforgery(string headerName) => Problem(StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
        $"A cookie-authenticated change needs the antiforgery token in the '{headerName}' header (GET the antiforgery-token route for one).", "antiforgery");

    public static IResult Unexpected() => Problem(StatusCodes.Status500InternalServerError, "Unexpected error",
        "Something went wrong on the server. Nothing was changed by this request if it failed before completing.", "unexpected");

    /// <summary>503 with Retry-After: the database cannot serve the request now; nothing was committed.</summary>
    public static IResult Unavailable(TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        return new RetryAfterResult(Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The service is busy. Nothing was changed; please try again in {seconds.ToString(CultureInfo.InvariantCulture)} seconds.", "unavailable",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["retryAfterSeconds"] = seconds }), seconds);
    }

    public static IResult NotFound(string code, string message) => Problem(StatusCodes.Status404NotFound, "Not found", message, code);

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.Json(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
            Type = TypeFor(StatusCodes.Status400BadRequest),
            Extensions = { ["code"] = ErrorCodes.Validation },
        }, ApiJson.Options, ContentType, StatusCodes.Status400BadRequest);

    public static IResult Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static IResult Problem(int status, string title, string detail, string code, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return Results.Json(problem, ApiJson.Options, ContentType, status);
    }

    /// <summary>The HTTP answer for a core failure.</summary>
    public static IResult From(IReadOnlyList<ClassBookingError> errors)
    {
        if (errors.All(e => e.Code == ErrorCodes.Validation))
        {
            return Validation(errors
                .GroupBy(e => e.Field ?? "body", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
        }

        var error = errors.First(e => e.Code != ErrorCodes.Validation);
        switch (error.Code)
        {
            case ErrorCodes.InvalidToken:
                return InvalidToken();
            case ErrorCodes.RateLimited:
                return TooManyRequests(Seconds(error.RetryAfter ?? TimeSpan.FromMinutes(1)), error.Message);
            case ErrorCodes.SlotNotFound or ErrorCodes.BookingNotFound or ErrorCodes.SeriesNotFound or ErrorCodes.BlockNotFound
                or ErrorCodes.StudentNotFound or ErrorCodes.TeacherNotFound:
                return NotFound(error.Code, error.Message);
            default:
                var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (error.Field is not null)
                {
                    extensions["field"] = error.Field;
                }

                if (error.Code == ErrorCodes.Overlaps)
                {
                    extensions["conflicts"] = error.Conflicts.Select(ConflictResponse.From).ToList();
                    extensions["suggestions"] = error.Suggestions.Select(s => new RangeResponse(s.Start, s.End)).ToList();
                }

                return Problem(StatusCodes.Status409Conflict, "Conflict", error.Message, error.Code, extensions);
        }
    }

    /// <summary>The rate limiter's rejection: 429 with Retry-After and a ProblemDetails body.</summary>
    public static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
        await WriteTooManyRequestsAsync(context.HttpContext, retryAfter).ConfigureAwait(false);
    }

    public static async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await TooManyRequests(Seconds(retryAfter)).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>429 with a Retry-After header and the same number in the body.</summary>
    public static IResult TooManyRequests(int retryAfterSeconds, string? detail = null) => new RetryAfterResult(
        Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
            detail ?? $"Too many requests. Try again in {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} seconds.", ErrorCodes.RateLimited,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["retryAfterSeconds"] = retryAfterSeconds }),
        retryAfterSeconds);

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}

/// <summary>A result that sets <c>Retry-After</c> before the body is written.</summary>
internal sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
