using System.ComponentModel;
using System.Globalization;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using ClassBooking.Core.Students;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ClassBooking.AspNetCore.Http;

/// <summary>The teacher's routes. Each parses its input, calls one core service and maps the result.</summary>
internal static class TeacherEndpoints
{
    private static readonly TimeSpan MaxListRange = TimeSpan.FromDays(93);

    // The calendar's ends are no dates a teacher asks about, and adding a range's length to them would overflow.
    private static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string RangeFormat = "An ISO 8601 date (2026-05-04, midnight UTC) or instant with an offset (2026-05-04T17:00:00Z), "
        + "from 1900-01-01 to before 9000-01-01; in a query string write Z rather than +00:00, as a + reads as a space.";

    private const string FromDescription = "Start of the range. " + RangeFormat;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/teacher/antiforgery-token", GetAntiforgeryToken)
            .WithName("ClassBooking.GetAntiforgeryToken")
            .WithSummary("Issues an antiforgery token for cookie-authenticated changes (send it in the named header).")
            .Produces<AntiforgeryTokenResponse>();

        group.MapPost("/timeslots", CreateSlot)
            .WithName("ClassBooking.CreateTimeSlot")
            .WithSummary("Publishes a one-off slot.")
            .AcceptsJsonBody<SlotRequest>()
            .Produces<SlotResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/timeslots", ListSlots)
            .WithName("ClassBooking.ListTimeSlots")
            .WithSummary("The teacher's open slots between from and to (ISO 8601), with each booking's student.")
            .WithParameterSchema("from", RangeSchema)
            .WithParameterSchema("to", RangeSchema)
            .Produces<IReadOnlyList<SlotResponse>>()
            .ProducesValidationProblem();

        group.MapPut("/timeslots/{id}", UpdateSlot)
            .WithName("ClassBooking.UpdateTimeSlot")
            .WithSummary("Changes a slot; a booked slot keeps its time.")
            .WithMetadata(new JsonBodyMetadata(typeof(SlotRequest)))
            .Produces<SlotResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapDelete("/timeslots/{id}", DeleteSlot)
            .WithName("ClassBooking.DeleteTimeSlot")
            .WithSummary("Withdraws a slot; a booked slot needs ?cancelBookings=true, which cancels its bookings.")
            .WithParameterSchema("cancelBookings", schema => schema.Type = JsonSchemaType.Boolean)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/timeslots/bulk-create", BulkCreate)
            .WithName("ClassBooking.BulkCreateTimeSlots")
            .WithSummary("Creates a weekly series (or, with preview: true, shows what it would create and skip, writing nothing).")
            .AcceptsJsonBody<BulkCreateRequest>()
            .Produces<BulkPreviewResponse>()
            .Produces<BulkCreateResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/teacher/students", ListStudents)
            .WithName("ClassBooking.ListStudents")
            .WithSummary("The teacher's students with the state of their link and their colour.")
            .Produces<IReadOnlyList<StudentResponse>>();

