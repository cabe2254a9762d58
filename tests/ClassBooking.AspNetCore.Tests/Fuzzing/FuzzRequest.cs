using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>One generated request: what is sent, and in words what was done to it ("valid" or the mutation).</summary>
public sealed class FuzzRequest(ApiOperation operation)
{
    public ApiOperation Operation { get; } = operation;

    /// <summary>"valid", or the mutation applied (e.g. "body: note = 20000 × 'a'").</summary>
    public string Mutation { get; set; } = "valid";

    /// <summary>Path parameter values, unencoded.</summary>
    public Dictionary<string, string> PathValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Query parameters in order, unencoded (a name may repeat).</summary>
    public List<KeyValuePair<string, string>> Query { get; } = [];

    /// <summary>Headers besides Authorization and Content-Type.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The bearer token sent, if any.</summary>
    public string? Bearer { get; set; }

    /// <summary>A raw Authorization header instead of <see cref="Bearer"/> (e.g. "Basic x").</summary>
    public string? RawAuthorization { get; set; }

    public byte[]? Body { get; set; }

    /// <summary>The Content-Type sent with <see cref="Body"/> (none when null).</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// The request target: the path template filled in and percent-encoded, then the query. A NUL in a path value is
    /// sent as the text "%00": Kestrel refuses an encoded NUL in a path before any app sees it (the test host throws).
    /// </summary>
    public string Target
    {
        get
        {
            var path = Operation.PathTemplate;
            foreach (var (name, value) in PathValues)
            {
                path = path.Replace("{" + name + "}", Encode(value.Replace("\0", "%00", StringComparison.Ordinal)), StringComparison.Ordinal);
            }

            return Query.Count == 0 ? path : path + "?" + string.Join('&', Query.Select(q => Encode(q.Key) + "=" + Encode(q.Value)));
        }
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), new Uri(Target, UriKind.Relative));
        if (RawAuthorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", RawAuthorization);
        }
        else if (Bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request in one paragraph: method, target, headers, body excerpt (control characters escaped).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Operation.Method).Append(' ').Append(Excerpt(Target, 300));
        text.Append("  [").Append(Mutation).Append(']');
        var auth = RawAuthorization is not null ? $"Authorization: {Excerpt(RawAuthorization, 60)}"
            : Bearer is null ? "no Authorization"
            : "Authorization: Bearer " + Excerpt(Bearer, 12) + "…";
        text.Append("\n      ").Append(auth);
        foreach (var (name, value) in Headers)
        {
            text.Append("; ").Append(name).Append(": ").Append(Excerpt(value, 80));
        }

        if (Body is not null)
        {
            text.Append("\n      Content-Type: ").Append(ContentType ?? "(none)")
                .Append(", ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes: ")
                .Append(Excerpt(Encoding.UTF8.GetString(Body), 400));
        }

        return text.ToString();
    }

    /// <summary>Percent-encodes every byte of the UTF-8 form except unreserved characters (lone surrogates become U+FFFD).</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, control characters shown as \uXXXX, the length noted when cut.</summary>
    public static string Excerpt(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > max)
        {
            text.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return text.ToString();
    }
}
