using System.Net;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>Dates at either end of the calendar in a query get a 400 naming the field, never a 500.</summary>
public sealed class QueryRangeTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    [Theory]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("from=9999-12-31T23:59:59Z", "from")]
    [InlineData("from=9999-12-30&to=9999-12-31", "from")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=0001-01-01T00:00:00Z", "from")]
    [InlineData("from=0001-01-01&to=0001-01-02", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("to=0001-01-01", "to")]
    [InlineData("from=2026-04-08&to=9999-12-31", "to")]
    [InlineData("from=2026-04-08&to=0001-01-01", "to")]
    public async Task A_date_at_either_end_of_the_calendar_gets_400_naming_the_field(string query, string field)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        foreach (var path in new[] { "/api/timeslots", "/api/teacher/analytics/token-usage" })
        {
            using var response = await maria.GetAsync($"{path}?{query}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query}: {problem}");
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_week_at_either_end_of_the_calendar_gets_400_naming_weekOf(string weekOf)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        var token = await maria.ShareTokenAsync(await maria.StudentIdAsync("Jonas Weber"));
        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/api/booking/{token}/calendar?weekOf={weekOf}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("weekOf", out _), problem.ToString());
    }

    [Fact]
    public async Task Dates_inside_the_accepted_range_still_work()
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        foreach (var query in new[] { "from=1900-01-01", "from=8999-12-01", "from=2026-04-08T00:00:00Z&to=2026-04-09" })
        {
            using var response = await maria.GetAsync($"/api/timeslots?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
