using System.Net.Http.Headers;
using System.Text.Json;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// The fuzzer's own parts against a small OpenAPI 3.1 document written the way ours should be (string enums, "null"
/// in type lists, $ref, formats): so that a fuzz run that finds nothing means the API is fine, not that the checks
/// or the generator are blind.
/// </summary>
public sealed class FuzzerSelfTests
{
    private static readonly OpenApiModel Model = OpenApiModel.Parse(OpenApiModel.Schema("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/things/{id}": {
              "put": {
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                "responses": {
                  "200": { "description": "changed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "401": { "description": "not signed in" },
                  "404": { "description": "no such thing" }
                }
              }
            },
            "/api/booking/{token}/things": { "get": { "responses": { "204": { "description": "nothing" } } } },
            "/api/booking/{token}/things.ics": {
              "get": {
                "responses": {
                  "200": { "description": "a calendar", "content": { "text/calendar": { "schema": { "type": "string" } } } },
                  "304": { "description": "not modified" }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "required": ["id", "kind", "at"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "kind": { "$ref": "#/components/schemas/Kind" },
                  "at": { "type": "string", "format": "date-time" },
                  "day": { "type": ["null", "string"], "format": "date" },
                  "count": { "type": "integer", "format": "int32", "minimum": 1 },
                  "price": { "type": ["null", "number"], "format": "double" },
                  "tags": { "type": "array", "items": { "type": "string", "maxLength": 5 } }
                }
              },
              "Kind": { "type": "string", "enum": ["monday", "tuesday"] }
            }
          }
        }
        """));

    private static readonly ApiOperation Put = Model.Operations.Single(o => o.Method == "PUT");
    private static readonly ApiOperation Get = Model.Operations.Single(o => o.PathTemplate == "/api/booking/{token}/things");
    private static readonly ApiOperation Feed = Model.Operations.Single(o => o.PathTemplate == "/api/booking/{token}/things.ics");
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue Problem = new("application/problem+json");

    [Fact]
    public void A_path_parameter_the_document_does_not_declare_is_still_filled()
    {
        var token = Assert.Single(Get.Parameters);
        Assert.Equal("text/calendar", Feed.Responses[200].MediaType);

        Assert.Equal(("token", ParameterLocation.Path, true), (token.Name, token.In, token.Required));
        Assert.True(Put.NeedsTeacher);
        Assert.True(Get.NeedsShareToken);
    }

    [Fact]
    public void Generated_valid_bodies_match_the_schema_they_were_generated_from()
    {
        var random = new Random(FuzzSettings.DefaultSeed);
        var generator = new SchemaValueGenerator(Model, random, realistic: null);
        var schemas = new ResponseSchemas(Model);
        var body = Put.BodySchema!.Value;

        for (var i = 0; i < 300; i++)
        {
            var value = generator.Generate(body, "body", new FuzzRequest(Put));
            using var json = JsonDocument.Parse(value?.ToJsonString() ?? "null");

            var errors = schemas.Validate(Put, 200, body, json.RootElement);

            Assert.True(errors.Count == 0, $"{value?.ToJsonString()}: {string.Join("; ", errors)}");
        }
    }

    [Theory]
    [InlineData(500, "application/problem+json", """{"code":"unexpected"}""")]
    [InlineData(302, "text/html", "")]
    [InlineData(404, null, "")]
    [InlineData(404, "application/json", """{"code":"x"}""")]
    [InlineData(400, "application/problem+json", """{"title":"no code"}""")]
    [InlineData(400, "application/problem+json", """{"code":7}""")]
    [InlineData(201, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"monday","at":"2026-04-08T12:00:00+00:00"}""")]
    [InlineData(200, "application/json", """{"kind":"monday","at":"2026-04-08T12:00:00+00:00"}""")]
    [InlineData(200, "application/json", """{"id":"not-a-guid","kind":"monday","at":"2026-04-08T12:00:00+00:00"}""")]
    [InlineData(200, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":0,"at":"2026-04-08T12:00:00+00:00"}""")]
    [InlineData(200, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"friday","at":"2026-04-08T12:00:00+00:00"}""")]
    [InlineData(200, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"monday","at":"2026-04-08"}""")]
    [InlineData(200, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"monday","at":"2026-04-08T12:00:00Z","count":2147483648}""")]
    [InlineData(200, "application/json", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"monday","at":"2026-04-08T12:00:00Z","day":"08.04.2026"}""")]
    [InlineData(200, "text/plain", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"monday","at":"2026-04-08T12:00:00Z"}""")]
    [InlineData(200, "application/json", "not json")]
    public void The_checker_flags_each_broken_rule(int status, string? contentType, string body)
    {
        var checker = new ResponseChecker(Model);

        var rules = checker.Check(Put, status, contentType is null ? null : new MediaTypeHeaderValue(contentType), body, out _);

        Assert.NotEmpty(rules);
    }

    [Theory]
    [InlineData(304, null, "")] // the operation declares no 304
    [InlineData(200, "text/plain", "BEGIN:VCALENDAR")]
    public void The_checker_flags_a_304_or_a_calendar_the_operation_does_not_declare(int status, string? contentType, string body)
    {
        var rules = new ResponseChecker(Model).Check(status == 304 ? Put : Feed, status, contentType is null ? null : new MediaTypeHeaderValue(contentType), body, out _);

        Assert.NotEmpty(rules);
        Assert.NotEmpty(new ResponseChecker(Model).Check(Feed, 304, null, "BEGIN:VCALENDAR", out _)); // a 304 has no body
    }

    [Fact]
    public void The_checker_passes_documented_answers()
    {
        var checker = new ResponseChecker(Model);
        const string Valid = """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","kind":"tuesday","at":"2026-04-08T14:00:00+02:00","day":null,"count":3,"price":12.5,"tags":["a"]}""";

        Assert.Empty(checker.Check(Put, 200, Json, Valid, out _));
        Assert.Empty(checker.Check(Put, 404, Problem, """{"status":404,"code":"not-found"}""", out _));
        Assert.Empty(checker.Check(Get, 204, null, "", out _));
        Assert.Empty(checker.Check(Feed, 200, new MediaTypeHeaderValue("text/calendar") { CharSet = "utf-8" }, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", out _));
        Assert.Empty(checker.Check(Feed, 304, null, "", out _));
    }
}
