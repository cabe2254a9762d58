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
