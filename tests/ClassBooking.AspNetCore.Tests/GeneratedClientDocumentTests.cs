using System.Net;
using System.Text.Json.Nodes;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>
/// The document the client in GeneratedClient/ was generated from is the document the API serves now, so the
/// committed client is never stale.
/// </summary>
public sealed class GeneratedClientDocumentTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    /// <summary>Where the test leaves the live document for GeneratedClient/generate.sh to pick up.</summary>
    public static string LiveDocumentPath => Path.Combine(AppContext.BaseDirectory, "openapi.live.json");

    [Fact]
    public async Task The_committed_document_equals_the_document_the_api_serves()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = await response.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(LiveDocumentPath, live);

        var committed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "GeneratedClient", "openapi.json"));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(live)),
            "tests/ClassBooking.AspNetCore.Tests/GeneratedClient/openapi.json is not the document the API serves now: "
            + "run tests/ClassBooking.AspNetCore.Tests/GeneratedClient/generate.sh to regenerate the document and the client, "
            + $"then review and commit both (the live document is at {LiveDocumentPath}).");
    }
}
