using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// A seeded fuzz run over every operation the OpenAPI document lists under /api, on a database of its own: see
/// <see cref="ApiFuzzer"/> for what is checked. The seed, the answers by status and the time taken go to the test
/// output; a failure lists every failed check with the request that caused it.
/// </summary>
public abstract class ApiFuzzTestsBase<TFactory>(TFactory app, ITestOutputHelper output)
    where TFactory : ApiAppFactory
{
    protected TFactory App { get; } = app;

    [Fact]
    public async Task Generated_requests_to_every_api_operation_get_no_server_error_problem_details_for_4xx_and_documented_bodies_for_2xx()
    {
        var seed = FuzzSettings.Seed;
        var clock = Stopwatch.StartNew();
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var documentResponse = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, documentResponse.StatusCode);
        var model = OpenApiModel.Parse(await documentResponse.ReadJsonAsync());
        var fuzzer = new ApiFuzzer(model, await FuzzState.CreateAsync(App));
        var operations = fuzzer.Operations;
        Assert.True(operations.Count >= 14, $"The document lists only {operations.Count} operations under /api: {string.Join(", ", operations)}");

        var (failures, statuses) = await fuzzer.RunAsync(client, seed, FuzzSettings.RequestsPerOperation);

        var requests = statuses.Values.Sum(counts => counts.Values.Sum());
        output.WriteLine($"Seed {seed}: {requests} requests ({FuzzSettings.RequestsPerOperation} for each of {operations.Count} operations, and their boundary sweeps) in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        foreach (var (operation, counts) in statuses)
        {
            output.WriteLine($"  {operation}: " + string.Join(", ", counts.Select(s => $"{s.Key}×{s.Value}")));
        }

        Assert.True(failures.Count == 0, ApiFuzzer.Report(failures, seed, requests));
    }
}

public sealed class ApiFuzzTests(ApiAppFactory app, ITestOutputHelper output)
    : ApiFuzzTestsBase<ApiAppFactory>(app, output), IClassFixture<ApiAppFactory>;

public sealed class PostgresApiFuzzTests(PostgresApiAppFactory app, ITestOutputHelper output)
    : ApiFuzzTestsBase<PostgresApiAppFactory>(app, output), IClassFixture<PostgresApiAppFactory>
{
    [Fact]
    public async Task Signing_in_with_a_NUL_character_in_the_email_answers_a_problem_with_a_code_not_a_server_error()
    {
        using var client = App.CreateClient();

        using var response = await client.PostAsJsonAsync("/identity/login", new { email = "maria\0@classlogger.test", password = "Demo!2345" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"POST /identity/login with U+0000 in the e-mail answered {(int)response.StatusCode}: {FuzzRequest.Excerpt(text, 300)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String, $"No string 'code' in {text}");
    }
}
