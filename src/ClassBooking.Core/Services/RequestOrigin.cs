namespace ClassBooking.Core.Services;

/// <summary>Where a request came from, for the audit and usage logs (the address is stored only as a keyed hash).</summary>
/// <param name="ClientAddress">The client's network address, if known.</param>
/// <param name="UserAgent">The client's user agent, if known.</param>
public sealed record RequestOrigin(string? ClientAddress, string? UserAgent);
