using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Services;

/// <summary>A newly issued share link's token: shown to the teacher once, never stored in clear.</summary>
/// <param name="TokenId">The token row's id.</param>
/// <param name="StudentId">The student it belongs to.</param>
/// <param name="Token">The token text for the link (base64url, 43 characters).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedShareToken(Guid TokenId, string StudentId, string Token, DateTimeOffset ExpiresAt);

/// <summary>What a valid token grants: one student's access to one teacher's calendar.</summary>
/// <param name="TokenId">The token row's id.</param>
/// <param name="TeacherId">The teacher.</param>
/// <param name="StudentId">The student.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record ShareTokenGrant(Guid TokenId, string TeacherId, string StudentId, DateTimeOffset ExpiresAt);

/// <summary>A student's link as the teacher's students panel shows it.</summary>
/// <param name="Student">The student.</param>
/// <param name="HasLink">True when a link was issued and not revoked.</param>
/// <param name="CreatedAt">When the current link was issued.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="IsExpired">True when it has expired.</param>
public sealed record StudentLinkStatus(StudentProfile Student, bool HasLink, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt, bool IsExpired);

/// <summary>How a student's link was used in a period.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="Uses">Number of uses.</param>
/// <param name="LastUsedAt">The latest use.</param>
/// <param name="DistinctClients">Number of distinct (hashed) client addresses.</param>
public sealed record TokenUsageSummary(string StudentId, int Uses, DateTimeOffset? LastUsedAt, int DistinctClients);

