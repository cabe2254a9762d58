using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>Where a parameter goes.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>One parameter of an operation, with its (unresolved) schema.</summary>
public sealed record ApiParameter(string Name, ParameterLocation In, bool Required, JsonElement Schema);

/// <summary>One declared response: status, and the JSON schema of its body when it declares one.</summary>
public sealed record ApiResponse(int Status, string? MediaType, JsonElement? Schema);

/// <summary>One operation of the OpenAPI document.</summary>
public sealed record ApiOperation(
    string Method,
    string PathTemplate,
    string OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    string? BodyMediaType,
    JsonElement? BodySchema,
    bool BodyRequired,
    IReadOnlyDictionary<int, ApiResponse> Responses)
{
    /// <summary>Teacher routes declare 401 (not signed in); student routes carry the share token in the path.</summary>
    public bool NeedsTeacher => Responses.ContainsKey(401);

    public bool NeedsShareToken => PathTemplate.Contains("{token}", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>
/// The parts of an OpenAPI 3.1 document the fuzzer needs: every operation with its parameters, JSON body and
/// responses, and <c>#/components/schemas</c> for resolving <c>$ref</c>s.
/// </summary>
public sealed partial class OpenApiModel
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private OpenApiModel(JsonElement document, IReadOnlyList<ApiOperation> operations)
    {
        Document = document;
        Operations = operations;
        Components = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
    }

    public JsonElement Document { get; }

    /// <summary><c>#/components/schemas</c>, or <c>default</c> when the document has none.</summary>
    public JsonElement Components { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>
    /// Reads the document. A <c>{name}</c> in a path template that no parameter declares becomes a required string
    /// path parameter, so every part of a route is fuzzed even if the document missed one (OpenApiDocumentTests
    /// fails on such a document).
    /// </summary>
    public static OpenApiModel Parse(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? ReadParameters(document, p) : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var op))
                {
                    continue;
                }

                var upper = method.ToUpperInvariant();
                var parameters = new List<ApiParameter>(shared);
                if (op.TryGetProperty("parameters", out var own))
                {
                    foreach (var parameter in ReadParameters(document, own))
                    {
                        parameters.RemoveAll(x => x.Name == parameter.Name && x.In == parameter.In);
                        parameters.Add(parameter);
                    }
                }

                foreach (Match m in PathParameter().Matches(path.Name))
                {
                    var name = m.Groups[1].Value;
                    if (!parameters.Any(x => x.Name == name && x.In == ParameterLocation.Path))
                    {
                        parameters.Add(new ApiParameter(name, ParameterLocation.Path, true, StringSchema));
                    }
                }

                string? bodyMediaType = null;
                JsonElement? bodySchema = null;
                var bodyRequired = false;
                if (op.TryGetProperty("requestBody", out var body))
                {
                    body = Deref(document, body);
                    bodyRequired = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
                    if (body.TryGetProperty("content", out var content))
                    {
                        foreach (var media in content.EnumerateObject())
                        {
                            if (IsJson(media.Name))
                            {
                                bodyMediaType = media.Name;
                                bodySchema = media.Value.TryGetProperty("schema", out var s) ? s : EmptySchema;
                                break;
                            }
                        }
                    }
                }

                var responses = new Dictionary<int, ApiResponse>();
                if (op.TryGetProperty("responses", out var rs))
                {
                    foreach (var response in rs.EnumerateObject())
                    {
                        if (!int.TryParse(response.Name, System.Globalization.CultureInfo.InvariantCulture, out var status))
                        {
                            continue;
                        }

                        var value = Deref(document, response.Value);
                        string? mediaType = null;
                        JsonElement? schema = null;
                        if (value.TryGetProperty("content", out var content))
                        {
                            foreach (var media in content.EnumerateObject())
                            {
                                mediaType ??= media.Name;
                                if (IsJson(media.Name))
                                {
                                    mediaType = media.Name;
                                    schema = media.Value.TryGetProperty("schema", out var s) ? s : null;
                                    break;
                                }
                            }
                        }

                        responses[status] = new ApiResponse(status, mediaType, schema);
                    }
                }

                var operationId = op.TryGetProperty("operationId", out var id) && id.GetString() is { } text ? text : $"{upper} {path.Name}";
                operations.Add(new ApiOperation(upper, path.Name, operationId, parameters, bodyMediaType, bodySchema, bodyRequired, responses));
            }
        }

        return new OpenApiModel(document, operations);
    }

    /// <summary>Follows <c>$ref</c>s (to <c>#/components/...</c>) until a schema without one.</summary>
    public JsonElement Resolve(JsonElement schema) => Deref(Document, schema);

    private static JsonElement Deref(JsonElement document, JsonElement element)
    {
        for (var hops = 0; hops < 32 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            var pointer = reference.GetString() ?? "";
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Only local references are supported, not '{pointer}'.");
            }

            var target = document;
            foreach (var raw in pointer[2..].Split('/'))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (!target.TryGetProperty(segment, out target))
                {
                    throw new InvalidOperationException($"The reference '{pointer}' points nowhere.");
                }
            }

            element = target;
        }

        return element;
    }

    private static List<ApiParameter> ReadParameters(JsonElement document, JsonElement list)
    {
        var result = new List<ApiParameter>();
        foreach (var raw in list.EnumerateArray())
        {
            var p = Deref(document, raw);
            var location = p.GetProperty("in").GetString() switch
            {
                "path" => ParameterLocation.Path,
                "query" => ParameterLocation.Query,
                "header" => ParameterLocation.Header,
                _ => (ParameterLocation?)null,
            };
            if (location is null)
            {
                continue; // cookies: none in this API
            }

            var required = location == ParameterLocation.Path || (p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True);
            result.Add(new ApiParameter(p.GetProperty("name").GetString()!, location.Value, required, p.TryGetProperty("schema", out var s) ? s : StringSchema));
        }

        return result;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    public static JsonElement StringSchema { get; } = Schema("""{"type":"string"}""");

    public static JsonElement EmptySchema { get; } = Schema("{}");

    public static JsonElement Schema(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [GeneratedRegex(@"\{([^}/]+)\}")]
    private static partial Regex PathParameter();
}
