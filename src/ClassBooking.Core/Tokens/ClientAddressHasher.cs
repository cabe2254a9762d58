using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Tokens;

/// <summary>
/// Turns a client address into a keyed hash (HMAC-SHA256, first 16 bytes, hex) for the usage and audit logs: the
/// teacher can tell clients apart without ClassBooking storing anyone's address.
/// </summary>
public sealed class ClientAddressHasher
{
    private readonly byte[] _key;

    /// <summary>Creates the hasher with <see cref="ClassBookingOptions.ClientAddressHashKey"/> (or a per-process key).</summary>
    public ClientAddressHasher(IOptions<ClassBookingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.ClientAddressHashKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);
    }

    /// <summary>The hash of an address, or null when there is none.</summary>
    public string? Hash(string? clientAddress)
    {
        if (string.IsNullOrWhiteSpace(clientAddress))
        {
            return null;
        }

        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(clientAddress.Trim()));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
