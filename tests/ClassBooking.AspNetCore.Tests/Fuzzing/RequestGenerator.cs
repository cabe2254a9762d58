using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// Requests for one operation: valid ones built from its parameters' and body's schemas (with real ids and tokens),
/// and invalid ones, a valid request with one mutation applied (body, field, parameter, content type or credentials).
/// Everything random comes from the one seeded <see cref="Random"/>, so a run is reproduced by its seed.
/// </summary>
public sealed class RequestGenerator
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Placeholder = "\u0001fuzz-placeholder\u0001";

    private readonly OpenApiModel _model;
    private readonly Random _random;
    private readonly FuzzState _state;
    private readonly SchemaValueGenerator _values;

    public RequestGenerator(OpenApiModel model, FuzzState state, Random random)
    {
        _model = model;
        _random = random;
        _state = state;
        _values = new SchemaValueGenerator(model, random, new RealisticValues(state, random));
    }

    /// <summary>A valid request, or (when <paramref name="mutate"/>) a valid one with one mutation.</summary>
    public FuzzRequest Generate(ApiOperation op, bool mutate)
    {
        var (request, body) = GenerateValid(op, realisticOnly: false);
        if (mutate)
        {
            Mutate(request, body);
        }

        return request;
    }

    /// <summary>
    /// The boundary sweep of an operation: for every parameter and every top-level body field, a valid request with
    /// that one value set to each of <see cref="NastyValues.EdgeStrings"/> (the first and last days of the calendar
    /// for dates, else a NUL, 20 000 characters, -1 and 2^31), without the other optional query parameters, and
    /// every other value realistic, so that the edge is what the request tests. Built when sent, from the state of
    /// the moment.
    /// </summary>
    public IEnumerable<Func<FuzzRequest>> BoundarySweep(ApiOperation op)
    {
        foreach (var parameter in op.Parameters)
        {
            foreach (var edge in NastyValues.EdgeStrings(parameter.Name))
            {
                yield return () =>
                {
                    var (request, _) = GenerateValid(op, realisticOnly: true);
                    request.Query.RemoveAll(q => op.Parameters.Any(p => p.Name == q.Key && !p.Required)); // the edge alone
                    SetParameter(request, parameter, edge);
                    request.Mutation = $"sweep: {parameter.In.ToString().ToLowerInvariant()} {parameter.Name} = {FuzzRequest.Excerpt(edge, 40)}";
                    return request;
                };
            }
        }

        if (op.BodySchema is { } schema && _model.Resolve(schema).TryGetProperty("properties", out var properties))
        {
            foreach (var name in properties.EnumerateObject().Select(p => p.Name))
            {
                foreach (var edge in NastyValues.EdgeStrings(name))
                {
                    yield return () =>
                    {
                        var (request, body) = GenerateValid(op, realisticOnly: true);
                        var obj = body as JsonObject ?? [];
                        obj[name] = Placeholder;
                        var literal = long.TryParse(edge, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? edge : JsonSerializer.Serialize(edge);
                        Send(request, obj, literal, $"sweep: body {name} = {FuzzRequest.Excerpt(literal, 40)}");
                        return request;
                    };
                }
            }
        }
    }

    private static void SetParameter(FuzzRequest request, ApiParameter parameter, string value)
    {
        switch (parameter.In)
        {
            case ParameterLocation.Path:
                request.PathValues[parameter.Name] = value;
                break;
            case ParameterLocation.Query:
                request.Query.RemoveAll(q => q.Key == parameter.Name);
                request.Query.Add(KeyValuePair.Create(parameter.Name, value));
                break;
            case ParameterLocation.Header:
                request.Headers.RemoveAll(h => h.Key == parameter.Name);
                request.Headers.Add(KeyValuePair.Create(parameter.Name, new string([.. value.Where(c => c is >= ' ' and <= '~')])));
                break;
        }
    }

    /// <summary>A valid request; with <paramref name="realisticOnly"/>, every value that has a realistic one takes it.</summary>
    private (FuzzRequest Request, JsonNode? Body) GenerateValid(ApiOperation op, bool realisticOnly)
    {
        _values.RealisticPercent = realisticOnly ? 100 : 85;
        var request = new FuzzRequest(op);
        if (op.NeedsTeacher)
        {
            request.Bearer = _state.MariaBearer;
        }

        // Path parameters first, in the order of the template, so that a booking id can follow the chosen token.
        foreach (var p in op.Parameters.OrderBy(p => p.In == ParameterLocation.Path ? op.PathTemplate.IndexOf("{" + p.Name + "}", StringComparison.Ordinal) : int.MaxValue))
        {
            if (!p.Required && _random.Next(10) < 4)
            {
                continue;
            }

            var values = AsStrings(_values.Generate(p.Schema, p.Name, request));
            if (p.In == ParameterLocation.Path)
            {
                request.PathValues[p.Name] = values.Count > 0 && values[0].Length > 0 ? values[0] : "x"; // a path segment is never empty
            }
            else
            {
                var list = p.In == ParameterLocation.Query ? request.Query : request.Headers;
                list.AddRange(values.Select(v => KeyValuePair.Create(p.Name, v)));
            }
        }

        JsonNode? body = null;
        if (op.BodySchema is { } schema)
        {
            body = _values.Generate(schema, "body", request);
            request.ContentType = op.BodyMediaType;
            request.Body = Encoding.UTF8.GetBytes(Serialize(body));
        }

        return (request, body);
    }

    private void Mutate(FuzzRequest request, JsonNode? body)
    {
        var op = request.Operation;
        var kinds = new List<Action>();
        if (op.BodySchema is not null)
        {
            kinds.AddRange(Repeat(4, () => MutateField(request, body)));
            kinds.AddRange(Repeat(2, () => MutateBody(request)));
            kinds.Add(() => MutateContentType(request));
            kinds.Add(() => MutateShape(request, body));
        }

        var parameters = op.Parameters.ToList();
        if (parameters.Count > 0)
        {
            kinds.AddRange(Repeat(3, () => MutateParameter(request, parameters[_random.Next(parameters.Count)])));
            kinds.Add(() => ForeignValue(request, parameters[_random.Next(parameters.Count)]));
        }

        kinds.Add(() => ExtraQuery(request));
        kinds.AddRange(Repeat(op.NeedsTeacher ? 2 : 0, () => MutateCredentials(request)));
        kinds[_random.Next(kinds.Count)]();
    }

    private static IEnumerable<Action> Repeat(int times, Action action) => Enumerable.Repeat(action, times);

    /// <summary>One field of the body set to a hostile value, removed, set to null, or a field added.</summary>
    private void MutateField(FuzzRequest request, JsonNode? body)
    {
        if (body is not JsonObject obj || obj.Count == 0)
        {
            MutateShape(request, body);
            return;
        }

        var target = obj;
        var names = obj.Select(p => p.Key).ToList();
        var name = names[_random.Next(names.Count)];
        if (obj[name] is JsonArray { Count: > 0 } array && _random.Next(2) == 0)
        {
            // An element of an array field (e.g. one weekday).
            var index = _random.Next(array.Count);
            var (literal, label) = HostileLiteral(name);
            array[index] = Placeholder;
            Send(request, obj, literal, $"body: {name}[{index.ToString(CultureInfo.InvariantCulture)}] = {label}");
            return;
        }

        switch (_random.Next(6))
        {
            case 0:
                target.Remove(name);
                Send(request, target, null, $"body: without {name}");
                break;
            case 1:
                target[name] = null;
                Send(request, target, null, $"body: {name} = null");
                break;
            case 2:
                var extra = NastyValues.ExtraFields[_random.Next(NastyValues.ExtraFields.Length)];
                target[extra] = "1";
                Send(request, target, null, $"body: extra field '{FuzzRequest.Excerpt(extra, 20)}'");
                break;
            default:
                var (value, description) = HostileLiteral(name);
                target[name] = Placeholder;
                Send(request, target, value, $"body: {name} = {description}");
                break;
        }
    }

    /// <summary>A raw JSON literal: a JSON-encoded hostile string (date, GUID, anything) or a literal of any type.</summary>
    private (string Literal, string Label) HostileLiteral(string name)
    {
        string[] strings = NastyValues.IsDateName(name) ? NastyValues.Dates
            : name.EndsWith("Id", StringComparison.Ordinal) || name == "id" ? NastyValues.Guids
            : NastyValues.Strings;
        if (_random.Next(3) == 0)
        {
            var literal = NastyValues.JsonLiterals[_random.Next(NastyValues.JsonLiterals.Length)];
            return (literal, FuzzRequest.Excerpt(literal, 60));
        }

        var text = _random.Next(2) == 0 ? strings[_random.Next(strings.Length)] : NastyValues.PickString(_random);
        var encoded = _random.Next(2) == 0 ? JsonSerializer.Serialize(text) : JsonSerializer.Serialize(text, Relaxed);
        return (encoded, FuzzRequest.Excerpt(encoded, 60));
    }

    /// <summary>Malformed JSON, a body of the wrong JSON type, an empty body, deep nesting, bad UTF-8, 2 MB.</summary>
    private void MutateBody(FuzzRequest request)
    {
        request.ContentType = request.Operation.BodyMediaType ?? "application/json";
        switch (_random.Next(5))
        {
            case 0:
                request.Body = [];
                request.Mutation = "body: empty, with Content-Type";
                break;
            case 1:
                request.Body = null;
                request.ContentType = null;
                request.Mutation = "body: none";
                break;
            case 2:
                var which = _random.Next(NastyValues.SpecialCount);
                request.Body = NastyValues.Special(which);
                request.Mutation = which switch { 0 => "body: 5000 nested arrays", 1 => "body: 2000 nested objects", 2 or 3 => "body: invalid UTF-8", _ => "body: 2 MB" };
                break;
            default:
                var text = NastyValues.Bodies[_random.Next(NastyValues.Bodies.Length)];
                request.Body = Encoding.UTF8.GetBytes(text);
                request.Mutation = "body: " + FuzzRequest.Excerpt(text, 40);
                break;
        }
    }

    /// <summary>The valid body with another content type, or none.</summary>
    private void MutateContentType(FuzzRequest request)
    {
        request.ContentType = NastyValues.ContentTypes[_random.Next(NastyValues.ContentTypes.Length)];
        request.Mutation = "Content-Type: " + (request.ContentType ?? "(none)");
    }

    /// <summary>The body's object wrapped in an array, duplicated keys, or with every field removed.</summary>
    private void MutateShape(FuzzRequest request, JsonNode? body)
    {
        var json = Serialize(body);
        switch (_random.Next(3))
        {
            case 0:
                request.Body = Encoding.UTF8.GetBytes("[" + json + "]");
                request.Mutation = "body: wrapped in an array";
                break;
            case 1 when body is JsonObject { Count: > 0 } obj:
                var first = obj.First();
                var duplicate = JsonSerializer.Serialize(first.Key) + ":" + (first.Value?.ToJsonString() ?? "null");
                request.Body = Encoding.UTF8.GetBytes(json.TrimEnd('}') + "," + duplicate + "}");
                request.Mutation = $"body: '{first.Key}' twice";
                break;
            default:
                request.Body = "{}"u8.ToArray();
                request.Mutation = "body: {} (every field missing)";
                break;
        }
    }

    /// <summary>A path, query or header parameter set to a hostile string, left out, or sent twice.</summary>
    private void MutateParameter(FuzzRequest request, ApiParameter parameter)
    {
        var pool = NastyValues.IsDateName(parameter.Name) ? NastyValues.Dates
            : parameter.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) || parameter.Name == "id" ? NastyValues.Guids
            : NastyValues.Strings;
        var value = _random.Next(2) == 0 || pool == NastyValues.Strings ? NastyValues.PickString(_random) : pool[_random.Next(pool.Length)];
        switch (parameter.In)
        {
            case ParameterLocation.Path:
                value = value.Trim('.').Length == 0 ? value + "x" : value; // an empty, "." or ".." segment would address another route
                request.PathValues[parameter.Name] = value;
                break;
            case ParameterLocation.Query when _random.Next(5) == 0:
                request.Query.RemoveAll(q => q.Key == parameter.Name);
                request.Mutation = $"query: without {parameter.Name}";
                return;
            case ParameterLocation.Query:
                if (_random.Next(4) > 0)
                {
                    request.Query.RemoveAll(q => q.Key == parameter.Name);
                }

                request.Query.Add(KeyValuePair.Create(parameter.Name, value));
                break;
            case ParameterLocation.Header:
                // Only what a real HTTP server lets through: printable ASCII (control characters never reach the app).
                var printable = new string([.. value.Where(c => c is >= ' ' and <= '~')]);
                request.Headers.RemoveAll(h => h.Key == parameter.Name);
                request.Headers.Add(KeyValuePair.Create(parameter.Name, printable));
                if (_random.Next(3) == 0)
                {
                    request.Headers.Add(KeyValuePair.Create(parameter.Name, "second"));
                }

                value = printable;
                break;
        }

        request.Mutation = $"{parameter.In.ToString().ToLowerInvariant()}: {parameter.Name} = {FuzzRequest.Excerpt(value, 60)}";
    }

    /// <summary>A real value that belongs to someone else: the other teacher's slot, student or booking, another student's booking, a dead or foreign token.</summary>
    private void ForeignValue(FuzzRequest request, ApiParameter parameter)
    {
        var students = request.Operation.PathTemplate.Contains("/students/", StringComparison.Ordinal);
        string? value = parameter.Name switch
        {
            "token" when RealisticValues.IsTeacherFeed(request) => _random.Next(2) == 0 ? _state.Tokens.Values.First() : _state.DeadFeedTokens[_random.Next(_state.DeadFeedTokens.Count)],
            "token" => _random.Next(2) == 0 ? _state.JamesStudentToken : _state.DeadTokens[_random.Next(_state.DeadTokens.Count)],
            "id" when students => _state.JamesStudents[_random.Next(_state.JamesStudents.Count)],
            "id" => _state.JamesSlots[_random.Next(_state.JamesSlots.Count)].ToString(),
            "bookingId" => _random.Next(2) == 0
                ? _state.JamesBookings[0].ToString()
                : _state.Bookings[_random.Next(_state.Bookings.Count)].BookingId.ToString(),
            _ => null,
        };
        if (value is null)
        {
            MutateParameter(request, parameter);
            return;
        }

        request.PathValues[parameter.Name] = value;
        request.Mutation = $"path: {parameter.Name} of someone else";
    }

    private void ExtraQuery(FuzzRequest request)
    {
        var name = _random.Next(2) == 0 ? "unknown" : request.Query.Count > 0 ? request.Query[0].Key : "from";
        var value = NastyValues.PickString(_random);
        request.Query.Add(KeyValuePair.Create(name, value));
        request.Mutation = $"query: extra {name} = {FuzzRequest.Excerpt(value, 40)}";
    }

    /// <summary>No credentials, a malformed Authorization header, or the other teacher's token.</summary>
    private void MutateCredentials(FuzzRequest request)
    {
        switch (_random.Next(3))
        {
            case 0:
                request.Bearer = null;
                request.Mutation = "no credentials";
                break;
            case 1:
                request.RawAuthorization = NastyValues.Authorizations[_random.Next(NastyValues.Authorizations.Length)];
                request.Mutation = "Authorization: " + FuzzRequest.Excerpt(request.RawAuthorization, 40);
                break;
            default:
                request.Bearer = _state.JamesBearer;
                request.Mutation = "the other teacher's token";
                break;
        }
    }

    private static void Send(FuzzRequest request, JsonNode body, string? literal, string mutation)
    {
        var json = Serialize(body);
        if (literal is not null)
        {
            json = json.Replace(JsonSerializer.Serialize(Placeholder), literal, StringComparison.Ordinal);
        }

        request.Body = Encoding.UTF8.GetBytes(json);
        request.Mutation = mutation;
    }

    private static string Serialize(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static List<string> AsStrings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.SelectMany(AsStrings)],
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => [value.GetValueKind() == JsonValueKind.True ? "true" : "false"],
        _ => [node.ToJsonString()],
    };
}
