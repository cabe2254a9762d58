using Microsoft.Extensions.Options;

namespace ClassBooking.AspNetCore.Http;

/// <summary>Checks <see cref="ClassBookingHttpApiOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class HttpApiOptionsValidator : IValidateOptions<ClassBookingHttpApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassBookingHttpApiOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"ClassBookingHttpApiOptions.PublicBaseUrl '{url}' must be an absolute http(s) address, e.g. https://lessons.example.com.");
        }

        if (options.MaxRequestBodySize is < 256 or > 10 * 1024 * 1024)
        {
            failures.Add($"ClassBookingHttpApiOptions.MaxRequestBodySize is {options.MaxRequestBodySize}; use 256 bytes to 10 MiB (default 16 KiB).");
        }

        if (options.StudentPermitLimit < 1)
        {
            failures.Add("ClassBookingHttpApiOptions.StudentPermitLimit must be at least 1 (set RateLimitingEnabled to false to switch the limit off).");
        }

        if (options.StudentWindow <= TimeSpan.Zero)
        {
            failures.Add("ClassBookingHttpApiOptions.StudentWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
