using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClassBooking.AspNetCore.Http;

/// <summary>
/// Describes an endpoint's JSON body for OpenAPI without listing content types, so routing does not answer a wrong
/// content type with its own empty 415: the endpoint answers it with a ProblemDetails body instead.
/// </summary>
internal sealed class JsonBodyMetadata(Type requestType) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = [];

    public Type? RequestType { get; } = requestType;

    public bool IsOptional => false;
}

/// <summary>The metadata every endpoint with a JSON body shares.</summary>
internal static class JsonBodyEndpointExtensions
{
    /// <summary>Describes the JSON body and the errors reading it can give: 400 (validation), 413 and 415.</summary>
    public static RouteHandlerBuilder AcceptsJsonBody<TRequest>(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new JsonBodyMetadata(typeof(TRequest)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
