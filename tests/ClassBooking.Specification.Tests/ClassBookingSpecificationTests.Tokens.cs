using ClassBooking.Core;
using ClassBooking.Core.Services;
using Xunit;

namespace ClassBooking.Specification.Tests;

public abstract partial class ClassBookingSpecificationTests
{
    private static readonly RequestOrigin Browser = new("203.0.113.7", "Mozilla/5.0 (iPhone) Safari");

    private Task<Result<IssuedShareToken>> IssueAsync(string studentId) =>
        InScope<ShareTokenService, Result<IssuedShareToken>>(s => s.IssueAsync(TeacherA, studentId));

    private Task<Result<ShareTokenGrant>> ResolveAsync(string? token) =>
        InScope<ShareTokenService, Result<ShareTokenGrant>>(s => s.ResolveAsync(token, Browser));

    [Fact]
    public async Task Issued_token_resolves_to_its_student_and_only_its_hash_is_stored()
    {
        var issued = (await IssueAsync(StudentA(0))).Value;

        var grant = await ResolveAsync(issued.Token);

        Assert.True(grant.Succeeded);
        Assert.Equal((TeacherA, StudentA(0)), (grant.Value.TeacherId, grant.Value.StudentId));
        Assert.Equal(43, issued.Token.Length);
        Assert.Equal(Start.AddDays(180), issued.ExpiresAt);
        var row = await Read((s, ct) => s.FindUnrevokedTokenAsync(TeacherA, StudentA(0), ct));
        Assert.Equal(32, row!.TokenHash.Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Buffers.Text.Base64Url.DecodeFromChars(issued.Token)), row.TokenHash);
    }

    [Fact]
    public async Task Regenerating_kills_the_old_link_at_once()
    {
        var first = (await IssueAsync(StudentA(0))).Value;
        var second = (await InScope<ShareTokenService, Result<IssuedShareToken>>(s => s.RegenerateAsync(TeacherA, StudentA(0)))).Value;

        Assert.Equal(ErrorCodes.InvalidToken, (await ResolveAsync(first.Token)).Error?.Code);
        Assert.True((await ResolveAsync(second.Token)).Succeeded);
        Assert.Contains(await AuditOf(TeacherA), a => a.Action == Core.Model.AuditActions.TokenRegenerated);
    }

    [Fact]
    public async Task Malformed_unknown_expired_and_revoked_tokens_get_one_and_the_same_error()
    {
        var expiring = (await IssueAsync(StudentA(0))).Value;
        var revoked = (await IssueAsync(StudentA(1))).Value;
        Assert.True((await InScope<ShareTokenService, Result<bool>>(s => s.RevokeAsync(TeacherA, StudentA(1)))).Value);
        var unknown = Core.Tokens.ShareTokenCodec.Create().Token;
        Time.Advance(TimeSpan.FromDays(180));

        var errors = new[]
        {
            await ResolveAsync(expiring.Token),
            await ResolveAsync(revoked.Token),
            await ResolveAsync(unknown),
            await ResolveAsync("not-a-token"),
            await ResolveAsync(expiring.Token[..42] + "="),
            await ResolveAsync(null),
            await ResolveAsync(""),
        }.Select(r => r.Error).ToList();

        Assert.All(errors, e => Assert.Equal(errors[0], e));
        Assert.Equal(ErrorCodes.InvalidToken, errors[0]!.Code);
        Assert.Empty(await InScope<ShareTokenService, IReadOnlyList<Core.Model.TokenAccess>>(s => s.GetAccessLogAsync(TeacherA, null, Everything)));
    }

    [Fact]
    public async Task Token_of_another_teachers_student_is_refused_at_issue()
    {
        var result = await IssueAsync(Directory.StudentsOfB[0].Id);

        Assert.Equal(ErrorCodes.StudentNotFound, result.Error?.Code);
        Assert.Empty(await AuditOf(TeacherA));
    }

    [Fact]
    public async Task Each_use_is_logged_with_a_hashed_address_and_summarized_per_student()
    {
        var token = (await IssueAsync(StudentA(0))).Value.Token;
        await ResolveAsync(token);
        Time.Advance(TimeSpan.FromMinutes(5));
        await InScope<ShareTokenService, Result<ShareTokenGrant>>(s => s.ResolveAsync(token, new RequestOrigin("198.51.100.1", "Firefox")));

        var log = await InScope<ShareTokenService, IReadOnlyList<Core.Model.TokenAccess>>(s => s.GetAccessLogAsync(TeacherA, StudentA(0), Everything));
        var usage = Assert.Single(await InScope<ShareTokenService, IReadOnlyList<TokenUsageSummary>>(s => s.GetUsageAsync(TeacherA, Everything)));

        Assert.Equal(2, log.Count);
        Assert.Equal("Firefox", log[0].UserAgent);
        Assert.All(log, l => Assert.DoesNotContain("203.0.113.7", l.ClientAddressHash ?? "", StringComparison.Ordinal));
        Assert.All(log, l => Assert.Equal(32, l.ClientAddressHash!.Length));
        Assert.Equal((StudentA(0), 2, 2, Start.AddMinutes(5)), (usage.StudentId, usage.Uses, usage.DistinctClients, usage.LastUsedAt!.Value));
    }

    [Fact]
    public async Task Link_statuses_list_every_student_with_their_link_state()
    {
        await IssueAsync(StudentA(2));

        var statuses = await InScope<ShareTokenService, IReadOnlyList<StudentLinkStatus>>(s => s.GetLinkStatusesAsync(TeacherA));

        Assert.Equal(Directory.StudentsOfA.Count, statuses.Count);
        Assert.True(statuses.Single(s => s.Student.Id == StudentA(2)).HasLink);
        Assert.Equal(1, statuses.Count(s => s.HasLink));
    }
}
