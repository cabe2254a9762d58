using System.Security.Cryptography;
using ClassBooking.Core.Tokens;

namespace ClassBooking.Core.Tests.Tokens;

public sealed class ShareTokenCodecTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Decodes base64url with the framework's plain base64 decoder, independently of the codec.</summary>
    private static byte[] DecodeIndependently(string token) =>
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4));

    [Fact]
    public void A_token_is_43_base64url_characters_for_256_random_bits()
    {
        var (token, hash) = ShareTokenCodec.Create();

        Assert.Equal(43, token.Length);
        Assert.Equal(ShareTokenCodec.TokenLength, token.Length);
        Assert.All(token, c => Assert.Contains(c, Base64UrlAlphabet));
        Assert.Equal(32, DecodeIndependently(token).Length);
        // 43 characters carry 258 bits: the canonical spelling leaves the last character's two low bits zero.
        Assert.Equal(0, Base64UrlAlphabet.IndexOf(token[^1], StringComparison.Ordinal) & 3);
        Assert.Equal(ShareTokenCodec.TokenBytes * 8, 256);
        Assert.Equal(32, hash.Length);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_decoded_bytes_not_of_the_text()
    {
        var (token, hash) = ShareTokenCodec.Create();

        Assert.Equal(SHA256.HashData(DecodeIndependently(token)), hash);
        Assert.NotEqual(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), hash);
        Assert.Equal(hash, ShareTokenCodec.TryHash(token));
    }

    [Fact]
    public void Tokens_are_unique_and_use_the_whole_alphabet()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<char>();
        for (var i = 0; i < 20_000; i++)
        {
            var (token, hash) = ShareTokenCodec.Create();
            Assert.True(tokens.Add(token), $"token {token} came up twice");
            Assert.True(hashes.Add(Convert.ToHexString(hash)));
            seen.UnionWith(token);
        }

        // Random bits, not a counter or a narrow alphabet: every one of the 64 characters turns up.
        Assert.Equal(64, seen.Count);

        // Each bit of the decoded bytes is set about half the time.
        var bitCounts = new int[256];
        foreach (var token in tokens.Take(4000))
        {
            var bytes = DecodeIndependently(token);
            for (var bit = 0; bit < 256; bit++)
            {
                bitCounts[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        Assert.All(bitCounts, count => Assert.InRange(count, 1700, 2300));
    }

    [Fact]
    public void TryHash_accepts_a_well_formed_token_it_did_not_create()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var token = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(SHA256.HashData(bytes), ShareTokenCodec.TryHash(token));
    }

    public static TheoryData<string?> WrongLength()
    {
        var (token, _) = ShareTokenCodec.Create();
        return new TheoryData<string?>
        {
            null,
            "",
            token[..42],
            token[1..],
            token + "A",
            token + "=", // padded
            " " + token,
            Convert.ToBase64String(new byte[32]), // standard base64 with '=' padding: 44 characters
            Convert.ToBase64String(new byte[33]).Replace('+', '-').Replace('/', '_'), // 33 bytes: 44 characters
            token + token,
        };
    }

    [Theory]
    [MemberData(nameof(WrongLength))]
    public void TryHash_rejects_text_of_the_wrong_length(string? text)
    {
        Assert.Null(ShareTokenCodec.TryHash(text));
    }

    // Text of the right length but the wrong alphabet, with padding, or spelled non-canonically is covered by
    // KnownBugTests.cs: TryHash throws FormatException for it instead of returning null.

    [Fact]
    public void HashesEqual_compares_contents()
    {
        var (_, a) = ShareTokenCodec.Create();
        var (_, b) = ShareTokenCodec.Create();
        var aCopy = (byte[])a.Clone();
        var aChanged = (byte[])a.Clone();
        aChanged[31] ^= 1;

        Assert.True(ShareTokenCodec.HashesEqual(a, aCopy));
        Assert.False(ShareTokenCodec.HashesEqual(a, b));
        Assert.False(ShareTokenCodec.HashesEqual(a, aChanged));
        Assert.False(ShareTokenCodec.HashesEqual(a, a.AsSpan(0, 31)));
        Assert.False(ShareTokenCodec.HashesEqual(a, []));
    }
}
