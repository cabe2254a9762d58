using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Authorization matrix, privacy on the wire, CSRF and the OpenAPI document.</summary>
public abstract class SecurityTestsBase<TFactory>(TFactory app)
    where TFactory : ApiAppFactory
{
    private static readonly string[] MariaOnlyStudents = ["Lena Fischer", "Jonas Weber", "Amelie Schneider", "Clara Hoffmann"];

    [Fact]
    public async Task No_student_token_can_see_or_cancel_another_students_booking()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using var client = app.CreateClient();
        var students = new List<(string Token, Guid Booking)>();
        foreach (var name in MariaOnlyStudents)
        {
            var token = await maria.ShareTokenAsync(await maria.StudentIdAsync(name));
            var slot = await maria.CreateSlotAsync(app.NextSlotStart());
            students.Add((token, await client.BookOkAsync(token, slot)));
        }

        using var missing = await client.DeleteAsync($"/api/booking/{students[0].Token}/cancel/{Guid.NewGuid()}");
        var missingBody = await missing.Content.ReadAsStringAsync();
        var successes = 0;
        foreach (var (token, own) in students)
        {
            using var mine = await client.GetAsync($"/api/booking/{token}/my-bookings");
            var text = await mine.Content.ReadAsStringAsync();
            var ids = JsonDocument.Parse(text).RootElement.GetProperty("upcoming").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
            Assert.Equal([own], ids);
            foreach (var (_, other) in students.Where(s => s.Booking != own))
            {
                Assert.DoesNotContain(other.ToString(), text, StringComparison.OrdinalIgnoreCase);
                using var cancel = await client.DeleteAsync($"/api/booking/{token}/cancel/{other}");
                if (cancel.IsSuccessStatusCode)
                {
                    successes++;
                }

                await cancel.AssertProblemAsync(HttpStatusCode.NotFound, "booking-not-found");
                Assert.Equal(missingBody, await cancel.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(0, successes);
        foreach (var (token, own) in students)
        {
            using var mine = await client.GetAsync($"/api/booking/{token}/my-bookings");
            Assert.Equal(own, (await mine.ReadJsonAsync()).GetProperty("upcoming")[0].GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task A_teacher_cannot_touch_another_teachers_slots_or_students()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using var james = await app.TeacherAsync(Api.James);
        var start = app.NextSlotStart();
        var slot = await maria.CreateSlotAsync(start, note: "Maria's");
        var successes = 0;

        using (var put = await james.PutAsJsonAsync($"/api/timeslots/{slot}", new { startsAt = start, endsAt = start.AddHours(1), note = "James was here" }))
        {
            successes += put.IsSuccessStatusCode ? 1 : 0;
            await put.AssertProblemAsync(HttpStatusCode.NotFound, "slot-not-found");
        }

        using (var delete = await james.DeleteAsync($"/api/timeslots/{slot}?cancelBookings=true"))
        {
            successes += delete.IsSuccessStatusCode ? 1 : 0;
            await delete.AssertProblemAsync(HttpStatusCode.NotFound, "slot-not-found");
        }

        foreach (var name in MariaOnlyStudents)
        {
            var id = await maria.StudentIdAsync(name);
            using var link = await james.PostAsync($"/api/teacher/students/{id}/share-link", null);
            successes += link.IsSuccessStatusCode ? 1 : 0;
            await link.AssertProblemAsync(HttpStatusCode.NotFound, "student-not-found");
            using var regen = await james.PutAsync($"/api/teacher/students/{id}/regenerate-token", null);
            successes += regen.IsSuccessStatusCode ? 1 : 0;
            await regen.AssertProblemAsync(HttpStatusCode.NotFound, "student-not-found");
        }

        Assert.Equal(0, successes);
        using var list = await james.GetAsync("/api/timeslots?from=2026-04-08&to=2026-07-01");
        Assert.DoesNotContain(slot.ToString(), await list.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var mine = await maria.GetAsync($"/api/timeslots?from={start:yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}");
        Assert.Equal("Maria's", (await mine.ReadJsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slot).GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_students_calendar_and_bookings_on_the_wire_carry_nothing_of_another_student()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using var client = app.CreateClient();
        var lenaId = await maria.StudentIdAsync("Lena Fischer");
        var clara = (await maria.StudentsAsync()).Single(s => s.GetProperty("displayName").GetString() == "Clara Hoffmann");
        var claraId = clara.GetProperty("id").GetString()!;
        var lena = await maria.ShareTokenAsync(lenaId);
        var claraToken = await maria.ShareTokenAsync(claraId);
        var start = app.NextSlotStart();
        var claraSlot = await maria.CreateSlotAsync(start, note: "Clara-private-note-42");
        var claraBooking = await client.BookOkAsync(claraToken, claraSlot);
        var lenaSlot = await maria.CreateSlotAsync(app.NextSlotStart(), capacity: 2);
        await client.BookOkAsync(lena, lenaSlot);

        using var calendar = await client.GetAsync($"/api/booking/{lena}/calendar?weekOf={start:yyyy-MM-dd}");
        using var mine = await client.GetAsync($"/api/booking/{lena}/my-bookings");
        var wire = await calendar.Content.ReadAsStringAsync() + await mine.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains(claraSlot.ToString(), wire, StringComparison.OrdinalIgnoreCase); // the slot shows, as unavailable
        foreach (var secret in new[] { "Clara", "Hoffmann", clara.GetProperty("email").GetString()!, "Clara-private-note-42", claraBooking.ToString(), claraToken, clara.GetProperty("colour").GetString()! })
        {
            Assert.DoesNotContain(secret, wire, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch($"\"{claraId}\"", wire);
        var entry = JsonDocument.Parse(await calendar.Content.ReadAsStringAsync()).RootElement.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == claraSlot);
        Assert.Equal("unavailable", entry.GetProperty("status").GetString());
        Assert.Equal(["id", "startsAt", "endsAt", "status"], entry.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Cookie_authenticated_changes_need_the_antiforgery_token_bearer_calls_do_not()
    {
        // Cookies are carried by hand: the app's clock is fixed in April, so a cookie container on the real clock
        // would drop the sign-in cookie as expired.
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
        }

        HttpRequestMessage Request(HttpMethod method, string url, object? body = null, (string Name, string Value)? header = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            if (header is { } h)
            {
                request.Headers.Add(h.Name, h.Value);
            }

            return request;
        }

        using (var login = await browser.PostAsJsonAsync("/identity/login?useCookies=true", new { email = Api.Maria, password = ClassLogger.Data.DemoAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Keep(login);
        }

        var start = app.NextSlotStart();
        using (var readRequest = Request(HttpMethod.Get, "/api/teacher/students"))
        using (var read = await browser.SendAsync(readRequest))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var withoutRequest = Request(HttpMethod.Post, "/api/timeslots", new { startsAt = start, endsAt = start.AddHours(1) }))
        using (var without = await browser.SendAsync(withoutRequest))
        {
            await without.AssertProblemAsync(HttpStatusCode.BadRequest, "antiforgery");
        }

        using var tokenRequest = Request(HttpMethod.Get, "/api/teacher/antiforgery-token");
        using var tokenResponse = await browser.SendAsync(tokenRequest);
        Keep(tokenResponse);
        var token = await tokenResponse.ReadJsonAsync();
        var headerName = token.GetProperty("headerName").GetString()!;
        Assert.Equal("RequestVerificationToken", headerName);

        using (var withRequest = Request(HttpMethod.Post, "/api/timeslots", new { startsAt = start, endsAt = start.AddHours(1) }, (headerName, token.GetProperty("requestToken").GetString()!)))
        using (var with = await browser.SendAsync(withRequest))
        {
            Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        }

        using (var forgedRequest = Request(HttpMethod.Post, "/api/timeslots", new { startsAt = start.AddHours(1), endsAt = start.AddHours(2) }, (headerName, "forged")))
        using (var forged = await browser.SendAsync(forgedRequest))
        {
            await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "antiforgery");
        }

        using var bearer = await app.TeacherAsync(Api.Maria);
        using var plain = await bearer.PostAsJsonAsync("/api/timeslots", new { startsAt = start.AddHours(1), endsAt = start.AddHours(2) });
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_with_problem_responses()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        var doc = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = doc.GetProperty("paths");
        var expected = new (string Path, string Method)[]
        {
            ("/api/timeslots", "post"), ("/api/timeslots", "get"), ("/api/timeslots/{id}", "put"), ("/api/timeslots/{id}", "delete"),
            ("/api/timeslots/bulk-create", "post"), ("/api/teacher/students", "get"), ("/api/teacher/students/{id}/share-link", "post"),
            ("/api/teacher/students/{id}/regenerate-token", "put"), ("/api/teacher/analytics/token-usage", "get"),
            ("/api/teacher/antiforgery-token", "get"),
            ("/api/booking/{token}/calendar", "get"), ("/api/booking/{token}/book", "post"),
            ("/api/booking/{token}/cancel/{bookingId}", "delete"), ("/api/booking/{token}/my-bookings", "get"),
        };
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
            Assert.StartsWith("ClassBooking.", operation.GetProperty("operationId").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('4'));
        }

        var book = paths.GetProperty("/api/booking/{token}/book").GetProperty("post");
        Assert.True(book.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(book.GetProperty("responses").GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }
}

public sealed class SecurityTests(ApiAppFactory app) : SecurityTestsBase<ApiAppFactory>(app), IClassFixture<ApiAppFactory>;

public sealed class PostgresSecurityTests(PostgresApiAppFactory app) : SecurityTestsBase<PostgresApiAppFactory>(app), IClassFixture<PostgresApiAppFactory>;
