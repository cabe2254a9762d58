using System.Security.Cryptography;
using System.Text;
using ClassBooking.Core.Tokens;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Tests.Tokens;

public sealed class ClientAddressHasherTests
{
    private const string Key = "a-long-enough-test-secret-key";

    private static ClientAddressHasher Hasher(string? key) =>
        new(Options.Create(new ClassBookingOptions { ClientAddressHashKey = key }));

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    [InlineData("::1")]
    [InlineData("127.0.0.1")]
    public void The_same_address_with_the_same_key_gives_the_same_hash_and_never_the_address(string address)
    {
        var first = Hasher(Key).Hash(address);
        var second = Hasher(Key).Hash(address);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.DoesNotContain(address, first, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{32}$", first);
        // HMAC-SHA256 with the key, first 16 bytes, lowercase hex.
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(address));
        Assert.Equal(Convert.ToHexStringLower(mac, 0, 16), first);
    }

    [Fact]
    public void Different_keys_and_different_addresses_give_different_hashes()
    {
        Assert.NotEqual(Hasher(Key).Hash("203.0.113.7"), Hasher(Key + "x").Hash("203.0.113.7"));
        Assert.NotEqual(Hasher(Key).Hash("203.0.113.7"), Hasher(Key).Hash("203.0.113.8"));
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        Assert.Equal(Hasher(Key).Hash("203.0.113.7"), Hasher(Key).Hash("  203.0.113.7\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void No_address_gives_no_hash(string? address)
    {
        Assert.Null(Hasher(Key).Hash(address));
        Assert.Null(Hasher(null).Hash(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_key_each_hasher_uses_its_own_random_key(string? key)
    {
        var one = Hasher(key);
        var other = Hasher(key);

        Assert.Equal(one.Hash("203.0.113.7"), one.Hash("203.0.113.7"));
        Assert.NotEqual(one.Hash("203.0.113.7"), other.Hash("203.0.113.7"));
        Assert.Matches("^[0-9a-f]{32}$", one.Hash("203.0.113.7"));
    }

    [Fact]
    public void Null_options_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ClientAddressHasher(null!));
    }
}
