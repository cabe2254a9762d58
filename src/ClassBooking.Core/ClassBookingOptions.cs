using ClassBooking.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core;

/// <summary>ClassBooking's settings: the defaults of every teacher's policy, and share-link settings.</summary>
public sealed class ClassBookingOptions
{
    /// <summary>Default minimum notice before a class starts for a booking (12 hours).</summary>
    public TimeSpan DefaultMinimumNotice { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Default booking horizon: how far ahead students may book (8 weeks).</summary>
    public TimeSpan DefaultBookingHorizon { get; set; } = TimeSpan.FromDays(56);

    /// <summary>Default cancellation window: students may cancel until this long before the start (24 hours).</summary>
    public TimeSpan DefaultCancellationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Default free time before each class (none).</summary>
    public TimeSpan DefaultBufferBefore { get; set; } = TimeSpan.Zero;

    /// <summary>Default free time after each class (none).</summary>
    public TimeSpan DefaultBufferAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Default limit of bookings per student per week (none).</summary>
    public int? DefaultMaxBookingsPerStudentPerWeek { get; set; }

    /// <summary>Zone used for a teacher when neither their policy nor the host's directory names one ("UTC").</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>How long a share link works after it is created (180 days).</summary>
    public TimeSpan ShareTokenLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Secret key for hashing client addresses in the usage and audit logs (HMAC-SHA256), so the logs can tell
    /// clients apart without storing addresses. When empty, a key is derived per process, and hashes are only
    /// comparable within one run; set it (16+ characters) when several instances share one database.
    /// </summary>
    public string? ClientAddressHashKey { get; set; }

    /// <summary>
    /// Failed share-link look-ups (unknown, expired, revoked or malformed links) one client address may make per
    /// <see cref="FailedTokenLookupWindow"/> (20) before further failed ones are answered "too many attempts"
    /// (HTTP 429) instead of "invalid link"; a valid link keeps working. The HTTP API and the portal page share the
    /// count. 0 switches the guard off.
    /// </summary>
    public int FailedTokenLookupLimit { get; set; } = 20;

    /// <summary>The window of <see cref="FailedTokenLookupLimit"/> (ten minutes).</summary>
    public TimeSpan FailedTokenLookupWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Checks <see cref="ClassBookingOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class ClassBookingOptionsValidator : IValidateOptions<ClassBookingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassBookingOptions options)
    {
        var failures = new List<string>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["minimumNotice"] = options.DefaultMinimumNotice,
            ["bookingHorizon"] = options.DefaultBookingHorizon,
            ["cancellationWindow"] = options.DefaultCancellationWindow,
            ["bufferBefore"] = options.DefaultBufferBefore,
            ["bufferAfter"] = options.DefaultBufferAfter,
            ["maxBookingsPerStudentPerWeek"] = options.DefaultMaxBookingsPerStudentPerWeek,
        };
        Policies.PolicyLimits.Check(
            options.DefaultMinimumNotice, options.DefaultBookingHorizon, options.DefaultCancellationWindow,
            options.DefaultBufferBefore, options.DefaultBufferAfter, options.DefaultMaxBookingsPerStudentPerWeek,
            (field, message) => failures.Add($"ClassBookingOptions.Default{char.ToUpperInvariant(field[0])}{field[1..]} is {values[field]}. {message}"));

        if (!LocalTimeConverter.IsKnownZone(options.DefaultTimeZone))
        {
            failures.Add($"ClassBookingOptions.DefaultTimeZone '{options.DefaultTimeZone}' is not a known IANA time zone id (e.g. 'Europe/London').");
        }

        if (options.ShareTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"ClassBookingOptions.ShareTokenLifetime is {options.ShareTokenLifetime}; it must be positive (e.g. TimeSpan.FromDays(180)).");
        }

        if (options.FailedTokenLookupLimit < 0)
        {
            failures.Add($"ClassBookingOptions.FailedTokenLookupLimit is {options.FailedTokenLookupLimit}; use 1 or more (default 20), or 0 to switch the guard off.");
        }

        if (options.FailedTokenLookupWindow <= TimeSpan.Zero)
        {
            failures.Add($"ClassBookingOptions.FailedTokenLookupWindow is {options.FailedTokenLookupWindow}; it must be positive (e.g. TimeSpan.FromMinutes(10)).");
        }

        if (options.ClientAddressHashKey is { Length: > 0 } key && key.Trim().Length < 16)
        {
            failures.Add("ClassBookingOptions.ClientAddressHashKey is shorter than 16 characters; use a longer random secret, or leave it empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
