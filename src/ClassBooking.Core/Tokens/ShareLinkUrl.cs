namespace ClassBooking.Core.Tokens;

/// <summary>
/// The address of a student's share link: <c>{base}/book/{teacherSlug}/{token}</c> (see <see cref="TeacherSlug"/>).
/// The one place links are put together, for the HTTP API and the components alike.
/// </summary>
public static class ShareLinkUrl
{
    /// <summary>
    /// The headers every response whose URL holds a share token carries (the portal page, the student routes of the
    /// API, refusals of the feeds): no <c>Referer</c> that would hand the token to another site, and no copy of a
    /// student's bookings in a browser's or proxy's cache. A feed's own answers use <see cref="CalendarFeedUrl.ResponseHeaders"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; } =
    [
        new("Referrer-Policy", "no-referrer"),
        new("Cache-Control", "no-store"),
    ];

    /// <summary>The path segment the student portal is mounted under.</summary>
    public const string PortalSegment = "book";

    /// <summary>
    /// The link for <paramref name="token"/>. <paramref name="baseUrl"/> is the host's public root (with or without
    /// a trailing slash, possibly with a path base, e.g. <c>https://lessons.example/app/</c>).
    /// </summary>
    public static string Build(string baseUrl, string? teacherDisplayName, string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return $"{baseUrl.TrimEnd('/')}/{PortalSegment}/{TeacherSlug.From(teacherDisplayName)}/{Uri.EscapeDataString(token)}";
    }

    /// <summary>The link for <paramref name="token"/> under an absolute <paramref name="baseUri"/>.</summary>
    public static string Build(Uri baseUri, string? teacherDisplayName, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return Build(baseUri.ToString(), teacherDisplayName, token);
    }
}
