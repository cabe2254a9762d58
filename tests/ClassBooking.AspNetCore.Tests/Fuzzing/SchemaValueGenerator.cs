using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// Values that satisfy a JSON schema of OpenAPI 3.1 (<c>type</c> as a name or a list with "null", <c>enum</c>,
/// <c>$ref</c>, <c>required</c>, <c>properties</c>, <c>items</c>, lengths and bounds, <c>format</c> date-time, date,
/// time, uuid, int32, int64, double), taking a realistic value by field name when <see cref="RealisticValues"/> (if
/// given) has one.
/// Strings are valid per schema, so they include non-ASCII and, now and then, control characters.
/// </summary>
public sealed class SchemaValueGenerator(OpenApiModel model, Random random, RealisticValues? realistic)
{
    private static readonly string[] Words = ["Bring", "scales", "Czerny", "Übung", "étude", "🎹", "日本語", "مرحبا", "ok", "B♭", "Lena's", "\"quoted\"", "a\\b"];
    private static readonly string[] Odd = ["\0", "\0", "\0", "\u0001", "\u001f", "\u007f", "\u2028", "\uFEFF", "\t", "\n"];

    /// <summary>How often, in percent, a realistic value is taken where there is one (the rest come from the schema alone).</summary>
    public int RealisticPercent { get; set; } = 85;

    /// <summary>A value for <paramref name="schema"/>; <paramref name="name"/> is the field or parameter name.</summary>
    public JsonNode? Generate(JsonElement schema, string name, FuzzRequest request, JsonObject? parent = null, int depth = 0)
    {
        if (realistic is not null && random.Next(100) < RealisticPercent && realistic.TryGet(request, name, parent, out var hinted))
        {
            return hinted;
        }

        schema = Pick(model.Resolve(schema));
        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        var types = Types(schema);
        if (types.Contains("null") && (types.Count == 1 || random.Next(10) == 0))
        {
            return null;
        }

        var concrete = types.Where(t => t != "null").ToList();
        var type = concrete.Count == 0 ? "string" : concrete[random.Next(concrete.Count)];
        return type switch
        {
            "object" => Object(schema, request, depth),
            "array" => Array(schema, name, request, depth),
            "boolean" => random.Next(2) == 0,
            "integer" => Integer(schema),
            "number" => Number(schema),
            _ => String(schema),
        };
    }

    /// <summary>The schema's types; with none given, what its keywords imply.</summary>
    public static List<string> Types(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
        }

        if (schema.TryGetProperty("properties", out _))
        {
            return ["object"];
        }