        group.MapPost("/teacher/students/{id}/share-link", CreateShareLink)
            .WithName("ClassBooking.CreateShareLink")
            .WithSummary("Issues a student's private booking link (an earlier link stops working).")
            .Produces<ShareLinkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/teacher/students/{id}/regenerate-token", RegenerateToken)
            .WithName("ClassBooking.RegenerateShareToken")
            .WithSummary("Replaces a student's link; the old token is rejected from this moment.")
            .Produces<ShareLinkResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/teacher/analytics/token-usage", TokenUsage)
            .WithName("ClassBooking.GetTokenUsage")
            .WithSummary("Per student: uses of their link between from and to, the last use, distinct clients.")
            .WithParameterSchema("from", RangeSchema)
            .WithParameterSchema("to", RangeSchema)
            .Produces<IReadOnlyList<TokenUsageResponse>>()
            .ProducesValidationProblem();
    }

    // Dates and instants both: no single JSON Schema format says that, so it is a string and the description says how.
    private static void RangeSchema(OpenApiSchema schema) => schema.Type = JsonSchemaType.String;

    private static IResult GetAntiforgeryToken(HttpContext context, [FromServices] IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Json(new AntiforgeryTokenResponse(tokens.HeaderName ?? "RequestVerificationToken", tokens.RequestToken ?? string.Empty), ApiJson.Options);
    }

    private static async Task<IResult> CreateSlot(HttpContext context, [FromServices] TimeSlotService slots, [FromServices] IOptions<ClassBookingHttpApiOptions> options)
    {
        var (body, error) = await ApiJson.ReadBodyAsync<SlotRequest>(context, options.Value.MaxRequestBodySize);
        if (error is not null)
        {
            return error;
        }

        if (ToDraft(body!) is not { } draft)
        {
            return MissingTimes(body!);
        }

        var result = await slots.CreateAsync(ApiContext.TeacherId(context), draft, ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded
            ? Results.Json(SlotResponse.From(result.Value), ApiJson.Options, statusCode: StatusCodes.Status201Created)
            : Problems.From(result.Errors);
    }

    private static async Task<IResult> ListSlots(
        HttpContext context,
        [FromQuery, Description(FromDescription + " Default: now.")] string? from,
        [FromQuery, Description("End of the range (exclusive), at most 93 days after from. " + RangeFormat + " Default: 7 days after from.")] string? to,
        [FromServices] TimeSlotService slots,
        [FromServices] TimeProvider time)
    {
        var read = ReadRange(from, to, time.GetUtcNow(), TimeSpan.FromDays(7));
        if (read.Error is not null)
        {
            return read.Error;
        }

        var views = await slots.GetTeacherViewAsync(ApiContext.TeacherId(context), read.Range!.Value, context.RequestAborted);
        return Results.Json(views.Select(SlotResponse.From).ToList(), ApiJson.Options);
    }

    private static async Task<IResult> UpdateSlot(string id, HttpContext context, [FromServices] TimeSlotService slots, [FromServices] IOptions<ClassBookingHttpApiOptions> options)
    {
        if (!Guid.TryParse(id, out var slotId))
        {
            return SlotNotFound();
        }

        var (body, error) = await ApiJson.ReadBodyAsync<SlotRequest>(context, options.Value.MaxRequestBodySize);
        if (error is not null)
        {
            return error;
        }

        if (ToDraft(body!) is not { } draft)
        {
            return MissingTimes(body!);
        }

        var result = await slots.UpdateAsync(ApiContext.TeacherId(context), slotId, draft, ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded ? Results.Json(SlotResponse.From(result.Value), ApiJson.Options) : Problems.From(result.Errors);
    }

    private static async Task<IResult> DeleteSlot(
        string id,
        [FromQuery(Name = "cancelBookings"), Description("true also cancels the slot's bookings (needed for a booked slot); default false.")] string? cancelBookingsText,
        HttpContext context,
        [FromServices] TimeSlotService slots)
    {
        if (!Guid.TryParse(id, out var slotId))
        {
            return SlotNotFound();
        }

        var cancelBookings = false;
        if (cancelBookingsText is not null && !bool.TryParse(cancelBookingsText, out cancelBookings))
        {
            return Problems.Invalid("cancelBookings", "Use true or false.");
        }

        var result = await slots.DeleteAsync(ApiContext.TeacherId(context), slotId, cancelBookings, ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded ? Results.NoContent() : Problems.From(result.Errors);
    }

    private static async Task<IResult> BulkCreate(HttpContext context, [FromServices] SlotSeriesService series, [FromServices] IOptions<ClassBookingHttpApiOptions> options)
    {
        var (body, error) = await ApiJson.ReadBodyAsync<BulkCreateRequest>(context, options.Value.MaxRequestBodySize);
        if (error is not null)
        {
            return error;
        }

        var b = body!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (b.Weekdays is not { Count: > 0 })
        {
            errors["weekdays"] = ["Name at least one weekday (e.g. [\"tuesday\"])."];
        }

        TimeOnly start = default;
        if (b.LocalStartTime is null || !TimeOnly.TryParseExact(b.LocalStartTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            errors["localStartTime"] = ["Give the local start time as HH:mm (e.g. \"17:00\")."];
        }

        if (b.DurationMinutes is null)
        {
            errors["durationMinutes"] = ["Give the length of each class in minutes."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var draft = new SeriesDraft(b.Weekdays!.Select(d => (DayOfWeek)d).ToWeekdaySet(), start, b.DurationMinutes!.Value, b.Weeks, b.Until, b.FirstDate, b.Capacity ?? 1, b.Price, b.Note);
        var teacherId = ApiContext.TeacherId(context);
        if (b.Preview == true)
        {
            var preview = await series.PreviewAsync(teacherId, draft, context.RequestAborted);
            return preview.Succeeded
                ? Results.Json(new BulkPreviewResponse(
                    preview.Value.ToCreate.Select(o => new OccurrenceResponse(o.LocalDate, o.Range.Start, o.Range.End)).ToList(),
                    preview.Value.Skipped.Select(SkippedResponse.From).ToList()), ApiJson.Options)
                : Problems.From(preview.Errors);
        }

        var created = await series.CreateAsync(teacherId, draft, ApiContext.Origin(context), context.RequestAborted);
        return created.Succeeded
            ? Results.Json(new BulkCreateResponse(created.Value.Series.Id,
                created.Value.Created.Select(s => SlotResponse.From(s)).ToList(),
                created.Value.Skipped.Select(SkippedResponse.From).ToList()), ApiJson.Options, statusCode: StatusCodes.Status201Created)
            : Problems.From(created.Errors);
    }

    private static async Task<IResult> ListStudents(HttpContext context, [FromServices] ShareTokenService tokens, [FromServices] StudentColorService colors)
    {
        var teacherId = ApiContext.TeacherId(context);
        var statuses = await tokens.GetLinkStatusesAsync(teacherId, context.RequestAborted);
        var chosen = await colors.GetColorsAsync(teacherId, context.RequestAborted);
        return Results.Json(statuses.Select(s =>
        {
            var colour = chosen.TryGetValue(s.Student.Id, out var c) ? c.Color : StudentColors.DefaultFor(s.Student.Id);
            return new StudentResponse(s.Student.Id, s.Student.DisplayName, s.Student.Email,
                colour.Pair.Text, s.HasLink, s.CreatedAt, s.ExpiresAt, s.IsExpired, colour.Key, colour.Pair.Background, c?.IsChosen ?? false);
        }).ToList(), ApiJson.Options);
    }

    private static Task<IResult> CreateShareLink(string id, HttpContext context, [FromServices] ShareTokenService tokens, [FromServices] ITeacherDirectory teachers, [FromServices] IOptions<ClassBookingHttpApiOptions> options) =>
        IssueLink(context, teachers, options.Value, StatusCodes.Status201Created,
            teacherId => tokens.IssueAsync(teacherId, id, ApiContext.Origin(context), context.RequestAborted));

    private static Task<IResult> RegenerateToken(string id, HttpContext context, [FromServices] ShareTokenService tokens, [FromServices] ITeacherDirectory teachers, [FromServices] IOptions<ClassBookingHttpApiOptions> options) =>
        IssueLink(context, teachers, options.Value, StatusCodes.Status200OK,
            teacherId => tokens.RegenerateAsync(teacherId, id, ApiContext.Origin(context), context.RequestAborted));

    private static async Task<IResult> TokenUsage(
        HttpContext context,
        [FromQuery, Description(FromDescription + " Default: 30 days ago.")] string? from,
        [FromQuery, Description("End of the range (exclusive), at most 93 days after from. " + RangeFormat + " Default: 31 days after from.")] string? to,
        [FromServices] ShareTokenService tokens,
        [FromServices] TimeProvider time)
    {
        var now = time.GetUtcNow();
        var read = ReadRange(from, to, now.AddDays(-30), TimeSpan.FromDays(31));
        if (read.Error is not null)
        {
            return read.Error;
        }

        var usage = await tokens.GetUsageAsync(ApiContext.TeacherId(context), read.Range!.Value, context.RequestAborted);
        return Results.Json(usage.Select(u => new TokenUsageResponse(u.StudentId, u.Uses, u.LastUsedAt, u.DistinctClients)).ToList(), ApiJson.Options);
    }

    private static async Task<IResult> IssueLink(HttpContext context, ITeacherDirectory teachers, ClassBookingHttpApiOptions options, int status, Func<string, Task<ClassBooking.Core.Result<IssuedShareToken>>> issue)
    {
        var teacherId = ApiContext.TeacherId(context);
        var result = await issue(teacherId);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var teacher = await teachers.FindTeacherAsync(teacherId, context.RequestAborted);
        var url = ShareLinkUrl.Build(ApiContext.PublicBaseUrl(context, options), teacher?.DisplayName, result.Value.Token);
        return Results.Json(new ShareLinkResponse(result.Value.Token, url, result.Value.ExpiresAt), ApiJson.Options, statusCode: status);
    }

    private static SlotDraft? ToDraft(SlotRequest r) =>
        r.StartsAt is { } start && r.EndsAt is { } end ? new SlotDraft(start, end, r.Capacity ?? 1, r.Price, r.Note) : null;

    private static IResult MissingTimes(SlotRequest r)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (r.StartsAt is null)
        {
            errors["startsAt"] = ["The start is required (ISO 8601 with an offset, e.g. 2026-05-04T17:00:00+02:00)."];
        }

        if (r.EndsAt is null)
        {
            errors["endsAt"] = ["The end is required (ISO 8601 with an offset)."];
        }

        return Problems.Validation(errors);
    }

    private static IResult SlotNotFound() => Problems.NotFound(ClassBooking.Core.ErrorCodes.SlotNotFound, "This slot does not exist.");

    /// <summary>Reads ?from&amp;to (ISO 8601 instants or dates, UTC for dates); defaults from <paramref name="defaultFrom"/> for <paramref name="defaultLength"/>.</summary>
    private static (TimeRange? Range, IResult? Error) ReadRange(string? fromText, string? toText, DateTimeOffset defaultFrom, TimeSpan defaultLength)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = ParseInstant(fromText, "from", errors) ?? defaultFrom;
        if (errors.Count > 0)
        {
            // Without a valid start there is no default end to compute.
            ParseInstant(toText, "to", errors);
            return (null, Problems.Validation(errors));
        }

        var to = ParseInstant(toText, "to", errors) ?? from + defaultLength;
        if (errors.Count == 0 && to <= from)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }
        else if (errors.Count == 0 && to - from > MaxListRange)
        {
            errors["to"] = ["Ask for at most 93 days at a time."];
        }

        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (new TimeRange(from, to), null);
    }

    private static DateTimeOffset? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        DateTimeOffset? value = null;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        else if (text.Length <= 40 && text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            value = instant;
        }

        if (value is null)
        {
            errors[field] = ["Use an ISO 8601 date (2026-05-04) or instant (2026-05-04T17:00:00Z)."];
        }
        else if (value < EarliestInstant || value >= LatestInstant)
        {
            errors[field] = ["Use a date from 1900-01-01 to before 9000-01-01."];
            value = null;
        }

        return value;
    }
}
