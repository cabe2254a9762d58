using System.Net;
using System.Text.Json;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// The real data requests are fed from, so that valid requests get past the look-ups into the services: both demo
/// teachers' bearer tokens, slots, students, share tokens and bookings. Grown from the answers as the run goes
/// (a created slot joins the pool, a regenerated link replaces its token, the old one is kept as a dead token).
/// </summary>
public sealed class FuzzState
{
    private FuzzState(ApiAppFactory app, string mariaBearer, string jamesBearer)
    {
        App = app;
        MariaBearer = mariaBearer;
        JamesBearer = jamesBearer;
    }

    public ApiAppFactory App { get; }

    public string MariaBearer { get; }

    public string JamesBearer { get; }

    public List<Guid> MariaSlots { get; } = [];

    public List<Guid> JamesSlots { get; } = [];

    public List<string> MariaStudents { get; } = [];

    public List<string> JamesStudents { get; } = [];

    /// <summary>Live share tokens of Maria's students, by student id.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>A live token of one of James's students (valid, but for the other teacher).</summary>
    public string JamesStudentToken { get; private set; } = "";

    /// <summary>Tokens that worked once and were replaced.</summary>
    public List<string> DeadTokens { get; } = [];

    /// <summary>Maria's live calendar feed token (replaced by a new address, emptied by a revocation).</summary>
    public string? TeacherFeedToken { get; private set; }

    /// <summary>Calendar feed tokens that worked once.</summary>
    public List<string> DeadFeedTokens { get; } = [];

    /// <summary>Bookings made with Maria's students' tokens.</summary>
    public List<(string StudentId, Guid BookingId)> Bookings { get; } = [];

    public List<Guid> JamesBookings { get; } = [];

    /// <summary>Signs both teachers in, makes slots, links and bookings; every step must succeed.</summary>
    public static async Task<FuzzState> CreateAsync(ApiAppFactory app)
    {
        var state = new FuzzState(app, await app.BearerTokenAsync(Api.Maria), await app.BearerTokenAsync(Api.James));
        using var maria = await app.TeacherAsync(Api.Maria);
        using var james = await app.TeacherAsync(Api.James);
        using var student = app.CreateClient();

        state.MariaStudents.AddRange((await maria.StudentsAsync()).Select(s => s.GetProperty("id").GetString()!));
        state.JamesStudents.AddRange((await james.StudentsAsync()).Select(s => s.GetProperty("id").GetString()!));
        foreach (var id in state.MariaStudents.Take(3))
        {
            state.Tokens[id] = await maria.ShareTokenAsync(id);
        }

        state.JamesStudentToken = await james.ShareTokenAsync(state.JamesStudents[0]);
        var dead = state.MariaStudents[^1];
        state.DeadTokens.Add(await maria.ShareTokenAsync(dead));
        state.Tokens[dead] = await maria.ShareTokenAsync(dead);

        for (var i = 0; i < 8; i++)
        {
            state.MariaSlots.Add(await maria.CreateSlotAsync(app.NextSlotStart(), minutes: 60, capacity: 1 + (i % 3), note: $"Lesson {i + 1}"));
        }

        for (var i = 0; i < 3; i++)
        {
            state.JamesSlots.Add(await james.CreateSlotAsync(app.NextSlotStart(), capacity: 2));
        }

        var tokens = state.Tokens.ToList();
        for (var i = 0; i < 4; i++)
        {
            var (studentId, token) = tokens[i % tokens.Count];
            state.Bookings.Add((studentId, await student.BookOkAsync(token, state.MariaSlots[i])));
        }

        state.JamesBookings.Add(await student.BookOkAsync(state.JamesStudentToken, state.JamesSlots[0]));
        state.TeacherFeedToken = await maria.CalendarFeedTokenAsync();
        state.DeadFeedTokens.Add(await james.CalendarFeedTokenAsync()); // valid, but for the other teacher
        return state;
    }

    /// <summary>Takes what a successful answer created into the pools.</summary>
    public void Harvest(FuzzRequest request, HttpStatusCode status, JsonElement? body)
    {
        var op = request.Operation;
        var teacherIsMaria = request.Bearer == MariaBearer;
        if (teacherIsMaria && status == HttpStatusCode.NoContent && (op.Method, op.PathTemplate) == ("DELETE", "/api/teacher/calendar-feed"))
        {
            ReplaceFeedToken(null);
            return;
        }

        if ((int)status is < 200 or > 299 || body is not { ValueKind: JsonValueKind.Object } json)
        {
            return;
        }

        switch (op.Method, op.PathTemplate)
        {
            case ("POST", "/api/timeslots") when json.TryGetProperty("id", out var id) && id.TryGetGuid(out var slot):
                (teacherIsMaria ? MariaSlots : JamesSlots).Add(slot);
                break;
            case ("POST", "/api/timeslots/bulk-create") when json.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Array:
                foreach (var s in created.EnumerateArray())
                {
                    if (s.TryGetProperty("id", out var sid) && sid.TryGetGuid(out var g))
                    {
                        (teacherIsMaria ? MariaSlots : JamesSlots).Add(g);
                    }
                }

                break;
            case ("POST", "/api/booking/{token}/book") when json.TryGetProperty("id", out var bid) && bid.TryGetGuid(out var booking):
                var owner = Tokens.FirstOrDefault(t => t.Value == request.PathValues.GetValueOrDefault("token")).Key;
                if (owner is not null && !Bookings.Contains((owner, booking)))
                {
                    Bookings.Add((owner, booking));
                }

                break;
            case ("POST", "/api/teacher/calendar-feed") when teacherIsMaria && json.TryGetProperty("url", out var url) && url.GetString() is { } address:
                ReplaceFeedToken(Api.FeedToken(address));
                break;
            case ("POST", "/api/teacher/students/{id}/share-link") or ("PUT", "/api/teacher/students/{id}/regenerate-token")
                when teacherIsMaria && json.TryGetProperty("token", out var t) && t.GetString() is { } token
                && request.PathValues.GetValueOrDefault("id") is { } studentId:
                if (Tokens.TryGetValue(studentId, out var old))
                {
                    DeadTokens.Add(old);
                }

                Tokens[studentId] = token;
                break;
        }
    }

    private void ReplaceFeedToken(string? token)
    {
        if (TeacherFeedToken is not null)
        {
            DeadFeedTokens.Add(TeacherFeedToken);
        }

        TeacherFeedToken = token;
    }
}
