using Microsoft.AspNetCore.Identity;

namespace ClassLogger;

/// <summary>How the dashboard uses the schemes that <c>AddIdentityApiEndpoints</c> sets up.</summary>
internal static class IdentityAuthentication
{
    /// <summary>
    /// The scheme <c>AddIdentityApiEndpoints</c> makes the default: it authenticates with a bearer token or the
    /// Identity cookie (its name is not public in <see cref="IdentityConstants"/>).
    /// </summary>
    public const string BearerAndApplicationScheme = "Identity.BearerAndApplication";

    /// <summary>
    /// Where a challenge or a forbid goes. Browser pages go to the cookie scheme, which redirects to the login page;
    /// API calls (a bearer token, or a path under /identity or /api) keep the bearer scheme's plain 401/403.
    /// </summary>
    public static string? SelectChallengeScheme(HttpContext context) =>
        IsApiRequest(context) ? null : IdentityConstants.ApplicationScheme;

    /// <summary>A request from an API client rather than a browser page: a bearer token, or /identity or /api.</summary>
    public static bool IsApiRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return request.Headers.Authorization.Count > 0
            || request.Path.StartsWithSegments("/identity", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Answers 404 to <c>POST /identity/register</c>: teachers' accounts come with their profile.</summary>
    public static async ValueTask<object?> RefuseRegistration(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.Path.StartsWithSegments("/identity/register", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.NotFound()
            : await next(context);
}
