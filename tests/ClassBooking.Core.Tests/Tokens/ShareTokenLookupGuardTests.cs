using ClassBooking.Core.Tokens;
using Microsoft.Extensions.Options;

namespace ClassBooking.Core.Tests.Tokens;

public sealed class ShareTokenLookupGuardTests
{
    [Fact]
    public void An_address_gets_its_limit_of_failures_then_a_wait_while_other_addresses_keep_theirs()
    {
        using var guard = new ShareTokenLookupGuard(Options.Create(new ClassBookingOptions { FailedTokenLookupLimit = 3, FailedTokenLookupWindow = TimeSpan.FromMinutes(10) }));

        Assert.Null(guard.RecordFailure("203.0.113.7"));
        Assert.Null(guard.RecordFailure("203.0.113.7"));
        Assert.Null(guard.RecordFailure("203.0.113.7"));
        var wait = guard.RecordFailure("203.0.113.7");

        Assert.NotNull(wait);
        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Null(guard.RecordFailure("198.51.100.1"));
    }

    [Fact]
    public void A_limit_of_zero_switches_the_guard_off()
    {
        using var guard = new ShareTokenLookupGuard(Options.Create(new ClassBookingOptions { FailedTokenLookupLimit = 0 }));

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(guard.RecordFailure("203.0.113.7")));
    }

    [Fact]
    public void Requests_without_an_address_share_one_count()
    {
        using var guard = new ShareTokenLookupGuard(Options.Create(new ClassBookingOptions { FailedTokenLookupLimit = 1 }));

        Assert.Null(guard.RecordFailure(null));
        Assert.NotNull(guard.RecordFailure(null));
    }
}
