using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClassBooking.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Assertions the hardening tests share.</summary>
public static class HardeningAssert
{
    /// <summary>A response whose URL holds a share token: no referrer, no caching.</summary>
    public static void TokenHeaders(HttpResponseMessage response)
    {
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control was '{response.Headers.CacheControl}'.");
    }
}

/// <summary>Faults an outside probe found (control characters, token pages in caches and referrers), on each database.</summary>
public abstract class HardeningTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    private const string Nul = "\\u0000"; // as JSON writes it: an escaped U+0000 inside a valid string

    [Theory]
    [InlineData("Bring\u0000your scales")]
    [InlineData("\u0007")]
    [InlineData("Room 4\u001B[31m")]
    public async Task A_control_character_in_a_note_is_refused_naming_the_field_and_nothing_is_written(string note)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var start = app.NextSlotStart();

        using var create = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = start, endsAt = start.AddHours(1), note });
        var problem = await create.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _), problem.ToString());

        using var list = await maria.GetAsync($"/api/timeslots?from={start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={start.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Empty((await list.ReadJsonAsync()).EnumerateArray());

        var slot = await maria.CreateSlotAsync(app.NextSlotStart(), note: "Kept");
        using var update = await maria.PutAsJsonAsync($"/api/timeslots/{slot}", new { startsAt = start.AddDays(1), endsAt = start.AddDays(1).AddHours(1), note });
        problem = await update.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _), problem.ToString());

        using var series = await maria.PostAsJsonAsync("/api/timeslots/bulk-create",
            new { weekdays = new[] { "saturday" }, localStartTime = "07:00", durationMinutes = 45, weeks = 2, note });
        problem = await series.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _), problem.ToString());
    }

    [Fact]
    public async Task A_note_keeps_its_line_breaks_and_tabs()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var start = app.NextSlotStart();
        using var create = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = start, endsAt = start.AddHours(1), note = "Scales:\n\tC major\r\n\tG major" });
        var body = await create.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal("Scales:\n\tC major\r\n\tG major", body.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("/identity/login", "{\"email\":\"maria@classlogger.test" + Nul + "\",\"password\":\"Demo!2345\"}")]
    [InlineData("/identity/forgotPassword", "{\"email\":\"" + Nul + "@example.com\"}")]
    [InlineData("/identity/resendConfirmationEmail", "{\"email\":\"a" + Nul + "b@example.com\"}")]
    public async Task A_NUL_in_a_sign_in_field_is_a_400_not_a_500(string path, string json)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync(path, Api.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}: {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Contains("email", JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Every_answer_whose_url_holds_a_token_is_kept_out_of_caches_and_referrers()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        using var client = app.CreateClient();

        foreach (var path in new[] { $"/api/booking/{token}/calendar", $"/api/booking/{token}/my-bookings", $"/book/maria-keller/{token}" })
        {
            using var ok = await client.GetAsync(path);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)ok.StatusCode}");
            HardeningAssert.TokenHeaders(ok);
        }

        foreach (var path in new[] { "/api/booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar", "/book/maria-keller/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            using var refused = await client.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)refused.StatusCode}");
            HardeningAssert.TokenHeaders(refused);
        }

        using var badBody = await client.PostAsync($"/api/booking/{token}/book", Api.Json("{\"slotId\":\"nope\"}"));
        await badBody.AssertProblemAsync(HttpStatusCode.BadRequest);
        HardeningAssert.TokenHeaders(badBody);
    }
}

public sealed class HardeningTests(ApiAppFactory app) : HardeningTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresHardeningTests(PostgresApiAppFactory app) : HardeningTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;

/// <summary>The sample on PostgreSQL with a pool of four connections that waits five seconds for one.</summary>
public sealed class SmallPoolApiAppFactory : PostgresApiAppFactory
{
    public const int PoolSize = 4;

    protected override string AdjustConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize, Timeout = 5 }.ConnectionString;
}

/// <summary>
/// Connection starvation: no use case holds one pooled connection while it waits for another, and a pool that has
/// nothing to give answers 503 with Retry-After, never 500.
/// </summary>
public sealed class PoolStarvationTests(SmallPoolApiAppFactory app) : IClassFixture<SmallPoolApiAppFactory>
{
    [Fact]
    public async Task Many_concurrent_bookings_through_a_small_pool_answer_201_409_or_503_and_never_overbook()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var students = await app.AddStudentsAsync(Api.Maria, 32, "Pool");
        var tokens = new List<string>();
        foreach (var student in students)
        {
            tokens.Add(await maria.ShareTokenAsync(student));
        }

        var slot = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 5);
        using var gate = new SemaphoreSlim(0);
        var clients = tokens.Select(_ => app.CreateClient()).ToList();
        var attempts = tokens.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            using var response = await clients[i].BookAsync(token, slot);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text);
        }).ToList();
        gate.Release(tokens.Count);
        var results = await Task.WhenAll(attempts);
        clients.ForEach(c => c.Dispose());

        Assert.All(results, r => Assert.True(r.Item1 is 201 or 409 or 503, $"Answered {r.Item1}: {r.text}"));
        var booked = results.Count(r => r.Item1 == 201);
        Assert.InRange(booked, 1, 5);
        using var list = await maria.GetAsync("/api/timeslots?from=2026-04-08&to=2026-07-01");
        var row = (await list.ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slot);
        Assert.Equal(booked, row.GetProperty("bookedCount").GetInt32());
        Assert.Equal(booked, row.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task An_exhausted_pool_answers_503_with_retry_after_on_the_api_and_the_portal_page_and_books_nothing()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        var slot = await maria.CreateSlotAsync(app.NextSlotStart());
        var connectionString = app.ConnectionString;

        // Take every connection of the app's pool (Npgsql pools by connection string, in the process).
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < SmallPoolApiAppFactory.PoolSize; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                held.Add(connection);
            }

            using var client = app.CreateClient();
            using var response = await client.BookAsync(token, slot);
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was '{response.Headers.RetryAfter}'.");
            Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() >= 1);

            using var page = await client.GetAsync($"/book/maria-keller/{token}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.True(page.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was '{page.Headers.RetryAfter}'.");
            Assert.Contains("Busy right now", html, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        using var after = await maria.GetAsync("/api/timeslots?from=2026-04-08&to=2026-07-01");
        var row = (await after.ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slot);
        Assert.Equal(0, row.GetProperty("bookedCount").GetInt32());
    }
}
