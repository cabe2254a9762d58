using System.Net;
using ClassLogger.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

public sealed class DashboardTests(ClassLoggerAppFactory app) : IClassFixture<ClassLoggerAppFactory>
{
    [Fact]
    public async Task Login_page_renders_a_labelled_form_with_an_antiforgery_token()
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"account-title\">Sign in</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"login-email\">E-mail</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"login-email\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"login-password\">Password</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"login-password\" type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        Assert.NotEmpty(Browser.AntiforgeryToken(html));
    }

    [Theory]
    [InlineData("/students")]
    [InlineData("/class-log")]
    public async Task Pages_other_than_login_redirect_to_it_when_signed_out(string page)
    {
        using var client = Browser.Open(app);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        using var client = Browser.Open(app);

        using var response = await Browser.PostLoginAsync(client, DemoAccounts.MariaEmail, "not-the-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("do not match an account", html, StringComparison.Ordinal);
        using var students = await client.GetAsync("/students");
        Assert.Equal(HttpStatusCode.Redirect, students.StatusCode);
        Assert.StartsWith("/login", students.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_is_refused_without_its_antiforgery_token()
    {
        using var client = Browser.Open(app);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoAccounts.MariaEmail,
            ["Input.Password"] = DemoAccounts.Password,
        });

        using var response = await client.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ClassLogger.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_demo_teacher_signs_in_and_sees_her_students_and_only_hers()
    {
        using var client = Browser.Open(app);

        using var login = await Browser.PostLoginAsync(client, DemoAccounts.MariaEmail, DemoAccounts.Password, "/login?ReturnUrl=%2Fstudents");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/students", new Uri(app.Server.BaseAddress, login.Headers.Location!).PathAndQuery);

        using var response = await client.GetAsync("/students");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Expected.MariasStudents, Browser.StudentCardNames(html));
        foreach (var other in Expected.OnlyJames().Append(Expected.MariasFormerStudent))
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }

        Assert.Contains("Maria Keller", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_teacher_sees_his_own_students()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.JamesEmail, DemoAccounts.Password);

        var html = await client.GetStringAsync("/students");

        Assert.Equal(Expected.JamessStudents, Browser.StudentCardNames(html));
        foreach (var other in Expected.OnlyMaria())
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_student_card_shows_subject_balance_and_last_class_in_the_teachers_zone()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        var html = await client.GetStringAsync("/students");

        // Lena has piano on Mondays at 16:00 Berlin time; "now" is Wednesday 8 April 2026.
        var lena = html[html.IndexOf("Lena Fischer", StringComparison.Ordinal)..];
        lena = lena[..lena.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("Piano", lena, StringComparison.Ordinal);
        Assert.Contains("6 credits", lena, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-04-06T16:00\"", lena, StringComparison.Ordinal);
        Assert.Contains("Mon 6 Apr, 16:00", lena, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_class_log_lists_her_history_newest_first()
    {
        var maria = await app.ProfileIdAsync(DemoAccounts.MariaEmail);
        var expectedCount = await app.WithDbAsync(db => db.ClassLogs.CountAsync(l => l.TeacherProfileId == maria));
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        using var response = await client.GetAsync("/class-log");
        var html = await response.Content.ReadAsStringAsync();
        var rows = Browser.ClassLogRows(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(expectedCount > 20, $"Maria has only {expectedCount} classes in the demo data.");
        Assert.Equal(expectedCount, rows.Count);
        Assert.Equal(rows.OrderByDescending(r => r.Start).Select(r => r.Start), rows.Select(r => r.Start));
        Assert.All(rows, r => Assert.True(r.Start < ClassLoggerAppFactory.Now.UtcDateTime.AddHours(2), $"{r.Start} is in the future."));
        Assert.Subset(Expected.MariasStudents.Append(Expected.MariasFormerStudent).ToHashSet(), rows.Select(r => r.Student).ToHashSet());
        Assert.Contains(rows, r => r.Student == Expected.MariasFormerStudent);
        foreach (var other in Expected.OnlyJames())
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }

        // Times are Berlin wall-clock times, on both sides of the change to summer time (29 March 2026).
        var lena = rows.Where(r => r.Student == "Lena Fischer").ToList();
        Assert.Contains(lena, r => r.Start < new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Unspecified));
        Assert.Contains(lena, r => r.Start > new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Unspecified));
        Assert.All(lena, r => Assert.Equal((DayOfWeek.Monday, 16, 0), (r.Start.DayOfWeek, r.Start.Hour, r.Start.Minute)));
    }

    [Fact]
    public async Task Signing_out_signs_the_teacher_out()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);
        var page = await client.GetStringAsync("/students");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
        });
        using var logout = await client.PostAsync("/logout", form);
        using var after = await client.GetAsync("/students");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_is_refused_without_the_antiforgery_token()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.JamesEmail, DemoAccounts.Password);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var logout = await client.PostAsync("/logout", form);
        using var after = await client.GetAsync("/students");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_gets_the_dashboards_not_found_page_but_an_unknown_api_path_an_empty_404()
    {
        using var client = Browser.Open(app);

        using var page = await client.GetAsync("/no-such-page");
        using var api = await client.GetAsync("/api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Empty(await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_without_a_teacher_profile_sees_no_students()
    {
        const string email = "no.profile@classlogger.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, DemoAccounts.Password);
            Assert.True(created.Succeeded);
        }

        using var client = await Browser.SignInAsync(app, email, DemoAccounts.Password);
        var students = await client.GetStringAsync("/students");
        var classLog = await client.GetStringAsync("/class-log");

        Assert.Contains("not linked to a teacher profile", students, StringComparison.Ordinal);
        Assert.Empty(Browser.StudentCardNames(students));
        Assert.Contains("not linked to a teacher profile", classLog, StringComparison.Ordinal);
        Assert.Empty(Browser.ClassLogRows(classLog));
        foreach (var name in Expected.MariasStudents.Concat(Expected.JamessStudents))
        {
            Assert.DoesNotContain(name, students + classLog, StringComparison.Ordinal);
        }
    }
}
