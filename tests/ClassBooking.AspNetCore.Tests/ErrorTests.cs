using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Every listed error: ProblemDetails with the right status and code, nothing written, no exception text.</summary>
public abstract class ErrorTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    private static async Task<int> SlotCountAsync(HttpClient teacher)
    {
        using var all = await teacher.GetAsync("/api/timeslots?from=2026-04-08&to=2026-07-01");
        return (await all.ReadJsonAsync()).GetArrayLength();
    }

    [Theory]
    [InlineData("{\"startsAt\": \"2026-04-20T10:00:00Z\", ", "body")]
    [InlineData("{\"startsAt\": 12, \"endsAt\": \"2026-04-20T11:00:00Z\"}", "startsAt")]
    [InlineData("{\"startsAt\": \"2026-04-20T10:00:00Z\", \"endsAt\": \"2026-04-20T11:00:00Z\", \"capacity\": \"2\"}", "capacity")]
    [InlineData("{\"startsAt\": \"2026-04-20T10:00:00Z\", \"endsAt\": \"2026-04-20T11:00:00Z\", \"teacherId\": \"1\"}", "teacherId")]
    [InlineData("{\"startsAt\": \"2026-04-20T10:00:00\", \"endsAt\": \"2026-04-20T11:00:00Z\"}", "startsAt")]
    [InlineData("{\"startsAt\": \"2026-02-30T10:00:00Z\", \"endsAt\": \"2026-04-20T11:00:00Z\"}", "startsAt")]
    [InlineData("{\"endsAt\": \"2026-04-20T11:00:00Z\"}", "startsAt")]
    [InlineData("null", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"startsAt\": \"2026-04-20T11:00:00Z\", \"endsAt\": \"2026-04-20T10:00:00Z\"}", "endsAt")]
    [InlineData("{\"startsAt\": \"2026-04-20T10:00:00Z\", \"endsAt\": \"2026-04-20T11:00:00Z\", \"capacity\": 0}", "capacity")]
    public async Task Bad_slot_bodies_get_400_naming_the_field_and_write_nothing(string json, string field)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var before = await SlotCountAsync(maria);

        using var response = await maria.PostAsync("/api/timeslots", Api.Json(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(before, await SlotCountAsync(maria));
    }

    [Fact]
    public async Task Missing_body_wrong_media_type_and_huge_body_get_400_415_413()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var before = await SlotCountAsync(maria);

        using var missing = await maria.PostAsync("/api/timeslots", null);
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        using var text = await maria.PostAsync("/api/timeslots", new StringContent("startsAt=now", System.Text.Encoding.UTF8, "text/plain"));
        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var huge = "{\"note\": \"" + new string('x', 100_000) + "\"}";
        using var large = await maria.PostAsync("/api/timeslots", Api.Json(huge));
        await large.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // Without a Content-Length (chunked), the limit still holds.
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/timeslots") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await maria.SendAsync(request);
        await streamed.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await SlotCountAsync(maria));
    }

    [Fact]
    public async Task Bad_book_bodies_dates_and_ids_get_4xx_and_book_nothing()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var slot = await maria.CreateSlotAsync(app.NextSlotStart());
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Clara Hoffmann"));
        using var student = app.CreateClient();

        foreach (var json in new[] { "{", "{\"slotId\": 5}", "{\"slotId\": \"not-a-guid\"}", "{\"slotId\": \"" + slot + "\", \"studentId\": \"1\"}", "{}", "\"text\"" })
        {
            using var response = await student.PostAsync($"/api/booking/{token}/book", Api.Json(json));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }

        using (var empty = await student.PostAsync($"/api/booking/{token}/book", null))
        {
            await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }

        using (var badWeek = await student.GetAsync($"/api/booking/{token}/calendar?weekOf=2026-13-01"))
        {
            var problem = await badWeek.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("weekOf", out _));
        }

        using (var badZone = await student.GetAsync($"/api/booking/{token}/calendar?timeZone=Mars/Olympus"))
        {
            await badZone.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }

        using (var badRange = await maria.GetAsync("/api/timeslots?from=yesterday"))
        {
            await badRange.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }

        using (var badFlag = await maria.DeleteAsync($"/api/timeslots/{slot}?cancelBookings=maybe"))
        {
            await badFlag.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }

        using (var unknownSlot = await student.BookAsync(token, Guid.NewGuid()))
        {
            await unknownSlot.AssertProblemAsync(HttpStatusCode.NotFound, "slot-not-found");
        }

        using var mine = await student.GetAsync($"/api/booking/{token}/my-bookings");
        var bookings = await mine.ReadJsonAsync();
        Assert.Empty(bookings.GetProperty("upcoming").EnumerateArray());
        Assert.Empty(bookings.GetProperty("past").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_malformed_revoked_and_regenerated_tokens_get_one_identical_404()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var amelie = await maria.StudentIdAsync("Amelie Schneider");
        var old = await maria.ShareTokenAsync(amelie);
        using (var regen = await maria.PutAsync($"/api/teacher/students/{amelie}/regenerate-token", null))
        {
            Assert.Equal(HttpStatusCode.OK, regen.StatusCode);
        }

        var sofia = await maria.StudentIdAsync("Sofia Alvarez");
        var revoked = await maria.ShareTokenAsync(sofia);
        var mariaId = (await app.ProfileIdAsync(Api.Maria)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.WithServicesAsync(sp => sp.GetRequiredService<ShareTokenService>().RevokeAsync(mariaId, sofia));

        using var student = app.CreateClient();
        var bodies = new List<string>();
        foreach (var token in new[] { old, revoked, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%20" })
        {
            using var response = await student.GetAsync($"/api/booking/{token}/calendar");
            await response.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
            bodies.Add(await response.Content.ReadAsStringAsync());
            using var book = await student.BookAsync(token, Guid.NewGuid());
            await book.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
            bodies.Add(await book.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Expired_token_gets_the_same_404()
    {
        await using var own = new ApiAppFactory();
        using var maria = await own.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        using var unknown = await own.CreateClient().GetAsync("/api/booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar");

        own.Time.Advance(TimeSpan.FromDays(181));
        using var expired = await own.CreateClient().GetAsync($"/api/booking/{token}/calendar");

        await expired.AssertProblemAsync(HttpStatusCode.NotFound, "invalid-token");
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Conflicts_get_409_with_their_code()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using var student = app.CreateClient();
        var lena = await maria.ShareTokenAsync(await maria.StudentIdAsync("Lena Fischer"));
        var jonas = await maria.ShareTokenAsync(await maria.StudentIdAsync("Jonas Weber"));

        // slot-full and already-booked
        var single = await maria.CreateSlotAsync(app.NextSlotStart());
        await student.BookOkAsync(lena, single);
        using (var full = await student.BookAsync(jonas, single))
        {
            await full.AssertProblemAsync(HttpStatusCode.Conflict, "slot-full");
        }

        var group = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 3);
        await student.BookOkAsync(lena, group);
        using (var twice = await student.BookAsync(lena, group))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, "already-booked");
        }

        // overlaps, with conflicts and suggestions
        var busyStart = app.NextSlotStart();
        var busy = await maria.CreateSlotAsync(busyStart);
        using (var overlap = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = busyStart.AddMinutes(30), endsAt = busyStart.AddMinutes(90) }))
        {
            var problem = await overlap.AssertProblemAsync(HttpStatusCode.Conflict, "overlaps");
            Assert.Equal(busy, problem.GetProperty("conflicts")[0].GetProperty("withId").GetGuid());
            Assert.NotEmpty(problem.GetProperty("suggestions").EnumerateArray());
        }

        // slot-has-bookings, then cancelBookings=true
        using (var delete = await maria.DeleteAsync($"/api/timeslots/{single}"))
        {
            await delete.AssertProblemAsync(HttpStatusCode.Conflict, "slot-has-bookings");
        }

        using (var move = await maria.PutAsJsonAsync($"/api/timeslots/{single}", new { startsAt = app.NextSlotStart(), endsAt = app.NextSlotStart() }))
        {
            Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        }

        using (var forced = await maria.DeleteAsync($"/api/timeslots/{single}?cancelBookings=true"))
        {
            Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        }

        using (var mine = await student.GetAsync($"/api/booking/{lena}/my-bookings"))
        {
            var b = await mine.ReadJsonAsync();
            Assert.Contains(b.GetProperty("past").EnumerateArray(), x => x.GetProperty("slotId").GetGuid() == single && x.GetProperty("status").GetString() == "cancelled");
        }

        // too-late-to-book (starts in 2 hours, notice is 12) and outside-horizon (60 days ahead)
        var soon = await maria.CreateSlotAsync(ApiAppFactory.Now.AddHours(2));
        using (var late = await student.BookAsync(lena, soon))
        {
            await late.AssertProblemAsync(HttpStatusCode.Conflict, "too-late-to-book");
        }

        var far = await maria.CreateSlotAsync(ApiAppFactory.Now.AddDays(60));
        using (var horizon = await student.BookAsync(lena, far))
        {
            await horizon.AssertProblemAsync(HttpStatusCode.Conflict, "outside-horizon");
        }

        // too-late-to-cancel: 18 hours ahead is inside the 24-hour window
        var tomorrow = await maria.CreateSlotAsync(ApiAppFactory.Now.AddHours(18));
        var booking = await student.BookOkAsync(jonas, tomorrow);
        using (var cancel = await student.DeleteAsync($"/api/booking/{jonas}/cancel/{booking}"))
        {
            var problem = await cancel.AssertProblemAsync(HttpStatusCode.Conflict, "too-late-to-cancel");
            Assert.Contains("24 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // idempotency-key-reused
        var first = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 2);
        var second = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 2);
        using (var one = await student.BookAsync(jonas, first, "key-1"))
        {
            Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        }

        using (var reused = await student.BookAsync(jonas, second, "key-1"))
        {
            await reused.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency-key-reused");
        }
    }

    [Fact]
    public async Task Weekly_limit_gets_409()
    {
        await using var own = new ApiAppFactory();
        var jamesId = (await own.ProfileIdAsync(Api.James)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await own.WithServicesAsync(sp => sp.GetRequiredService<TeacherPolicyService>().UpdateAsync(jamesId,
            new TeacherPolicyUpdate("America/New_York", TimeSpan.FromHours(12), TimeSpan.FromDays(56), TimeSpan.FromHours(24), TimeSpan.Zero, TimeSpan.Zero, 1)));
        using var james = await own.TeacherAsync(Api.James);
        var token = await james.ShareTokenAsync(await james.StudentIdAsync("Ethan Brooks"));
        var monday = new DateTimeOffset(2026, 4, 13, 15, 0, 0, TimeSpan.Zero);
        var a = await james.CreateSlotAsync(monday);
        var b = await james.CreateSlotAsync(monday.AddDays(1));
        using var student = own.CreateClient();

        await student.BookOkAsync(token, a);
        using var second = await student.BookAsync(token, b);

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "weekly-limit-reached");
    }

    [Fact]
    public async Task Unknown_or_foreign_slots_and_students_get_404()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using (var put = await maria.PutAsJsonAsync($"/api/timeslots/{Guid.NewGuid()}", new { startsAt = app.NextSlotStart(), endsAt = app.NextSlotStart() }))
        {
            await put.AssertProblemAsync(HttpStatusCode.NotFound, "slot-not-found");
        }

        using (var del = await maria.DeleteAsync("/api/timeslots/not-a-guid"))
        {
            await del.AssertProblemAsync(HttpStatusCode.NotFound, "slot-not-found");
        }

        using (var link = await maria.PostAsync("/api/teacher/students/999999/share-link", null))
        {
            await link.AssertProblemAsync(HttpStatusCode.NotFound, "student-not-found");
        }

        using (var regen = await maria.PutAsync("/api/teacher/students/abc/regenerate-token", null))
        {
            await regen.AssertProblemAsync(HttpStatusCode.NotFound, "student-not-found");
        }
    }

    [Fact]
    public async Task Teacher_routes_need_a_signed_in_teacher()
    {
        using var anonymous = app.CreateClient();
        using (var response = await anonymous.GetAsync("/api/teacher/students"))
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var result = await users.CreateAsync(new IdentityUser { UserName = "parent@example.com", Email = "parent@example.com" }, "Parent!2345");
            Assert.True(result.Succeeded);
        }

        using var parent = app.CreateClient();
        parent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.BearerTokenAsync("parent@example.com", "Parent!2345"));
        using var forbidden = await parent.PostAsJsonAsync("/api/timeslots", new { startsAt = app.NextSlotStart(), endsAt = app.NextSlotStart().AddHours(1) });
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "not-a-teacher");
    }
}

public sealed class ErrorTests(ApiAppFactory app) : ErrorTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresErrorTests(PostgresApiAppFactory app) : ErrorTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;
