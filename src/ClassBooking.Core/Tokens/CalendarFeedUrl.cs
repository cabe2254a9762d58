namespace ClassBooking.Core.Tokens;

/// <summary>
/// The addresses of the calendar feeds, for the HTTP API and the components alike: the names of the endpoints that
/// serve them (so a host's link generator finds them wherever <c>MapClassBooking</c> mapped them), the
/// <c>webcal://</c> form calendar apps subscribe with, and the headers a feed answer carries.
/// </summary>
public static class CalendarFeedUrl
{
    /// <summary>The endpoint name of a student's feed, <c>{api}/booking/{token}/calendar.ics</c> (route value <c>token</c>).</summary>
    public const string StudentFeedEndpointName = "ClassBooking.GetStudentCalendarFeed";

    /// <summary>The endpoint name of a teacher's feed, <c>{api}/calendar-feed/{token}/calendar.ics</c> (route value <c>token</c>).</summary>
    public const string TeacherFeedEndpointName = "ClassBooking.GetTeacherCalendarFeed";

    /// <summary>
    /// The headers of a feed's answer (200 or 304). Its URL holds a secret token, so no <c>Referer</c> carries it
    /// on; and unlike the other token routes (<see cref="ShareLinkUrl.ResponseHeaders"/>, <c>no-store</c>) a feed
    /// may be kept by the subscriber's own (private) cache but must be revalidated each time: a calendar app stores
    /// the events anyway, and a client that keeps the answer can ask again with <c>If-None-Match</c> and get a 304
    /// instead of the whole calendar. Shared caches (proxies) must not keep it. Refusals keep <c>no-store</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; } =
    [
        new("Referrer-Policy", "no-referrer"),
        new("Cache-Control", "private, no-cache"),
    ];

    /// <summary>
    /// The absolute address of a feed: <paramref name="baseUrl"/> (the host's public root, with or without a trailing
    /// slash, possibly with a path base) followed by <paramref name="path"/> (the endpoint's path from the host's
    /// root, e.g. <c>/api/booking/{token}/calendar.ics</c>, as a link generator gives it without a path base).
    /// </summary>
    public static string Build(string baseUrl, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return $"{baseUrl.TrimEnd('/')}/{path.TrimStart('/')}";
    }

    /// <summary>
    /// The <c>webcal://</c> form of an <c>https://</c> (or <c>http://</c>) feed address: opening it asks the device's
    /// calendar app to subscribe (Apple Calendar, Outlook, Thunderbird; the apps read it over HTTPS).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https address.</exception>
    public static string ToWebcal(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return "webcal://" + url[scheme.Length..];
            }
        }

        throw new ArgumentException($"A feed address starts with https:// (got '{url}').", nameof(url));
    }
}
