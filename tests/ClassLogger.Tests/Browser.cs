using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClassLogger.Tests;

/// <summary>A cookie-keeping client that uses the pages as a browser would, without following redirects.</summary>
public static partial class Browser
{
    public static HttpClient Open(ClassLoggerAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token in the first form of <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "The page has no __RequestVerificationToken input.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Fills in and posts the login form, as a person would after opening /login.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string loginUrl = "/login")
    {
        var page = await client.GetStringAsync(loginUrl);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(loginUrl, form);
    }

    /// <summary>A client signed in as <paramref name="email"/> through the login form.</summary>
    public static async Task<HttpClient> SignInAsync(ClassLoggerAppFactory factory, string email, string password)
    {
        var client = Open(factory);
        using var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The names on the student cards of the Students tab, in page order.</summary>
    public static IReadOnlyList<string> StudentCardNames(string html) =>
        [.. StudentCardName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))];

    /// <summary>The rows of the Class log table: (start as written in the datetime attribute, student name).</summary>
    public static IReadOnlyList<(DateTime Start, string Student)> ClassLogRows(string html) =>
        [.. ClassLogRow().Matches(html).Select(m => (
            DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            WebUtility.HtmlDecode(m.Groups[2].Value.Trim())))];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("<h2[^>]*class=\"student-card__name\"[^>]*>([^<]+)</h2>")]
    private static partial Regex StudentCardName();

    [GeneratedRegex("<tr[^>]*>\\s*<td data-label=\"Date\"[^>]*>\\s*<time datetime=\"([^\"]+)\"[^>]*>.*?<th scope=\"row\"[^>]*>([^<]+)</th>", RegexOptions.Singleline)]
    private static partial Regex ClassLogRow();
}
