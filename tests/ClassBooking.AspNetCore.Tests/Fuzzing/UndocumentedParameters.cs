namespace ClassBooking.AspNetCore.Tests.Fuzzing;

/// <summary>
/// Parameters the API reads that the OpenAPI document does not declare yet (README, "HTTP API"). The fuzzer adds
/// each one only where the document lacks a parameter of that name, so once the document declares them its own
/// declarations are used.
/// </summary>
public static class UndocumentedParameters
{
    private static readonly ApiParameter From = Query("from", """{"type":"string","format":"date"}""");
    private static readonly ApiParameter To = Query("to", """{"type":"string","format":"date"}""");

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ApiParameter>> ByOperation = new Dictionary<string, IReadOnlyList<ApiParameter>>(StringComparer.Ordinal)
    {
        ["GET /api/timeslots"] = [From, To],
        ["GET /api/teacher/analytics/token-usage"] = [From, To],
        ["DELETE /api/timeslots/{id}"] = [Query("cancelBookings", """{"type":"boolean"}""")],
        ["GET /api/booking/{token}/calendar"] = [Query("weekOf", """{"type":"string","format":"date"}"""), Query("timeZone", """{"type":"string"}""")],
        ["POST /api/booking/{token}/book"] = [new ApiParameter("Idempotency-Key", ParameterLocation.Header, false, OpenApiModel.Schema("""{"type":"string"}"""))],
    };

    private static ApiParameter Query(string name, string schema) => new(name, ParameterLocation.Query, false, OpenApiModel.Schema(schema));
}
