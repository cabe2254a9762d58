using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ClassBooking.AspNetCore.Http;

/// <summary>The API's JSON rules: camelCase, enums as camelCase strings, strict numbers, nulls written (a null member is present, as the OpenAPI document requires it), unknown members refused, instants with an offset.</summary>
internal static partial class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Reads a JSON body of <typeparamref name="T"/>: 415 for another content type, 413 above
    /// <paramref name="limit"/> bytes, 400 (naming the field) for a missing body, malformed JSON, wrong types and
    /// unknown fields.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context, long limit)
        where T : class
    {
        var request = context.Request;
        if (request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return (null, Problems.MissingBody());
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(limit) : Problems.MalformedBody("body", "The request body could not be read."));
        }

        if (bytes.Length == 0)
        {
            return (null, Problems.MissingBody());
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options);
            return value is null ? (null, Problems.MissingBody()) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedBody(FieldOf(ex), DescribeJsonError(ex)));
        }
        catch (NotSupportedException)
        {
            return (null, Problems.MalformedBody("body", "The request body does not have the expected shape."));
        }
    }

    private static string FieldOf(JsonException ex)
    {
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal) && QuotedName().Match(ex.Message) is { Success: true } m)
        {
            return m.Groups[1].Value;
        }

        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string DescribeJsonError(JsonException ex)
    {
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This field is not part of the request.";
        }

        return ex.Path is null or "$" && ex.BytePositionInLine is not null && ex.InnerException is null
            ? "The request body is not valid JSON."
            : "The value is missing, malformed or of the wrong type for this field.";
    }

    [GeneratedRegex("'([^']{1,100})'")]
    private static partial Regex QuotedName();

    /// <summary>Instants must carry an offset ("Z" or "+02:00"); a local time without one is refused.</summary>
    private sealed partial class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected an ISO 8601 string.");
            }

            var text = reader.GetString();
            if (text is null || text.Length > 40 || !WithOffset().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            {
                throw new JsonException("Expected an ISO 8601 instant with an offset.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
        private static partial Regex WithOffset();
    }
}
