using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ClassBooking.AspNetCore.Http;

/// <summary>Marks the routes that need the host's signed-in teacher, for the OpenAPI security requirements.</summary>
internal sealed class TeacherEndpointMetadata
{
    public static readonly TeacherEndpointMetadata Instance = new();
}

/// <summary>
/// OpenAPI details the handler signatures cannot carry: query values are bound as strings (a typed binding would
/// answer a bad value with an empty 400 instead of our ProblemDetails), so the accepted format is stated here.
/// </summary>
internal static class OpenApiMetadataExtensions
{
    /// <summary>Gives the parameter <paramref name="name"/> (already declared by the handler's signature) this schema.</summary>
    public static RouteHandlerBuilder WithParameterSchema(this RouteHandlerBuilder builder, string name, Action<OpenApiSchema> configure) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().SingleOrDefault(p => p.Name == name)
                ?? throw new InvalidOperationException($"The handler declares no parameter '{name}'.");
            var schema = new OpenApiSchema();
            configure(schema);
            parameter.Schema = schema;
            return Task.CompletedTask;
        });

    /// <summary>Says that 200 and 304 answers carry the representation's ETag (a weak entity tag).</summary>
    public static RouteHandlerBuilder WithEntityTagHeaders(this RouteHandlerBuilder builder) =>
        builder.WithResponseHeader([StatusCodes.Status200OK, StatusCodes.Status304NotModified], "ETag", () => new OpenApiHeader
        {
            Description = "The feed's version (a weak entity tag, W/\"...\"): send it back in If-None-Match to get 304 while nothing changed.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

    /// <summary>Says that 429 and 503 answers carry Retry-After (seconds).</summary>
    public static TBuilder WithRetryAfterHeaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithResponseHeader([StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable], "Retry-After", () => new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
        });

    /// <summary>Declares the header <paramref name="name"/> on those of <paramref name="statuses"/> the operation answers.</summary>
    private static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, int[] statuses, string name, Func<OpenApiHeader> header)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var status in statuses)
            {
                if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is OpenApiResponse response)
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    response.Headers[name] = header();
                }
            }

            return Task.CompletedTask;
        });
}
