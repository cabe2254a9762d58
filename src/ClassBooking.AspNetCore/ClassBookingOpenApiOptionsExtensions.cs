using System.Reflection;
using System.Text.Json.Serialization;
using ClassBooking.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

#pragma warning disable IDE0130 // Lives beside AddOpenApi, where hosts already have a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>ClassBooking's part of the host's OpenAPI document.</summary>
public static class ClassBookingOpenApiOptionsExtensions
{
    /// <summary>
    /// Completes the description of <c>MapClassBooking</c>'s routes in the host's document. Every teacher operation
    /// requires one of <paramref name="teacherSchemes"/>: the names of the security schemes by which the host signs in
    /// its teachers, which the host declares itself in <c>components.securitySchemes</c> (ClassBooking knows which
    /// operations need the teacher; the host knows how teachers sign in). Student operations are authorized by the
    /// token in their path alone and declare no security requirement. Also states two things of the API's JSON that
    /// the generator, working from the host's JSON options, does not: nullable numbers of types marked
    /// <c>[JsonNumberHandling(Strict)]</c> are numbers only (never strings), string enums are of type string, and
    /// a ProblemDetails answer has a numeric <c>status</c> and ClassBooking's <c>code</c>, <c>field</c> and
    /// <c>retryAfterSeconds</c> members (optional, so the host's own ProblemDetails answers still match).
    /// Safe to call twice.
    /// </summary>
    /// <param name="options">The host's OpenAPI options (<c>AddOpenApi(options => ...)</c>).</param>
    /// <param name="teacherSchemes">The host's scheme names; any one of them is enough.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static OpenApiOptions AddClassBookingTransformers(this OpenApiOptions options, params string[] teacherSchemes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(teacherSchemes);
        if (teacherSchemes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A security scheme's name cannot be empty.", nameof(teacherSchemes));
        }

        var schemes = teacherSchemes.ToArray();
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TeacherEndpointMetadata>().Any())
            {
                // One requirement per scheme, as OpenAPI reads a list of requirements as alternatives; a scheme
                // already required (a second call) is not added again.
                operation.Security ??= [];
                foreach (var scheme in schemes.Where(s => !operation.Security.Any(r => r.Keys.Any(k => k.Reference.Id == s))))
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
                }
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (Nullable.GetUnderlyingType(type) is { } underlying && IsNumber(underlying) && context.JsonPropertyInfo is { } property
                && (property.NumberHandling ?? property.DeclaringType.GetCustomAttribute<JsonNumberHandlingAttribute>()?.Handling) == JsonNumberHandling.Strict)
            {
                // The generator applies a type's number handling to its numbers but forgets it for nullable ones.
                schema.Type &= ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            else if (type.IsEnum && schema.Enum is { Count: > 0 } values && values.All(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }
            else if (context.JsonPropertyInfo is { Name: "status" } status && typeof(ProblemDetails).IsAssignableFrom(status.DeclaringType))
            {
                // An answer's status is always written as a number; the string form only describes lenient reading.
                schema.Type &= ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            else if (context.JsonPropertyInfo is null && typeof(ProblemDetails).IsAssignableFrom(type) && schema.Properties is { } members)
            {
                // ClassBooking's errors carry their extensions as members of their own (see Problems).
                members.TryAdd("code", new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Machine-readable error code; every error of ClassBooking's routes has one (validation, invalid-token, slot-full, rate-limited, unavailable, ...).",
                });
                members.TryAdd("field", new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request field a conflict concerns, when there is one." });
                members.TryAdd("retryAfterSeconds", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "With 429 and 503: seconds to wait, as in the Retry-After header." });
            }

            return Task.CompletedTask;
        });
        return options;
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(decimal)
        || type == typeof(double) || type == typeof(float) || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);
}
