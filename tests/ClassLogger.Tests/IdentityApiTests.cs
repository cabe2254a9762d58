using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClassLogger.Data;

namespace ClassLogger.Tests;

public sealed class IdentityApiTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    [Fact]
    public async Task Identity_login_returns_a_bearer_token_that_the_api_accepts()
    {
        using var client = app.CreateClient();

        using var login = await client.PostAsJsonAsync("/identity/login", new { email = DemoAccounts.MariaEmail, password = DemoAccounts.Password });
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Bearer", body.RootElement.GetProperty("tokenType").GetString());
        var token = body.RootElement.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("refreshToken").GetString()));
        Assert.True(body.RootElement.GetProperty("expiresIn").GetInt32() > 0);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/manage/info");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var info = await client.SendAsync(request);
        using var infoBody = JsonDocument.Parse(await info.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(DemoAccounts.MariaEmail, infoBody.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Identity_login_refuses_a_wrong_password()
    {
        using var client = app.CreateClient();

        using var login = await client.PostAsJsonAsync("/identity/login", new { email = DemoAccounts.JamesEmail, password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task An_api_call_without_a_token_gets_401_not_a_login_redirect()
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync("/identity/manage/info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Self_registration_is_switched_off()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/identity/register", new { email = "someone@example.com", password = "Some!Passw0rd" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var exists = await app.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "someone@example.com")));
        Assert.False(exists);
    }
}