/// <summary>
/// Students' private links: issue, regenerate (the old link dies at once), revoke, resolve a presented token, and
/// the usage log. Only SHA-256 hashes are stored; a presented token is looked up by hash and compared in constant time.
/// </summary>
public sealed class ShareTokenService(
    IClassBookingStore store,
    IStudentDirectory students,
    IOptions<ClassBookingOptions> options,
    ClientAddressHasher addressHasher,
    ShareTokenLookupGuard guard,
    AuditTrail audit,
    TimeProvider time,
    IShareTokenProtector? protector = null)
{
    /// <summary>Longest user agent kept in the usage log.</summary>
    public const int MaxUserAgentLength = 256;

    /// <summary>Issues a link for a student; an earlier link of the student stops working.</summary>
    public Task<Result<IssuedShareToken>> IssueAsync(string teacherId, string studentId, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        IssueAsync(teacherId, studentId, AuditActions.TokenCreated, origin, cancellationToken);

    /// <summary>Replaces a student's link with a new one; the old token is rejected from this moment.</summary>
    public Task<Result<IssuedShareToken>> RegenerateAsync(string teacherId, string studentId, RequestOrigin? origin = null, CancellationToken cancellationToken = default) =>
        IssueAsync(teacherId, studentId, AuditActions.TokenRegenerated, origin, cancellationToken);

    /// <summary>Revokes a student's link without issuing a new one. Succeeds with false when there was none.</summary>
    public async Task<Result<bool>> RevokeAsync(string teacherId, string studentId, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        if (await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false) is not { } student)
        {
            return new ClassBookingError(ErrorCodes.StudentNotFound, "This student is not enrolled with you.", "studentId");
        }

        return await store.WriteAsync<bool>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var token = await session.FindUnrevokedTokenAsync(teacherId, student.Id, ct).ConfigureAwait(false);
            if (token is null)
            {
                return false;
            }

            token.RevokedAt = time.GetUtcNow();
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, AuditActions.TokenRevoked, "token", token.Id.ToString(), origin, $"{{\"studentId\":\"{student.Id}\"}}");
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves a presented token. Malformed, unknown, expired, revoked and regenerated tokens, and tokens of a student
    /// no longer enrolled, all give the same <see cref="ErrorCodes.InvalidToken"/> error. A valid use is recorded for
    /// the teacher's usage view when <paramref name="recordUse"/> is true, in its own small write: the usage log
    /// counts opens of the link, including those whose booking is then refused. With an <paramref name="origin"/>,
    /// failed look-ups count against its client address (<see cref="ShareTokenLookupGuard"/>): past the limit they
    /// give <see cref="ErrorCodes.RateLimited"/> with <see cref="ClassBookingError.RetryAfter"/>, while a valid token
    /// from the same address still resolves.
    /// </summary>
    /// <remarks>
    /// The check happens when the request starts: a request already past it when the teacher regenerates the link
    /// still completes; every request that starts afterwards is refused.
    /// </remarks>
    public async Task<Result<ShareTokenGrant>> ResolveAsync(string? token, RequestOrigin? origin = null, bool recordUse = true, CancellationToken cancellationToken = default)
    {
        var hash = ShareTokenCodec.TryHash(token);
        if (hash is null)
        {
            return Refuse(origin);
        }

        var row = await store.ReadAsync((session, ct) => session.FindTokenByHashAsync(hash, ct), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (row is null || !ShareTokenCodec.HashesEqual(row.TokenHash, hash) || !row.IsActiveAt(now))
        {
            return Refuse(origin);
        }

        if (await students.FindStudentAsync(row.TeacherId, row.StudentId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Refuse(origin);
        }

        if (recordUse)
        {
            await store.WriteAsync<bool>(WriteLock.Student(row.TeacherId, row.StudentId), (session, _) =>
            {
                session.AddTokenAccess(new TokenAccess
                {
                    Id = Guid.CreateVersion7(now),
                    TokenId = row.Id,
                    TeacherId = row.TeacherId,
                    StudentId = row.StudentId,
                    At = now,
                    ClientAddressHash = addressHasher.Hash(origin?.ClientAddress),
                    UserAgent = KeptUserAgent(origin?.UserAgent),
                });
                return Task.FromResult(Result<bool>.Success(true));
            }, cancellationToken).ConfigureAwait(false);
        }

        return new ShareTokenGrant(row.Id, row.TeacherId, row.StudentId, row.ExpiresAt);
    }

    /// <summary>
    /// The student's live share token in clear, for a link in an e-mail: only when the token was kept encrypted
    /// (an <see cref="IShareTokenProtector"/> was registered when it was issued) and has not expired or been revoked.
    /// </summary>
    public async Task<string?> RecoverLiveTokenAsync(string teacherId, string studentId, CancellationToken cancellationToken = default)
    {
        if (protector is null)
        {
            return null;
        }

        var row = await store.ReadAsync((s, ct) => s.FindUnrevokedTokenAsync(teacherId, studentId, ct), cancellationToken).ConfigureAwait(false);
        return row is { ProtectedToken: { } protectedToken } && row.IsActiveAt(time.GetUtcNow())
            ? protector.Unprotect(protectedToken)
            : null;
    }

    /// <summary>"Invalid link", or "too many attempts" once the client address has spent its failed look-ups.</summary>
    private ClassBookingError Refuse(RequestOrigin? origin) => guard.Refuse(origin,
        new ClassBookingError(ErrorCodes.InvalidToken, "This booking link is not valid. Please ask your teacher for a new link."),
        wait => $"Too many invalid booking links were tried from your network. Please try again in {wait}, or ask your teacher for a new link.");

    /// <summary>The user agent as the usage log keeps it: printable characters only, at most <see cref="MaxUserAgentLength"/>.</summary>
    private static string? KeptUserAgent(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return null;
        }

        var printable = new string(userAgent.Where(c => !char.IsControl(c)).Take(MaxUserAgentLength).ToArray());
        return printable.Length > 0 ? printable : null;
    }

    /// <summary>Every student of the teacher with the state of their link.</summary>
    public async Task<IReadOnlyList<StudentLinkStatus>> GetLinkStatusesAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        var list = await students.GetStudentsAsync(teacherId, cancellationToken).ConfigureAwait(false);
        var tokens = (await store.ReadAsync((session, ct) => session.GetUnrevokedTokensAsync(teacherId, ct), cancellationToken).ConfigureAwait(false))
            .ToDictionary(t => t.StudentId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return list.Select(s => tokens.TryGetValue(s.Id, out var t)
                ? new StudentLinkStatus(s, true, t.CreatedAt, t.ExpiresAt, !t.IsActiveAt(now))
                : new StudentLinkStatus(s, false, null, null, false))
            .ToList();
    }

    /// <summary>Per student: uses of their links in a range, the last use, and distinct clients.</summary>
    public async Task<IReadOnlyList<TokenUsageSummary>> GetUsageAsync(string teacherId, TimeRange range, CancellationToken cancellationToken = default)
    {
        var uses = await GetAccessLogAsync(teacherId, null, range, cancellationToken).ConfigureAwait(false);
        return uses
            .GroupBy(u => u.StudentId, StringComparer.Ordinal)
            .Select(g => new TokenUsageSummary(g.Key, g.Count(), g.Max(u => u.At), g.Select(u => u.ClientAddressHash).Where(h => h is not null).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(s => s.LastUsedAt)
            .ToList();
    }

    /// <summary>The uses of the teacher's links (one enrolled student's when given) in a range, newest first.</summary>
    public async Task<IReadOnlyList<TokenAccess>> GetAccessLogAsync(string teacherId, string? studentId, TimeRange range, CancellationToken cancellationToken = default)
    {
        if (studentId is not null)
        {
            if (await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false) is not { } student)
            {
                return [];
            }

            studentId = student.Id;
        }

        return await store.ReadAsync((session, ct) => session.GetTokenAccessesAsync(teacherId, studentId, range, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<IssuedShareToken>> IssueAsync(string teacherId, string studentId, string action, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        if (await students.FindStudentAsync(teacherId, studentId, cancellationToken).ConfigureAwait(false) is not { } student)
        {
            return new ClassBookingError(ErrorCodes.StudentNotFound, "This student is not enrolled with you.", "studentId");
        }

        studentId = student.Id;

        return await store.WriteAsync<IssuedShareToken>(WriteLock.Teacher(teacherId), async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var previous = await session.FindUnrevokedTokenAsync(teacherId, studentId, ct).ConfigureAwait(false);
            if (previous is not null)
            {
                previous.RevokedAt = now;
            }

            var (token, hash) = ShareTokenCodec.Create();
            var row = new ShareToken
            {
                Id = Guid.CreateVersion7(now),
                TeacherId = teacherId,
                StudentId = studentId,
                TokenHash = hash,
                CreatedAt = now,
                ExpiresAt = now + options.Value.ShareTokenLifetime,
                ProtectedToken = protector?.Protect(token),
            };
            session.AddToken(row);
            audit.Record(session, teacherId, ActorKind.Teacher, teacherId, previous is null ? AuditActions.TokenCreated : action, "token", row.Id.ToString(), origin,
                $"{{\"studentId\":\"{studentId}\"}}");
            return new IssuedShareToken(row.Id, studentId, token, row.ExpiresAt);
        }, cancellationToken).ConfigureAwait(false);
    }
}
