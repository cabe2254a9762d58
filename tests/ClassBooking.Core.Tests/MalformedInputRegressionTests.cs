// Regression tests: malformed tokens of token length once threw instead of being refused, and spans that were
// not whole minutes were described as "1 minutes".
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Policies;
using ClassBooking.Core.Services;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClassBooking.Core.Tests;

public sealed class MalformedInputRegressionTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static TheoryData<string> MalformedTokensOfTokenLength()
    {
        var (token, _) = ShareTokenCodec.Create();
        var last = Base64UrlAlphabet.IndexOf(token[^1], StringComparison.Ordinal);
        return new TheoryData<string>
        {
            new string('!', 43),
            token[..42] + "=", // padding
            token[..41] + "==",
            token[..40] + "+" + token[41..], // standard base64 alphabet
            token[..40] + "/" + token[41..],
            token[..20] + "." + token[21..],
            token[..20] + " " + token[21..], // whitespace
            token[..20] + "\n" + token[21..],
            token[..20] + "é" + token[21..],
            token[..42] + Base64UrlAlphabet[last | 1], // non-canonical: an unused low bit of the last character set
            token[..42] + Base64UrlAlphabet[last | 2],
        };
    }

    /// <summary>
    /// ShareTokenCodec.TryHash promises null for text that is not a token, but for 43-character text outside the
    /// canonical base64url form it throws FormatException: Base64Url.TryDecodeFromChars only returns false when the
    /// destination is too small, and throws on invalid data.
    /// </summary>
    [Theory]
    [MemberData(nameof(MalformedTokensOfTokenLength))]
    public void TryHash_returns_null_for_malformed_text_of_token_length(string text)
    {
        Assert.Equal(ShareTokenCodec.TokenLength, text.Length);

        Assert.Null(ShareTokenCodec.TryHash(text));
    }

    /// <summary>
    /// The same bug seen by a student: a link with a mistyped 43-character token makes ShareTokenService.ResolveAsync
    /// throw (an HTTP 500) instead of returning the invalid-token error, before the store is ever asked.
    /// </summary>
    [Fact]
    public async Task Resolving_a_malformed_token_of_token_length_is_an_invalid_token_error()
    {
        var options = Options.Create(new ClassBookingOptions { ClientAddressHashKey = "known-bug-tests-key-0123" });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var hasher = new ClientAddressHasher(options);
        using var guard = new ShareTokenLookupGuard(options);
        var service = new ShareTokenService(new UnusedStore(), new UnusedStudentDirectory(), options, hasher, guard, new AuditTrail(time, hasher), time);

        var result = await service.ResolveAsync(new string('.', 43));

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.InvalidToken, result.Error!.Code);
    }

    /// <summary>
    /// BookingPolicyEvaluator.Describe truncates spans that are not whole minutes: 90 seconds reads "1 minutes" (no
    /// singular), 30 seconds "0 minutes". TeacherPolicyService accepts such values (minimum notice and cancellation
    /// window only need to lie between 0 and 30 days), so students can be shown
    /// "Classes must be booked at least 1 minutes before they start."
    /// </summary>
    [Theory]
    [InlineData(90)]
    [InlineData(119)]
    [InlineData(30)]
    [InlineData(1)]
    public void Describe_never_says_1_minutes_or_0_minutes_for_a_positive_span(int seconds)
    {
        var words = BookingPolicyEvaluator.Describe(TimeSpan.FromSeconds(seconds));

        Assert.NotEqual("1 minutes", words);
        Assert.NotEqual("0 minutes", words);
    }

    [Fact]
    public void The_notice_message_for_a_90_second_notice_is_grammatical()
    {
        var now = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var policy = new TeacherPolicy { TeacherId = "t", TimeZoneId = "Europe/London", MinimumNotice = TimeSpan.FromSeconds(90), BookingHorizon = TimeSpan.FromDays(56) };
        var slot = new TimeSlot { TeacherId = "t", StartsAt = now.AddSeconds(60), EndsAt = now.AddHours(1) };

        var error = BookingPolicyEvaluator.CheckBooking(policy, slot, now);

        Assert.NotNull(error);
        Assert.DoesNotContain("1 minutes", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnusedStore : IClassBookingStore
    {
        public Task<T> ReadAsync<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A malformed token must be rejected without a lookup.");

        public Task<Result<T>> WriteAsync<T>(WriteLock writeLock, Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A malformed token must be rejected without a write.");
    }

    private sealed class UnusedStudentDirectory : IStudentDirectory
    {
        public Task<IReadOnlyList<StudentProfile>> GetStudentsAsync(string teacherId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A malformed token must be rejected without a lookup.");

        public Task<StudentProfile?> FindStudentAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A malformed token must be rejected without a lookup.");
    }
}
