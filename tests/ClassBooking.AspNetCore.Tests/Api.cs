using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClassLogger.Data;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Small helpers over the HTTP API.</summary>
public static class Api
{
    public const string Maria = DemoAccounts.MariaEmail;
    public const string James = DemoAccounts.JamesEmail;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<Guid> CreateSlotAsync(this HttpClient teacher, DateTimeOffset start, int minutes = 60, int capacity = 1, string? note = null)
    {
        using var response = await teacher.PostAsJsonAsync("/api/timeslots", new { startsAt = start, endsAt = start.AddMinutes(minutes), capacity, note });
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a slot answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement[]> StudentsAsync(this HttpClient teacher)
    {
        using var response = await teacher.GetAsync("/api/teacher/students");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).EnumerateArray()];
    }

    public static async Task<string> StudentIdAsync(this HttpClient teacher, string displayName) =>
        (await teacher.StudentsAsync()).Single(s => s.GetProperty("displayName").GetString() == displayName).GetProperty("id").GetString()!;

    public static async Task<string> ShareTokenAsync(this HttpClient teacher, string studentId)
    {
        using var response = await teacher.PostAsync($"/api/teacher/students/{studentId}/share-link", null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Share link answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>Makes (or replaces) the teacher's calendar feed address; returns its token.</summary>
    public static async Task<string> CalendarFeedTokenAsync(this HttpClient teacher) => FeedToken(await teacher.CalendarFeedUrlAsync());

    /// <summary>Makes (or replaces) the teacher's calendar feed address; returns it.</summary>
    public static async Task<string> CalendarFeedUrlAsync(this HttpClient teacher)
    {
        using var response = await teacher.PostAsync("/api/teacher/calendar-feed", null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Making a feed address answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("url").GetString()!;
    }

    /// <summary>The token of a teacher feed's address (…/calendar-feed/{token}/calendar.ics).</summary>
    public static string FeedToken(string url)
    {
        var segments = new Uri(url).Segments;
        return Uri.UnescapeDataString(segments[^2].TrimEnd('/'));
    }

    public static async Task<HttpResponseMessage> BookAsync(this HttpClient client, string token, Guid slotId, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/booking/{token}/book") { Content = JsonContent.Create(new { slotId }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<Guid> BookOkAsync(this HttpClient client, string token, Guid slotId)
    {
        using var response = await client.BookAsync(token, slotId);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Booking answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Asserts a ProblemDetails answer with this status (and code, when given) that leaks no exception text.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoExceptionText(text);
        using var doc = JsonDocument.Parse(text);
        var body = doc.RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }

        return body;
    }

    public static void AssertNoExceptionText(string text)
    {
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }
}
