using System.Net;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Concurrent bookings over HTTP and idempotent retries, on SQLite and PostgreSQL.</summary>
public abstract class RaceTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    [Fact]
    public async Task Thirty_two_concurrent_bookings_of_a_one_seat_slot_make_exactly_one()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var ids = await app.AddStudentsAsync(Api.Maria, 32, "Race");
        var tokens = new List<string>();
        foreach (var id in ids)
        {
            tokens.Add(await maria.ShareTokenAsync(id));
        }

        var slot = await maria.CreateSlotAsync(app.NextSlotStart());
        using var client = app.CreateClient();

        var responses = await Task.WhenAll(tokens.Select(t => Task.Run(() => client.BookAsync(t, slot))));

        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await refused.AssertProblemAsync(HttpStatusCode.Conflict, "slot-full");
            }

            using var list = await maria.GetAsync($"/api/timeslots?from=2026-04-08&to=2026-06-30");
            var row = (await list.ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slot);
            Assert.Equal(1, row.GetProperty("bookedCount").GetInt32());
            Assert.Single(row.GetProperty("bookings").EnumerateArray());
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task An_idempotency_key_retry_returns_the_same_booking_and_books_once()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Amelie Schneider"));
        var slot = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 4);
        using var client = app.CreateClient();

        using var first = await client.BookAsync(token, slot, "retry-7f3a");
        using var retry = await client.BookAsync(token, slot, "retry-7f3a");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetGuid(), (await retry.ReadJsonAsync()).GetProperty("id").GetGuid());
        using var list = await maria.GetAsync($"/api/timeslots?from=2026-04-08&to=2026-06-30");
        var row = (await list.ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slot);
        Assert.Equal(1, row.GetProperty("bookedCount").GetInt32());
    }
}

public sealed class RaceTests(ApiAppFactory app) : RaceTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresRaceTests(PostgresApiAppFactory app) : RaceTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;

/// <summary>Rate limits: per token on student routes, per client address on failed token look-ups.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_token_over_its_limit_gets_429_with_retry_after()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        var other = await maria.ShareTokenAsync(await maria.StudentIdAsync("Jonas Weber"));
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.GetAsync($"/api/booking/{token}/calendar");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync($"/api/booking/{token}/my-bookings");
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var separate = await client.GetAsync($"/api/booking/{other}/calendar");
        Assert.Equal(HttpStatusCode.OK, separate.StatusCode);
    }

    [Fact]
    public async Task Failed_lookups_past_the_limit_get_429_while_a_valid_token_from_the_same_address_still_works()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var maria = await app.TeacherAsync(Api.Maria);
        var valid = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var miss = await client.GetAsync($"/api/booking/guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar");
            await miss.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        }

        using var blocked = await client.GetAsync("/api/booking/guess9AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar");
        await blocked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // A school's network: one guesser must not lock out the students behind the same address.
        using var student = await client.GetAsync($"/api/booking/{valid}/calendar");
        Assert.Equal(HttpStatusCode.OK, student.StatusCode);
        using var page = await client.GetAsync($"/book/maria-keller/{valid}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_portal_page_and_the_api_count_failed_lookups_together()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var client = app.CreateClient();

        using (var first = await client.GetAsync("/book/maria-keller/guess1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        {
            Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        }

        using (var second = await client.GetAsync("/api/booking/guess2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/my-bookings"))
        {
            await second.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        }

        using (var third = await client.GetAsync("/book/maria-keller/guess3AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        {
            Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        }

        using var page = await client.GetAsync("/book/maria-keller/guess4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many attempts", html, StringComparison.Ordinal);

        using var api = await client.GetAsync("/api/booking/guess5AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar");
        await api.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Fact]
    public async Task A_429_from_the_per_token_limit_is_kept_out_of_caches_and_referrers()
    {
        await using var app = new RateLimitedApiAppFactory();
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.GetAsync($"/api/booking/{token}/calendar");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync($"/api/booking/{token}/calendar");
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        HardeningAssert.TokenHeaders(limited);
    }
}
