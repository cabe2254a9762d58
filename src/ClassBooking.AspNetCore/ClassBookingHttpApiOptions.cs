namespace ClassBooking.AspNetCore;

/// <summary>Settings of ClassBooking's HTTP API (<c>AddHttpApi()</c>, <c>MapClassBooking()</c>).</summary>
public sealed class ClassBookingHttpApiOptions
{
    /// <summary>
    /// The public address students open share links at, e.g. <c>https://lessons.example.com</c> (links are this plus
    /// <c>/book/{teacherSlug}/{token}</c>). When null, the scheme, host and path base of the request that created the
    /// link are used.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Largest request body, in bytes, the API's endpoints accept (16 KiB); larger bodies get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 16 * 1024;

    /// <summary>
    /// Switches the per-token limit of the student routes on (the default) or off. The guard on failed share-link
    /// look-ups is ClassBooking's own (<c>ClassBookingOptions.FailedTokenLookupLimit</c>), shared with the portal page.
    /// </summary>
    public bool RateLimitingEnabled { get; set; } = true;

    /// <summary>Requests one share token may make to the student routes, or one feed token to its feed, per <see cref="StudentWindow"/> (60).</summary>
    public int StudentPermitLimit { get; set; } = 60;

    /// <summary>The window of <see cref="StudentPermitLimit"/> (one minute).</summary>
    public TimeSpan StudentWindow { get; set; } = TimeSpan.FromMinutes(1);
}
