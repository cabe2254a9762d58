using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// The rules every answer of the API keeps: never a 5xx (nor a 1xx, nor a 3xx but a 304 the operation declares, with
/// no body); every 4xx a ProblemDetails (application/problem+json) with a string <c>code</c>; every 2xx a status the
/// document declares, with the declared content type and, for JSON, a body valid against the declared schema.
/// </summary>
public sealed partial class ResponseChecker(OpenApiModel model)
{
    private readonly ResponseSchemas _schemas = new(model);

    /// <summary>The rules the answer breaks (none when it is fine); <paramref name="json"/> is its body when that is JSON.</summary>
    public IReadOnlyList<(string Rule, IReadOnlyList<string> Details)> Check(ApiOperation op, int status, MediaTypeHeaderValue? contentType, string text, out JsonElement? json)
    {
        json = TryParse(text);
        var rules = new List<(string Rule, IReadOnlyList<string> Details)>();
        if (status >= 500)
        {
            rules.Add(("5xx: a server error", []));
            return rules;
        }

        if (status == 304 && op.Responses.ContainsKey(304))
        {
            if (text.Length > 0)
            {
                rules.Add(("304: a body", []));
            }

            return rules;
        }

        if (status is < 200 or (>= 300 and < 400))
        {
            rules.Add(($"{status.ToString(CultureInfo.InvariantCulture)}: neither a success nor a client error", []));
            return rules;
        }

        if (status >= 400)
        {
            var problems = new List<string>();
            if (!string.Equals(contentType?.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Content-Type {contentType?.MediaType ?? "none"}");
            }

            if (json is not { ValueKind: JsonValueKind.Object } problem || !problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
            {
                problems.Add("no JSON body with a string 'code'");
            }

            if (problems.Count > 0)
            {
                rules.Add(("4xx: not a ProblemDetails (application/problem+json with a string 'code')", [string.Join(", ", problems)]));
            }

            return rules;
        }

        if (!op.Responses.TryGetValue(status, out var declared))
        {
            rules.Add(($"2xx: status {status.ToString(CultureInfo.InvariantCulture)} is not in the document ({string.Join(", ", op.Responses.Keys)})", []));
            return rules;
        }

        if (declared.Schema is not { } schema)
        {
            if (text.Length > 0 && declared.MediaType is null)
            {
                rules.Add(("2xx: a body where the document declares none", []));
            }
            else if (declared.MediaType is not null && !string.Equals(contentType?.MediaType, declared.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                // A body of another kind than JSON (a calendar): its content type is what can be checked.
                rules.Add(($"2xx: Content-Type {contentType?.MediaType ?? "none"}, the document says {declared.MediaType}", []));
            }

            return rules;
        }

        if (!string.Equals(contentType?.MediaType, declared.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            rules.Add(($"2xx: Content-Type {contentType?.MediaType ?? "none"}, the document says {declared.MediaType}", []));
        }

        if (json is not { } body)
        {
            rules.Add(("2xx: the body is not JSON", []));
            return rules;
        }

        var errors = _schemas.Validate(op, status, schema, body);
        if (errors.Count > 0)
        {
            rules.Add(("2xx: the body does not match the document's schema", [.. errors.Select(Normalize).Distinct(StringComparer.Ordinal)]));
        }

        return rules;
    }

    /// <summary>
    /// An error with array indexes removed, so that the same fault in items 0 and 7 is one fault, and the schema
    /// location given as the document's own (#/components/schemas/X).
    /// </summary>
    private static string Normalize(string error)
    {
        error = ArrayIndex().Replace(error, "/*");
        return SchemaLocation().Replace(error, "(#/components/schemas/");
    }

    private static JsonElement? TryParse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("/[0-9]+(?=/|:| )")]
    private static partial Regex ArrayIndex();

    [GeneratedRegex(@"\(schema https://classbooking\.test/fuzz/[^#)]*#/\$defs/")]
    private static partial Regex SchemaLocation();
}
