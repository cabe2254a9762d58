using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// JSON Schema (draft 2020-12) validators for the documented responses: each response schema becomes a schema of
/// its own with the document's <c>#/components/schemas</c> as <c>$defs</c> (references rewritten to match), and
/// formats are asserted, OpenAPI's int32, int64 and double included.
/// </summary>
public sealed class ResponseSchemas
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private static readonly EvaluationOptions Options = CreateOptions();

    private readonly JsonObject _defs;
    private readonly ConcurrentDictionary<string, JsonSchema> _cache = new(StringComparer.Ordinal);

    public ResponseSchemas(OpenApiModel model)
    {
        var components = model.Components.ValueKind == JsonValueKind.Object ? JsonNode.Parse(model.Components.GetRawText())!.AsObject() : [];
        Rewrite(components);
        _defs = components;
    }

    /// <summary>The schema errors of <paramref name="body"/> against the response schema (empty when valid).</summary>
    public IReadOnlyList<string> Validate(ApiOperation op, int status, JsonElement schema, JsonElement body)
    {
        var key = $"{op.Method} {op.PathTemplate} {status.ToString(CultureInfo.InvariantCulture)}";
        var compiled = _cache.GetOrAdd(key, k => Build(k, schema));
        var results = compiled.Evaluate(body, Options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private JsonSchema Build(string key, JsonElement schema)
    {
        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        Rewrite(root);
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://classbooking.test/fuzz/" + Uri.EscapeDataString(key),
            ["$defs"] = _defs.DeepClone(),
            ["allOf"] = new JsonArray(root),
        };
        return JsonSchema.FromText(wrapper.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue r && r.TryGetValue<string>(out var reference) && reference.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + reference[ComponentsPrefix.Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }

                break;
        }
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { Count: > 0 })
        {
            foreach (var (keyword, message) in results.Errors)
            {
                errors.Add($"{(results.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {keyword}: {message} (schema {results.SchemaLocation})");
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    private static EvaluationOptions CreateOptions()
    {
        var formats = new FormatRegistry();
        formats.Register(new IntegerFormat("int32", int.MinValue, int.MaxValue));
        formats.Register(new IntegerFormat("int64", long.MinValue, long.MaxValue));
        formats.Register(new NumberFormat("double"));
        formats.Register(new NumberFormat("float"));
        return new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            FormatRegistry = formats,
        };
    }

    /// <summary>OpenAPI's int32/int64: an integer in range (other JSON types pass; "type" judges those).</summary>
    private sealed class IntegerFormat(string key, long min, long max) : Format(key)
    {
        public override bool Validate(JsonElement value, out string? errorMessage)
        {
            errorMessage = null;
            if (value.ValueKind != JsonValueKind.Number)
            {
                return true;
            }

            var ok = value.TryGetInt64(out var n) && n >= min && n <= max;
            errorMessage = ok ? null : $"{value.GetRawText()} is not a {Key}";
            return ok;
        }
    }

    /// <summary>OpenAPI's double/float: any finite JSON number.</summary>
    private sealed class NumberFormat(string key) : Format(key)
    {
        public override bool Validate(JsonElement value, out string? errorMessage)
        {
            errorMessage = null;
            return true;
        }
    }
}
