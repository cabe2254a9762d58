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

    /// <summary>
    /// Answers 400 when a string the Identity routes received (an e-mail, a password, a code) holds a control
    /// character: PostgreSQL cannot store U+0000 and would fail the look-up, and no e-mail or password contains one.
    /// </summary>
    public static async ValueTask<object?> RefuseControlCharacters(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            switch (context.Arguments[i])
            {
                case string text when HasControlCharacter(text):
                    errors[CamelCase(parameters is { } p && i < p.Length ? p[i].Name ?? "value" : "value")] = [ControlCharacterMessage];
                    break;
                case { } body when body.GetType().Namespace == typeof(Microsoft.AspNetCore.Identity.Data.LoginRequest).Namespace:
                    foreach (var property in body.GetType().GetProperties())
                    {
                        if (property.PropertyType == typeof(string) && property.GetValue(body) is string value && HasControlCharacter(value))
                        {
                            errors[CamelCase(property.Name)] = [ControlCharacterMessage];
                        }
                    }

                    break;
            }
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "validation" })
            : await next(context);
    }

    private const string ControlCharacterMessage = "Contains a control character; use plain text.";

    private static bool HasControlCharacter(string text) => text.Any(char.IsControl);

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
