namespace ClassBooking.Core.Model;

/// <summary>
/// A student's private booking link. Only the SHA-256 of the token is stored; the token itself is shown once,
/// when it is created.
/// </summary>
public sealed class ShareToken
{
    /// <summary>Identifier of the token row.</summary>
    public Guid Id { get; set; }

    /// <summary>The teacher whose calendar the link opens.</summary>
    public required string TeacherId { get; set; }

    /// <summary>The student the link belongs to.</summary>
    public required string StudentId { get; set; }

    /// <summary>SHA-256 of the token's bytes (32 bytes).</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>When the token was created, UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this instant the link no longer works.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the token was revoked or replaced by a regenerated one; null while it is live.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// The token itself, encrypted by the host's <c>IShareTokenProtector</c> (ASP.NET Core Data Protection), so
    /// e-mails can link back to the student's portal; null when no protector was registered when it was issued.
    /// </summary>
    public string? ProtectedToken { get; set; }

    /// <summary>True when the token can be used at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>One use of a share link, for the teacher's usage view.</summary>
public sealed class TokenAccess
{
    /// <summary>Identifier of the row.</summary>
    public Guid Id { get; set; }

    /// <summary>The token used.</summary>
    public Guid TokenId { get; set; }

    /// <summary>The teacher (copied for per-teacher queries).</summary>
    public required string TeacherId { get; set; }

    /// <summary>The student (copied for per-student queries).</summary>
    public required string StudentId { get; set; }

    /// <summary>When the link was used, UTC.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Keyed hash of the client address (never the address itself).</summary>
    public string? ClientAddressHash { get; set; }

    /// <summary>The client's user agent, truncated.</summary>
    public string? UserAgent { get; set; }
}