        return schema.TryGetProperty("items", out _) ? ["array"] : ["string"];
    }

    /// <summary>One branch of oneOf/anyOf, the first of allOf; the schema itself otherwise.</summary>
    private JsonElement Pick(JsonElement schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.GetArrayLength() > 0)
            {
                return model.Resolve(branches[random.Next(branches.GetArrayLength())]);
            }
        }

        return schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() > 0 ? model.Resolve(all[0]) : schema;
    }

    private JsonObject Object(JsonElement schema, FuzzRequest request, int depth)
    {
        var result = new JsonObject();
        if (depth > 8 || !schema.TryGetProperty("properties", out var properties))
        {
            return result;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            if (required.Contains(property.Name) || random.Next(10) < 7)
            {
                result[property.Name] = Generate(property.Value, property.Name, request, result, depth + 1);
            }
        }

        return result;
    }

    private JsonArray Array(JsonElement schema, string name, FuzzRequest request, int depth)
    {
        var min = schema.TryGetProperty("minItems", out var mi) ? mi.GetInt32() : 0;
        var max = Math.Max(min, schema.TryGetProperty("maxItems", out var ma) ? Math.Min(ma.GetInt32(), 4) : 4);
        var result = new JsonArray();
        if (depth > 8)
        {
            return result;
        }

        var items = schema.TryGetProperty("items", out var i) ? i : OpenApiModel.EmptySchema;
        for (var n = random.Next(min == 0 ? 1 : min, max + 1); n > 0; n--)
        {
            result.Add(Generate(items, name + "[]", request, null, depth + 1));
        }

        return result;
    }

    private JsonValue Integer(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        long min = schema.TryGetProperty("minimum", out var lo) ? (long)Math.Ceiling(lo.GetDouble()) : format == "int32" ? int.MinValue : long.MinValue;
        long max = schema.TryGetProperty("maximum", out var hi) ? (long)Math.Floor(hi.GetDouble()) : format == "int32" ? int.MaxValue : long.MaxValue;
        var value = random.Next(4) switch
        {
            0 => random.NextInt64(0, 200),
            1 => random.NextInt64(-5, 5),
            2 => random.NextInt64(min, max == long.MaxValue ? max : max + 1),
            _ => random.Next(2) == 0 ? min : max,
        };
        return JsonValue.Create(Math.Clamp(value, min, max));
    }

    private JsonValue Number(JsonElement schema)
    {
        var min = schema.TryGetProperty("minimum", out var lo) ? lo.GetDecimal() : -1_000_000m;
        var max = schema.TryGetProperty("maximum", out var hi) ? hi.GetDecimal() : 1_000_000m;
        var value = random.Next(3) switch
        {
            0 => Math.Round((decimal)random.NextDouble() * 200m, 2),
            1 => random.Next(-3, 3),
            _ => Math.Round(min + ((decimal)random.NextDouble() * (max - min)), 2),
        };
        return JsonValue.Create(Math.Clamp(value, min, max));
    }

    private JsonNode String(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var now = ApiAppFactory.Now;
        string? text = format switch
        {
            "date-time" => now.AddMinutes(random.Next(-60 * 24 * 60, 60 * 24 * 60)).ToOffset(TimeSpan.FromHours(random.Next(-12, 15)))
                .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            "date" => now.AddDays(random.Next(-60, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => $"{random.Next(24):00}:{random.Next(60):00}:00",
            "uuid" => RandomGuid().ToString(),
            "int32" or "int64" => random.Next(-5, 200).ToString(CultureInfo.InvariantCulture),
            "double" or "float" or "decimal" => (random.Next(0, 20000) / 100m).ToString(CultureInfo.InvariantCulture),
            "email" => $"user{random.Next(100)}@example.com",
            _ => null,
        };
        if (text is null && schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } regex)
        {
            text = Matching(regex);
        }

        text ??= FreeText();
        var minLength = schema.TryGetProperty("minLength", out var minL) ? minL.GetInt32() : 0;
        var maxLength = schema.TryGetProperty("maxLength", out var maxL) ? maxL.GetInt32() : int.MaxValue;
        if (text.Length < minLength)
        {
            text = text.PadRight(minLength, 'x');
        }

        return text.Length > maxLength ? text[..maxLength] : text;
    }

    /// <summary>A string for a pattern: the first of some numbers and words that matches, else free text.</summary>
    private string Matching(string pattern)
    {
        string[] candidates = [random.Next(0, 200).ToString(CultureInfo.InvariantCulture), "-3", (random.Next(0, 20000) / 100m).ToString(CultureInfo.InvariantCulture), "abc", "2026-04-20"];
        return candidates.FirstOrDefault(c => Regex.IsMatch(c, pattern, RegexOptions.None, TimeSpan.FromSeconds(1))) ?? FreeText();
    }

    private string FreeText()
    {
        var text = new StringBuilder();
        switch (random.Next(10))
        {
            case 0:
                return "";
            case 1 or 2:
                text.Append(Odd[random.Next(Odd.Length)]).Append("note").Append(Odd[random.Next(Odd.Length)]);
                break;
            default:
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    text.Append(Words[random.Next(Words.Length)]).Append(' ');
                }

                break;
        }

        return text.ToString().TrimEnd();
    }

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
