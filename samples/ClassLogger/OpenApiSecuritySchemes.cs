using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClassLogger;

/// <summary>
/// The dashboard's ways of signing in, declared in the OpenAPI document: the Identity cookie of the browser and the
/// bearer token from <c>POST /identity/login</c>. ClassBooking's teacher operations require one of them
/// (<c>AddClassBookingTransformers(Cookie, Bearer)</c> in Program.cs).
/// </summary>
internal sealed class OpenApiSecuritySchemes : IOpenApiDocumentTransformer
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(Cookie, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "ClassLogger.Auth",
            Description = "The dashboard's sign-in cookie. A change (POST, PUT, DELETE) made with it also needs the antiforgery "
                + "token from GET /api/teacher/antiforgery-token in the RequestVerificationToken header.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /identity/login (an opaque token, not a JWT), as Authorization: Bearer <token>.",
        });
        return Task.CompletedTask;
    }
}
