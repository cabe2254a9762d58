using System.Globalization;
using System.Text.Json.Nodes;

namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// Values a schema cannot express but the API's rules want (a slot in the future that ends after it starts, the id
/// of a slot that exists, the live token of a student and one of that student's bookings), by field or parameter
/// name. A valid request takes them most of the time, so that it reaches the services and the database.
/// </summary>
public sealed class RealisticValues(FuzzState state, Random random)
{
    private static readonly string[] TimeZones = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns"];

    private static DateTimeOffset Now => ApiAppFactory.Now;

    public bool TryGet(FuzzRequest request, string name, JsonObject? parent, out JsonNode? value)
    {
        value = name switch
        {
            "token" when IsTeacherFeed(request) => state.TeacherFeedToken ?? Pick(state.DeadFeedTokens),
            "token" => Pick(state.Tokens.Values.ToList()),
            "If-None-Match" => random.Next(3) == 0 ? "*" : $"W/\"{random.Next(0, 1000).ToString(CultureInfo.InvariantCulture)}\"",
            "id" when request.Operation.PathTemplate.Contains("/students/", StringComparison.Ordinal) => Pick(state.MariaStudents),
            "id" or "slotId" => Pick(state.MariaSlots).ToString(),
            "bookingId" => BookingFor(request).ToString(),
            "startsAt" => Instant(state.App.NextSlotStart().AddMinutes(15 * random.Next(0, 4))),
            "endsAt" => Instant(StartOf(parent).AddMinutes(15 * random.Next(2, 9))),
            "from" => random.Next(2) == 0 ? Date(Now.AddDays(random.Next(-10, 30))) : Instant(Now.AddDays(random.Next(-10, 30))),
            "to" => Date(StartOf(request).AddDays(random.Next(1, 60))),
            "weekOf" => Date(Now.AddDays(random.Next(-7, 56))),
            "timeZone" => Pick(TimeZones),
            "cancelBookings" => random.Next(2) == 0 ? "true" : "false",
            "Idempotency-Key" => "key-" + random.Next(0, 20).ToString(CultureInfo.InvariantCulture),
            "localStartTime" => $"{random.Next(6, 22):00}:{15 * random.Next(0, 4):00}",
            "durationMinutes" => 15 * random.Next(2, 9),
            "weeks" => random.Next(1, 7),
            "until" => Date(Now.AddDays(random.Next(7, 50))),
            "firstDate" => Date(Now.AddDays(random.Next(2, 20))),
            "capacity" => random.Next(1, 5),
            "price" => random.Next(0, 240) / 2m,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>The teacher's calendar feed carries a feed token, not a share token.</summary>
    public static bool IsTeacherFeed(FuzzRequest request) => request.Operation.PathTemplate.StartsWith("/api/calendar-feed/", StringComparison.Ordinal);

    /// <summary>Mostly a booking of the student whose token the request carries.</summary>
    private Guid BookingFor(FuzzRequest request)
    {
        var owner = state.Tokens.FirstOrDefault(t => t.Value == request.PathValues.GetValueOrDefault("token")).Key;
        var own = state.Bookings.Where(b => b.StudentId == owner).Select(b => b.BookingId).ToList();
        return own.Count > 0 && random.Next(4) > 0 ? Pick(own) : Pick(state.Bookings.Select(b => b.BookingId).ToList());
    }

    private DateTimeOffset StartOf(JsonObject? parent) =>
        parent?["startsAt"] is JsonValue v && v.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var start)
            ? start
            : state.App.NextSlotStart();

    private static DateTimeOffset StartOf(FuzzRequest request) =>
        request.Query.FirstOrDefault(q => q.Key == "from").Value is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
            ? from
            : Now;

    /// <summary>ISO 8601 with an offset: UTC as Z, or the same instant in Berlin summer time.</summary>
    private string Instant(DateTimeOffset value) =>
        random.Next(3) == 0
            ? value.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
