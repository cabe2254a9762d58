namespace ClassBooking.Core.Services;

/// <summary>A teacher's newly made calendar feed token: shown once, never stored in clear.</summary>
/// <param name="Token">The token for the feed's address (base64url, 43 characters).</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ReplacedEarlier">True when it replaced an earlier address, which stopped working at that moment.</param>
public sealed record IssuedCalendarFeed(string Token, DateTimeOffset CreatedAt, bool ReplacedEarlier);
