using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClassBooking.Core.Tokens;

/// <summary>The cryptography of share tokens: 256 random bits, base64url text, SHA-256 at rest, constant-time comparison.</summary>
public static class ShareTokenCodec
{
    /// <summary>Random bytes per token.</summary>
    public const int TokenBytes = 32;

    /// <summary>Length of a token's base64url text (no padding).</summary>
    public const int TokenLength = 43;

    /// <summary>A new token (base64url of 32 bytes from <see cref="RandomNumberGenerator"/>) and its SHA-256.</summary>
    public static (string Token, byte[] Hash) Create()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        var token = Base64Url.EncodeToString(bytes);
        var hash = SHA256.HashData(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return (token, hash);
    }

    /// <summary>The SHA-256 of a well-formed token's bytes, or null when the text is not a token (wrong length or alphabet).</summary>
    public static byte[]? TryHash(string? token)
    {
        if (token is null || token.Length != TokenLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        // DecodeFromChars reports bad characters as a status; TryDecodeFromChars would throw on them.
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done || written != TokenBytes)
        {
            return null;
        }

        // Reject non-canonical encodings (different text, same bytes) so one token has exactly one spelling.
        if (!string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = SHA256.HashData(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return hash;
    }

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
