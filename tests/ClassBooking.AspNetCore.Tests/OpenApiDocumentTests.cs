using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassBooking.AspNetCore.Http;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.AspNetCore.Tests;

/// <summary>/openapi/v1.json of the sample describes ClassBooking's API as the wire has it.</summary>
public sealed class OpenApiDocumentTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private sealed record Operation(string[] Query, string[] Headers, int[] Statuses, bool Teacher);

    /// <summary>
    /// What each handler reads besides its route and body, and every status it can answer (read from the handlers,
    /// the group filters, ApiJson.ReadBodyAsync and Problems.From; 503 is the database's "try again" for every route).
    /// </summary>
    private static readonly Dictionary<(string Path, string Method), Operation> Operations = new()
    {
        [("/api/teacher/antiforgery-token", "get")] = new([], [], [200, 401, 403, 503], true),
        [("/api/timeslots", "post")] = new([], [], [201, 400, 401, 403, 409, 413, 415, 503], true),
        [("/api/timeslots", "get")] = new(["from", "to"], [], [200, 400, 401, 403, 503], true),
        [("/api/timeslots/{id}", "put")] = new([], [], [200, 400, 401, 403, 404, 409, 413, 415, 503], true),
        [("/api/timeslots/{id}", "delete")] = new(["cancelBookings"], [], [204, 400, 401, 403, 404, 409, 503], true),
        [("/api/timeslots/bulk-create", "post")] = new([], [], [200, 201, 400, 401, 403, 409, 413, 415, 503], true),
        [("/api/teacher/students", "get")] = new([], [], [200, 401, 403, 503], true),
        [("/api/teacher/students/{id}/share-link", "post")] = new([], [], [201, 400, 401, 403, 404, 503], true),
        [("/api/teacher/students/{id}/regenerate-token", "put")] = new([], [], [200, 400, 401, 403, 404, 503], true),
        [("/api/teacher/analytics/token-usage", "get")] = new(["from", "to"], [], [200, 400, 401, 403, 503], true),
        [("/api/booking/{token}/calendar", "get")] = new(["weekOf", "timeZone"], [], [200, 400, 404, 429, 503], false),
        [("/api/booking/{token}/book", "post")] = new([], ["Idempotency-Key"], [201, 400, 404, 409, 413, 415, 429, 503], false),
        [("/api/booking/{token}/cancel/{bookingId}", "delete")] = new([], [], [204, 404, 409, 429, 503], false),
        [("/api/booking/{token}/my-bookings", "get")] = new([], [], [200, 404, 429, 503], false),
        [("/api/booking/{token}/reminders", "get")] = new([], [], [200, 404, 429, 503], false),
        [("/api/booking/{token}/reminders/stop", "get")] = new([], [], [200, 404, 429, 503], false),
        [("/api/booking/{token}/reminders/stop", "post")] = new([], [], [200, 404, 429, 503], false),
        [("/api/booking/{token}/reminders/stop", "delete")] = new([], [], [200, 404, 429, 503], false),
        [("/api/booking/{token}/calendar.ics", "get")] = new([], ["If-None-Match"], [200, 304, 404, 429, 503], false),
        [("/api/calendar-feed/{token}/calendar.ics", "get")] = new([], ["If-None-Match"], [200, 304, 404, 429, 503], false),
        [("/api/teacher/calendar-feed", "post")] = new([], [], [200, 400, 401, 403, 404, 503], true),
        [("/api/teacher/calendar-feed", "delete")] = new([], [], [204, 400, 401, 403, 503], true),
    };

    private static readonly string[] RequestSchemas = ["SlotRequest", "BulkCreateRequest", "BookRequest"];

    [Fact]
    public async Task The_document_has_every_api_route_with_all_its_route_parameters_and_no_other()
    {
        var doc = await DocumentAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Endpoint: e, Method: m.ToLowerInvariant())))
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var (endpoint, method) in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!;
            Assert.True(doc.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
            var declared = Parameters(operation).Where(p => p.In == "path").Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(endpoint.RoutePattern.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal), declared);
            Assert.All(Parameters(operation).Where(p => p.In == "path"), p => Assert.True(p.Required, $"{p.Name} of {method} {path} is not required"));
        }

        var documented = doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name))).Order().ToList();
        Assert.Equal(endpoints.Select(e => (e.Endpoint.RoutePattern.RawText!, e.Method)).Order().ToList(), documented);
        Assert.Equal(Operations.Keys.Order().ToList(), documented);
    }

    [Fact]
    public async Task Each_operation_declares_exactly_the_query_parameters_and_headers_its_handler_reads()
    {
        var doc = await DocumentAsync();
        foreach (var ((path, method), expected) in Operations)
        {
            var parameters = Parameters(doc.GetProperty("paths").GetProperty(path).GetProperty(method)).ToList();
            Assert.Equal(expected.Query, parameters.Where(p => p.In == "query").Select(p => p.Name));
            Assert.Equal(expected.Headers, parameters.Where(p => p.In == "header").Select(p => p.Name));
            Assert.All(parameters.Where(p => p.In != "path"), p =>
            {
                Assert.False(p.Required, $"{p.Name} of {method} {path} is optional on the wire");
                Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{p.Name} of {method} {path} says nothing of its format");
            });
        }
    }

    [Fact]
    public async Task Query_parameters_state_their_format_where_it_is_exact()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        JsonElement Schema(string path, string method, string name) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

        Assert.Equal("boolean", Schema("/api/timeslots/{id}", "delete", "cancelBookings").GetProperty("type").GetString());
        var weekOf = Schema("/api/booking/{token}/calendar", "get", "weekOf");
        Assert.Equal(("string", "date"), (weekOf.GetProperty("type").GetString(), weekOf.GetProperty("format").GetString()));
        Assert.Equal(64, Schema("/api/booking/{token}/calendar", "get", "timeZone").GetProperty("maxLength").GetInt32());
        var key = Schema("/api/booking/{token}/book", "post", "Idempotency-Key");
        Assert.Equal((1, BookingService.MaxIdempotencyKeyLength), (key.GetProperty("minLength").GetInt32(), key.GetProperty("maxLength").GetInt32()));
        foreach (var path in new[] { "/api/timeslots", "/api/teacher/analytics/token-usage" })
        {
            Assert.Equal("string", Schema(path, "get", "from").GetProperty("type").GetString());
            Assert.Equal("string", Schema(path, "get", "to").GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Each_operation_lists_every_status_it_can_answer_and_no_other_and_errors_are_problem_details()
    {
        var doc = await DocumentAsync();
        foreach (var ((path, method), expected) in Operations)
        {
            var responses = doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            Assert.Equal(expected.Statuses, responses.EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Order());
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{error.Name} of {method} {path} is not a ProblemDetails");
            }

            foreach (var status in new[] { "429", "503" }.Where(s => responses.TryGetProperty(s, out _)))
            {
                Assert.Equal("integer", responses.GetProperty(status).GetProperty("headers").GetProperty("Retry-After").GetProperty("schema").GetProperty("type").GetString());
            }
        }
    }

    [Fact]
    public async Task Teacher_operations_require_the_hosts_sign_in_schemes_and_student_operations_none()
    {
        var doc = await DocumentAsync();
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(("apiKey", "cookie", "ClassLogger.Auth"), (schemes.GetProperty("cookie").GetProperty("type").GetString(),
            schemes.GetProperty("cookie").GetProperty("in").GetString(), schemes.GetProperty("cookie").GetProperty("name").GetString()));
        Assert.False(doc.TryGetProperty("security", out _), "A document-wide requirement would apply to the student operations too.");

        foreach (var ((path, method), expected) in Operations)
        {
            var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
            var requirements = operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().Select(r => string.Join('+', r.EnumerateObject().Select(s => s.Name))).ToList()
                : [];
            Assert.Equal(expected.Teacher ? new[] { "cookie", "bearer" } : Array.Empty<string>(), requirements);
        }
    }

    [Fact]
    public async Task Enum_schemas_are_strings_listing_exactly_what_the_api_writes()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        AssertEnum<BookingStatus>("BookingStatus");
        AssertEnum<StudentSlotStatus>("StudentSlotStatus");
        AssertEnum<ConflictKind>("ConflictKind");
        AssertEnum<Weekday>("Weekday");
        Assert.Equal("#/components/schemas/Weekday", schemas.GetProperty("BulkCreateRequest").GetProperty("properties").GetProperty("weekdays").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(Enum.GetValues<DayOfWeek>().Select(d => d.ToString()).Order(), Enum.GetValues<Weekday>().Select(d => d.ToString()).Order());
        Assert.All(Enum.GetValues<Weekday>(), d => Assert.Equal(d.ToString(), ((DayOfWeek)d).ToString()));

        void AssertEnum<T>(string name)
            where T : struct, Enum
        {
            var schema = schemas.GetProperty(name);
            Assert.Equal("string", schema.GetProperty("type").GetString());
            var wire = Enum.GetValues<T>().Select(v => JsonSerializer.SerializeToElement(v, ApiJson.Options).GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(wire, schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).Order(StringComparer.Ordinal));
            // The wire names hold whatever JSON options write the enum (the type's own converter), as a host's would.
            Assert.All(Enum.GetValues<T>(), v => Assert.Equal(JsonSerializer.Serialize(v, ApiJson.Options), JsonSerializer.Serialize(v, JsonSerializerOptions.Web)));
        }
    }

    [Fact]
    public async Task Numbers_of_classbooking_schemas_are_numbers_only()
    {
        var doc = await DocumentAsync();
        var numbers = 0;
        foreach (var (name, schema) in ClassBookingSchemas(doc))
        {
            foreach (var property in schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            {
                var types = Types(property.Value);
                if (types.Contains("integer") || types.Contains("number"))
                {
                    numbers++;
                    Assert.False(types.Contains("string"), $"{name}.{property.Name} is declared as a string too");
                    Assert.False(property.Value.TryGetProperty("pattern", out _), $"{name}.{property.Name} has a pattern for strings");
                }
            }
        }

        Assert.True(numbers >= 20, $"Only {numbers} numbers found");
    }

    [Fact]
    public async Task Problem_details_declare_a_numeric_status_and_classbookings_code_field_and_retry_after_members()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var properties = schemas.GetProperty(name).GetProperty("properties");
            Assert.Equal(["integer", "null"], Types(properties.GetProperty("status")).Order(StringComparer.Ordinal));
            Assert.False(properties.GetProperty("status").TryGetProperty("pattern", out _), $"{name}.status has a pattern for strings");
            Assert.Equal(["string"], Types(properties.GetProperty("code")));
            Assert.Equal(["string"], Types(properties.GetProperty("field")));
            Assert.Equal(["integer"], Types(properties.GetProperty("retryAfterSeconds")));
            // Optional: the host's own ProblemDetails answers (its sign-in routes) carry none of them.
            Assert.False(schemas.GetProperty(name).TryGetProperty("required", out var required)
                && required.EnumerateArray().Any(r => r.GetString() is "code" or "field" or "retryAfterSeconds"));
        }
    }

    [Fact]
    public async Task Request_members_are_all_optional_and_response_members_are_required_and_nullable_as_their_type_says()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        foreach (var name in RequestSchemas)
        {
            var schema = schemas.GetProperty(name);
            Assert.True(schema.GetProperty("properties").EnumerateObject().Any());
            Assert.False(schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0, $"{name} requires {required}");
        }

        var nullability = new NullabilityInfoContext();
        var responseTypes = typeof(ApiJson).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApiJson).Namespace && schemas.TryGetProperty(t.Name, out _) && !RequestSchemas.Contains(t.Name) && !t.IsEnum)
            .ToList();
        Assert.Contains(responseTypes, t => t.Name == "SlotResponse");
        foreach (var type in responseTypes)
        {
            var schema = schemas.GetProperty(type.Name);
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var declared = schema.GetProperty("properties").GetProperty(name);
                var nullable = nullability.Create(property).ReadState == NullabilityState.Nullable;
                var optional = property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null;
                Assert.True(nullable == Types(declared).Contains("null") || declared.TryGetProperty("$ref", out _), $"{type.Name}.{name}: nullable {nullable}, declared {declared}");
                Assert.True(required.Contains(name) != optional, $"{type.Name}.{name}: required {required.Contains(name)}, left out when null {optional}");
            }
        }
    }

    [Fact]
    public async Task Real_responses_validate_against_their_documented_schemas_with_no_undeclared_member()
    {
        var doc = await DocumentAsync();
        using var maria = await app.TeacherAsync(Api.Maria);
        using var student = app.CreateClient();
        var start = app.NextSlotStart();

        // A slot with neither note nor price (nulls on the wire), another with both.
        using var bare = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = start, endsAt = start.AddHours(1) });
        await AssertMatchesAsync(doc, "/api/timeslots", "post", bare, HttpStatusCode.Created);
        var second = app.NextSlotStart();
        using var full = await maria.PostAsJsonAsync("/api/timeslots", new { startsAt = second, endsAt = second.AddHours(1), capacity = 3, price = 12.5m, note = "Scales" });
        await AssertMatchesAsync(doc, "/api/timeslots", "post", full, HttpStatusCode.Created);
        var bareId = (await bare.ReadJsonAsync()).GetProperty("id").GetGuid();
        var fullId = (await full.ReadJsonAsync()).GetProperty("id").GetGuid();

        var lenaId = await maria.StudentIdAsync("Lena Fischer");
        using var link = await maria.PostAsync($"/api/teacher/students/{lenaId}/share-link", null);
        await AssertMatchesAsync(doc, "/api/teacher/students/{id}/share-link", "post", link, HttpStatusCode.Created);
        var lena = (await link.ReadJsonAsync()).GetProperty("token").GetString()!;
        var clara = await maria.ShareTokenAsync(await maria.StudentIdAsync("Clara Hoffmann"));
        await student.BookOkAsync(clara, bareId);

        using var booked = await student.BookAsync(lena, fullId, "openapi-doc-test");
        await AssertMatchesAsync(doc, "/api/booking/{token}/book", "post", booked, HttpStatusCode.Created);
        using var calendar = await student.GetAsync($"/api/booking/{lena}/calendar?weekOf={start:yyyy-MM-dd}");
        var week = await AssertMatchesAsync(doc, "/api/booking/{token}/calendar", "get", calendar, HttpStatusCode.OK);
        Assert.Contains(week.GetProperty("slots").EnumerateArray(), s => s.GetProperty("status").GetString() == "unavailable");
        Assert.Contains(week.GetProperty("slots").EnumerateArray(), s => s.GetProperty("status").GetString() == "booked");

        using var cancel = await student.DeleteAsync($"/api/booking/{lena}/cancel/{(await booked.ReadJsonAsync()).GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        using var mine = await student.GetAsync($"/api/booking/{lena}/my-bookings");
        var bookings = await AssertMatchesAsync(doc, "/api/booking/{token}/my-bookings", "get", mine, HttpStatusCode.OK);
        Assert.Contains(bookings.GetProperty("past").EnumerateArray(), b => b.GetProperty("cancelledAt").ValueKind == JsonValueKind.String);

        using var slots = await maria.GetAsync($"/api/timeslots?from={start.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}");
        var list = await AssertMatchesAsync(doc, "/api/timeslots", "get", slots, HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("note").ValueKind == JsonValueKind.Null && s.GetProperty("seriesId").ValueKind == JsonValueKind.Null);
        using var students = await maria.GetAsync("/api/teacher/students");
        await AssertMatchesAsync(doc, "/api/teacher/students", "get", students, HttpStatusCode.OK);
        using var usage = await maria.GetAsync("/api/teacher/analytics/token-usage");
        await AssertMatchesAsync(doc, "/api/teacher/analytics/token-usage", "get", usage, HttpStatusCode.OK);
        using var preview = await maria.PostAsJsonAsync("/api/timeslots/bulk-create", new { weekdays = new[] { "tuesday" }, localStartTime = "07:00", durationMinutes = 30, weeks = 2, preview = true });
        await AssertMatchesAsync(doc, "/api/timeslots/bulk-create", "post", preview, HttpStatusCode.OK);
        using var series = await maria.PostAsJsonAsync("/api/timeslots/bulk-create", new { weekdays = new[] { "tuesday" }, localStartTime = "07:00", durationMinutes = 30, weeks = 2 });
        await AssertMatchesAsync(doc, "/api/timeslots/bulk-create", "post", series, HttpStatusCode.Created);
        using var feed = await maria.PostAsync("/api/teacher/calendar-feed", null);
        var address = await AssertMatchesAsync(doc, "/api/teacher/calendar-feed", "post", feed, HttpStatusCode.OK);
        Assert.StartsWith("webcal://", address.GetProperty("webcalUrl").GetString(), StringComparison.Ordinal);
        using var antiforgery = await maria.GetAsync("/api/teacher/antiforgery-token");
        await AssertMatchesAsync(doc, "/api/teacher/antiforgery-token", "get", antiforgery, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_feeds_are_declared_as_text_calendar_with_their_etag_on_200_and_304()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        foreach (var path in new[] { "/api/booking/{token}/calendar.ics", "/api/calendar-feed/{token}/calendar.ics" })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            var content = responses.GetProperty("200").GetProperty("content");
            Assert.Equal(["text/calendar"], content.EnumerateObject().Select(c => c.Name));
            Assert.Equal("string", content.GetProperty("text/calendar").GetProperty("schema").GetProperty("type").GetString());
            Assert.False(responses.GetProperty("304").TryGetProperty("content", out _), $"304 of {path} declares a body");
            foreach (var status in new[] { "200", "304" })
            {
                Assert.Equal("string", responses.GetProperty(status).GetProperty("headers").GetProperty("ETag").GetProperty("schema").GetProperty("type").GetString());
            }
        }

        var created = paths.GetProperty("/api/teacher/calendar-feed").GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal("#/components/schemas/CalendarFeedResponse", created.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Theory]
    [InlineData("/api/timeslots", """{"startsAt":"2026-05-04T17:00:00Z","endsAt":"2026-05-04T18:00:00Z","price":"12.50"}""", "price")]
    [InlineData("/api/timeslots/bulk-create", """{"weekdays":[2],"localStartTime":"07:00","durationMinutes":30,"weeks":2}""", "weekdays[0]")]
    public async Task What_the_document_refuses_the_api_refuses_too(string path, string body, string field)
    {
        using var maria = await app.TeacherAsync(Api.Maria);
        using var response = await maria.PostAsync(path, Api.Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<(string Name, string In, bool Required, string? Description)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("description", out var d) ? d.GetString() : null))
            : [];

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];

    /// <summary>The component schemas ClassBooking's operations use, directly or through others, but the framework's ProblemDetails.</summary>
    private static IEnumerable<(string Name, JsonElement Schema)> ClassBookingSchemas(JsonElement doc)
    {
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonElement>(doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api", StringComparison.Ordinal)).Select(p => p.Value));
        while (pending.TryPop(out var node))
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in node.EnumerateObject())
                {
                    if (member.Name == "$ref" && member.Value.GetString()!.Split('/')[^1] is var name && names.Add(name))
                    {
                        pending.Push(schemas.GetProperty(name));
                    }
                    else
                    {
                        pending.Push(member.Value);
                    }
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    pending.Push(item);
                }
            }
        }

        Assert.Contains("SlotResponse", names);
        return names.Where(n => !n.Contains("ProblemDetails", StringComparison.Ordinal)).Select(n => (n, schemas.GetProperty(n)));
    }

    /// <summary>
    /// Validates the body against the operation's documented schema for <paramref name="status"/>, every object
    /// schema closed (additionalProperties: false) so an undeclared member fails too.
    /// </summary>
    private static async Task<JsonElement> AssertMatchesAsync(JsonElement doc, string path, string method, HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"{method} {path} answered {(int)response.StatusCode}: {body}");
        var schema = doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses")
            .GetProperty(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var defs = JsonNode.Parse(doc.GetProperty("components").GetProperty("schemas").GetRawText())!.AsObject();
        foreach (var (_, def) in defs)
        {
            if (def is JsonObject o && o.ContainsKey("properties"))
            {
                o["additionalProperties"] = false;
            }
        }

        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = defs, ["allOf"] = new JsonArray(JsonNode.Parse(schema.GetRawText())) };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var validator = JsonSchema.FromText(text);
        var results = validator.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{method} {path} {(int)status} does not match the document: {JsonSerializer.Serialize(results)}\n{body}");

        // The check can fail: the same body with one undeclared member does not match.
        var tampered = JsonNode.Parse(body.GetRawText())!;
        var target = tampered is JsonArray array ? array.FirstOrDefault() : tampered;
        Assert.True(target is JsonObject, $"{method} {path}: give the test a response with at least one item");
        target!.AsObject()["undeclared"] = 1;
        Assert.False(validator.Evaluate(JsonSerializer.SerializeToElement(tampered), EvaluationOptions.Default).IsValid, $"{method} {path}: the schema accepts anything");
        return body;
    }
}
