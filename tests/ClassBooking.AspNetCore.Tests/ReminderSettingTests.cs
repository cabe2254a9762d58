using System.Net;
using System.Net.Http.Headers;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>
/// The student's reminder setting over HTTP: the RFC 8058 one-click stop that e-mails name in List-Unsubscribe,
/// the page a browser gets for the same link, and turning reminders back on.
/// </summary>
public sealed class ReminderSettingTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private async Task<string> TokenOfAsync(string studentName)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        return await maria.ShareTokenAsync(await maria.StudentIdAsync(studentName));
    }

    private static async Task<bool> StoppedAsync(HttpClient client, string token)
    {
        using var response = await client.GetAsync($"/api/booking/{token}/reminders");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("remindersStopped").GetBoolean();
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_stops_reminders_and_delete_turns_them_back_on()
    {
        var token = await TokenOfAsync("Lena Fischer");
        using var client = app.CreateClient();
        Assert.False(await StoppedAsync(client, token));

        // What a mail client sends for List-Unsubscribe-Post (RFC 8058 section 3.1).
        using var oneClick = await client.PostAsync($"/api/booking/{token}/reminders/stop",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.True((await oneClick.ReadJsonAsync()).GetProperty("remindersStopped").GetBoolean());
        Assert.Equal("no-referrer", oneClick.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(await StoppedAsync(client, token));

        using var resumed = await client.DeleteAsync($"/api/booking/{token}/reminders/stop");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.False((await resumed.ReadJsonAsync()).GetProperty("remindersStopped").GetBoolean());
        Assert.False(await StoppedAsync(client, token));
    }

    [Fact]
    public async Task Opening_the_link_shows_a_page_that_changes_nothing_and_its_button_stops_reminders()
    {
        var token = await TokenOfAsync("Jonas Weber");
        using var client = app.CreateClient();

        using var page = await client.GetAsync($"/api/booking/{token}/reminders/stop");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Stop reminder e-mails before your classes with Maria Keller?", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.False(await StoppedAsync(client, token));

        using var form = new HttpRequestMessage(HttpMethod.Post, $"/api/booking/{token}/reminders/stop")
        {
            Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
        };
        form.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var done = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You will get no more reminder e-mails from Maria Keller.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await StoppedAsync(client, token));
    }

    [Theory]
    [InlineData("GET", "/reminders")]
    [InlineData("GET", "/reminders/stop")]
    [InlineData("POST", "/reminders/stop")]
    [InlineData("DELETE", "/reminders/stop")]
    public async Task An_unknown_link_gets_404_and_changes_nothing(string method, string path)
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/booking/{new string('A', 43)}{path}"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
