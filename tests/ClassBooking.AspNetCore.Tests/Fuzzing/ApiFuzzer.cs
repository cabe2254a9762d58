using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>What one response broke, with the request that got it.</summary>
/// <remarks><paramref name="Details"/> holds the particulars that differ between failures of one rule (schema errors).</remarks>
public sealed record FuzzFailure(FuzzRequest Request, int Index, int Status, string Rule, string Response, IReadOnlyList<string> Details);

/// <summary>
/// Sends generated requests for every operation under /api, interleaved in a seeded order, checks each answer with
/// <see cref="ResponseChecker"/>, and reports every failure together.
/// </summary>
public sealed class ApiFuzzer
{
    /// <summary>Operations whose answer shapes this fuzzer checks: the library's API, not the host's own routes.</summary>
    public const string ApiPrefix = "/api/";

    private readonly OpenApiModel _model;
    private readonly FuzzState _state;
    private readonly ResponseChecker _checker;

    public ApiFuzzer(OpenApiModel model, FuzzState state)
    {
        _model = model;
        _state = state;
        _checker = new ResponseChecker(model);
    }

    public IReadOnlyList<ApiOperation> Operations => [.. _model.Operations.Where(o => o.PathTemplate.StartsWith(ApiPrefix, StringComparison.Ordinal))];

    /// <summary>
    /// <paramref name="perOperation"/> requests for each operation (40 % valid, 60 % with one mutation) and its
    /// boundary sweep, in an order and with content drawn from <paramref name="seed"/>. Returns every failure, and
    /// the count of answers by operation and status.
    /// </summary>
    public async Task<(List<FuzzFailure> Failures, SortedDictionary<string, SortedDictionary<int, int>> Statuses)> RunAsync(HttpClient client, int seed, int perOperation)
    {
        var random = new Random(seed);
        var generator = new RequestGenerator(_model, _state, random);
        var plan = new List<Func<FuzzRequest>>();
        foreach (var op in Operations)
        {
            plan.AddRange(Enumerable.Range(0, perOperation).Select(i => (Func<FuzzRequest>)(() => generator.Generate(op, mutate: i % 5 >= 2))));
            plan.AddRange(generator.BoundarySweep(op));
        }

        var order = plan.ToArray();
        random.Shuffle(order);

        var failures = new List<FuzzFailure>();
        var statuses = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        for (var index = 0; index < order.Length; index++)
        {
            var request = order[index]();
            using var message = request.ToMessage();
            var counts = statuses.TryGetValue(request.Operation.ToString(), out var c) ? c : statuses[request.Operation.ToString()] = [];
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
            {
                // The test host rethrows what escapes the app: as much a server fault as a 500.
                failures.Add(new FuzzFailure(request, index, 0, "no answer: " + ex.GetType().Name + ": " + ex.Message, "", []));
                counts[0] = counts.GetValueOrDefault(0) + 1;
                continue;
            }

            using var disposeResponse = response;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            counts[status] = counts.GetValueOrDefault(status) + 1;
            var text = Encoding.UTF8.GetString(bytes);
            var rules = _checker.Check(request.Operation, status, response.Content.Headers.ContentType, text, out var json);
            foreach (var (rule, details) in rules)
            {
                failures.Add(new FuzzFailure(request, index, status, rule, text, details));
            }

            _state.Harvest(request, response.StatusCode, json);
        }

        return (failures, statuses);
    }

    /// <summary>
    /// The failures grouped by operation, status and rule, each group with its count and up to
    /// <paramref name="examples"/> requests and answers, headed by the seed that reproduces the run.
    /// </summary>
    public static string Report(IReadOnlyList<FuzzFailure> failures, int seed, int requests, int examples = 2)
    {
        var text = new StringBuilder();
        var groups = failures.GroupBy(f => (Op: f.Request.Operation.ToString(), f.Status, f.Rule)).OrderBy(g => g.Key.Op, StringComparer.Ordinal).ThenBy(g => g.Key.Status).ToList();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} failed checks in {requests} requests, {groups.Count} distinct (operation, status, rule). ");
        text.Append(CultureInfo.InvariantCulture, $"Seed {seed} (set {FuzzSettings.SeedVariable} to another seed to explore; the request numbers below are positions in the run of this seed).\n");
        text.Append("The server's exception for each 5xx is in the test output, logged by the host as it happened.\n");
        foreach (var group in groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n● {group.Key.Op} → {group.Key.Status}: {group.Key.Rule}  (×{group.Count()})\n");
            foreach (var detail in group.SelectMany(f => f.Details).GroupBy(d => d, StringComparer.Ordinal).OrderByDescending(d => d.Count()).Take(12))
            {
                text.Append(CultureInfo.InvariantCulture, $"    - {detail.Key}  (×{detail.Count()})\n");
            }

            foreach (var f in group.Take(examples))
            {
                text.Append(CultureInfo.InvariantCulture, $"  #{f.Index} {f.Request.Describe()}\n      → {f.Status}: {FuzzRequest.Excerpt(f.Response, 300)}\n");
            }
        }

        return text.ToString();
    }
}

/// <summary>The fixed seed and size of a run.</summary>
public static class FuzzSettings
{
    public const int DefaultSeed = 20260408;
    public const string SeedVariable = "CLASSBOOKING_FUZZ_SEED";

    /// <summary>Requests per operation and database.</summary>
    public const int RequestsPerOperation = 60;

    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;
}
