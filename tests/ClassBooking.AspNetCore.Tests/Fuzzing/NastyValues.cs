using System.Text;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>The hostile inputs mutations draw from: strings for parameters, raw JSON literals and whole bodies.</summary>
public static class NastyValues
{
    public static readonly string Overlong = new('a', 20_000);

    /// <summary>
    /// Strings for path, query and header values and JSON string fields, by kind: number-like, control characters,
    /// other unicode, injection-shaped, overlong, blank. <see cref="PickString"/> picks a kind first, so that each
    /// kind comes up as often as the others whatever its size.
    /// </summary>
    public static readonly string[][] StringKinds =
    [
        ["0", "-1", "2147483648", "-2147483649", "99999999999999999999999999999", "1e308", "-1e400", "0x10", "1,5", "NaN", "Infinity", "-Infinity", "null", "undefined", "true", "TRUE", "yes"],
        ["\0", "a\0b", "\0\0\0", "\u0001\u001f\u007f", "\u001b[31m", "\t\r\n", "\u0085", "\u2028\u2029"],
        ["\uFEFF", "\uFFFF", "\uFFFE", "\uD800", "\uDC00x", "🎹🎵", "Ünïcödé", "مرحبا", "\u202Eevil", "e\u0301\u0301\u0301", "日本語", "Ⅻ", "١٢٣", "\U000E0041"],
        ["' OR 1=1 --", "\"; DROP TABLE bookings; --", "<script>alert(1)</script>", "../../etc/passwd", "..", ".", "%", "%00", "%2F", "{{7*7}}", "${jndi:ldap://x}", "\\", "'", "\""],
        [Overlong, new string('ü', 20_000), string.Concat(Enumerable.Repeat("🎹", 10_000)), new string('\0', 20_000)],
        ["", " ", "   ", "\u00A0", "\u3000"],
    ];

    public static readonly string[] Strings = [.. StringKinds.SelectMany(k => k)];

    public static string PickString(Random random)
    {
        var kind = StringKinds[random.Next(StringKinds.Length)];
        return kind[random.Next(kind.Length)];
    }

    /// <summary>The values of the boundary sweep for a field or parameter of this name.</summary>
    public static IReadOnlyList<string> EdgeStrings(string name) => IsDateName(name)
        ? ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]
        : ["a\0b", Overlong, "-1", "2147483648"];

    /// <summary>Names of the API's dates and instants (startsAt, cancelledAt, from, to, weekOf, until, firstDate).</summary>
    public static bool IsDateName(string name) =>
        name.EndsWith("At", StringComparison.Ordinal) || name is "from" or "to" or "weekOf" or "until" or "firstDate";

    /// <summary>Instants and dates at and past the edges of the calendar, and malformed ones.</summary>
    public static readonly string[] Dates =
    [
        "0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z",
        "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00",
        "0000-00-00", "10000-01-01", "-0001-01-01", "2026-02-30", "2026-02-29", "2026-13-01T00:00:00Z", "2026-04-10T24:00:00Z",
        "2026-04-10T10:00:00+25:00", "2026-04-10T10:00:00", "2026-04-10 10:00:00Z", "2026-04-10T10:00Z", "20260410T100000Z",
        "1970-01-01T00:00:00Z", "2038-01-19T03:14:08Z", "2026-03-29T02:30:00+01:00", "2026-10-25T02:30:00+02:00",
    ];

    /// <summary>GUID-shaped and not.</summary>
    public static readonly string[] Guids =
    [
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3f2504e04f8911d39a0c0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
        "(3f2504e0-4f89-11d3-9a0c-0305e82c3301)", "3f2504e0-4f89-11d3-9a0c-0305e82c330g", "1", "-1",
    ];

    /// <summary>Raw JSON literals for a body field: every JSON type, number edges, NaN-like strings.</summary>
    public static readonly string[] JsonLiterals =
    [
        "0", "-1", "-0", "1.5", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e400", "1E-400",
        "79228162514264337593543950336", "-79228162514264337593543950336", "0.00000000000000000000000000001", "1.00000000000000000000000000001",
        "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":1}", "\"\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1\"", "\"1.5\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u001f\"",
    ];

    /// <summary>Whole bodies that are not the expected JSON object.</summary>
    public static readonly string[] Bodies =
    [
        "{", "}", "{\"", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[", "]", "[]", "null", "true", "0", "\"text\"", "NaN",
        "{}", "{} {}", "{}garbage", "/* comment */ {}", "\uFEFF{}", " ", "\n", "\0", "{\"\0\":1}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}",
        "{\"a\":1e999999}", "<xml/>", "a=1&b=2",
    ];

    /// <summary>Bodies of many levels of nesting, an invalid UTF-8 sequence, and about 2 MB.</summary>
    public static byte[] Special(int which) => which switch
    {
        0 => Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)),
        1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)),
        2 => [(byte)'{', (byte)'"', (byte)'n', (byte)'o', (byte)'t', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, 0xC3, (byte)'"', (byte)'}'],
        3 => [0xC0, 0xAF, 0xED, 0xA0, 0x80],
        _ => Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', 2_000_000) + "\"}"),
    };

    public const int SpecialCount = 5;

    /// <summary>Content types other than JSON, or JSON spelled oddly.</summary>
    public static readonly string?[] ContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
        "application/octet-stream", "application/json; charset=latin1", "application/json; charset=utf-16", "application/JSON",
        "application/problem+json", "application/vnd.api+json", "application/jsonx", "json", "*/*", "", ";;;", "application/json; charset=\"",
    ];

    /// <summary>Authorization headers that must not sign anyone in.</summary>
    public static readonly string[] Authorizations =
    [
        "Bearer", "Bearer ", "Bearer x", "Bearer " + Overlong, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "Basic bWFyaWFAY2xhc3Nsb2dnZXIudGVzdDpEZW1vITIzNDU=",
        "bearer  abc def", "Digest username=\"maria\"",
    ];

    /// <summary>Unknown fields for a body.</summary>
    public static readonly string[] ExtraFields = ["teacherId", "id", "bookedCount", "__proto__", "constructor", "$type", "STARTSAT", "", "\0"];
}
