using System.ComponentModel;
using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ClassBooking.AspNetCore.Http;

/// <summary>The student's routes, authorized by the share token alone (resolved by the group's filter).</summary>
internal static class StudentEndpoints
{
    /// <summary>The header a client may send so a retried booking request never books twice.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // The token is read by the group's filter (ApiContext.RequireTokenAsync); the handlers name it so the document declares it.
    private const string TokenDescription = "The student's share token, from their private booking link.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/calendar", GetCalendar)
            .WithName("ClassBooking.GetStudentCalendar")
            .WithSummary("One week (Monday to Sunday) of the teacher's calendar as this student may see it: free slots and the student's own bookings; everything else only as unavailable.")
            .WithParameterSchema("weekOf", schema => (schema.Type, schema.Format) = (JsonSchemaType.String, "date"))
            .WithParameterSchema("timeZone", schema => (schema.Type, schema.MaxLength) = (JsonSchemaType.String, 64))
            .Produces<CalendarResponse>()
            .ProducesValidationProblem();

        group.MapPost("/book", Book)
            .WithName("ClassBooking.Book")
            .WithSummary("Books a seat. With an Idempotency-Key header a retry returns the first booking and never books twice.")
            .WithParameterSchema(IdempotencyKeyHeader, schema => (schema.Type, schema.MinLength, schema.MaxLength) = (JsonSchemaType.String, 1, BookingService.MaxIdempotencyKeyLength))
            .AcceptsJsonBody<BookRequest>()
            .Produces<BookingResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/cancel/{bookingId}", Cancel)
            .WithName("ClassBooking.CancelBooking")
            .WithSummary("Cancels the student's own booking, outside the teacher's cancellation window.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/my-bookings", MyBookings)
            .WithName("ClassBooking.GetMyBookings")
            .WithSummary("The student's own upcoming and past bookings.")
            .Produces<MyBookingsResponse>();
    }

    private static async Task<IResult> GetCalendar(
        [Description(TokenDescription)] string token,
        [FromQuery(Name = "weekOf"), Description("Any day of the week to show, as YYYY-MM-DD; default: this week.")] string? weekOfText,
        [FromQuery(Name = "timeZone"), Description("The IANA time zone to show the week in (e.g. Europe/London); default: the teacher's.")] string? timeZoneText,
        HttpContext context,
        [FromServices] StudentCalendarService calendars)
    {
        DateOnly? weekOf = null;
        if (weekOfText is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problems.Invalid("weekOf", "Use a date as YYYY-MM-DD (e.g. 2026-05-04).");
            }

            weekOf = day;
        }

        var zone = timeZoneText is { Length: > 0 } z ? z : null;
        if (zone is { Length: > 64 })
        {
            return Problems.Invalid("timeZone", "Use an IANA time zone id (e.g. Europe/London).");
        }

        var grant = ApiContext.Grant(context);
        var result = await calendars.GetWeekAsync(grant.TeacherId, grant.StudentId, weekOf, zone, context.RequestAborted);
        return result.Succeeded ? Results.Json(CalendarResponse.From(result.Value), ApiJson.Options) : Problems.From(result.Errors);
    }

    private static async Task<IResult> Book(
        [Description(TokenDescription)] string token,
        [FromHeader(Name = IdempotencyKeyHeader), Description("Any 1 to 100 printable characters, new for each booking: a retry with the same key returns the first booking and never books twice.")] string? idempotencyKey,
        HttpContext context,
        [FromServices] BookingService bookings,
        [FromServices] IOptions<ClassBookingHttpApiOptions> options)
    {
        var (body, error) = await ApiJson.ReadBodyAsync<BookRequest>(context, options.Value.MaxRequestBodySize);
        if (error is not null)
        {
            return error;
        }

        if (body!.SlotId is not { } slotId)
        {
            return Problems.Invalid("slotId", "Name the slot to book (its id).");
        }

        // The parameter declares the header for the document; the bound value hides an empty header (null) and joins
        // repeated ones, both of which get a 400 here, so the header itself is read.
        _ = idempotencyKey;
        string? key = null;
        if (context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var keys))
        {
            if (keys.Count != 1)
            {
                return Problems.Invalid("idempotencyKey", "Send one Idempotency-Key header.");
            }

            key = keys.ToString();
        }

        var grant = ApiContext.Grant(context);
        var result = await bookings.BookAsync(grant.TeacherId, grant.StudentId, slotId, ActorKind.Student, ApiContext.Origin(context), key, context.RequestAborted);
        return result.Succeeded
            ? Results.Json(BookingResponse.From(result.Value), ApiJson.Options, statusCode: StatusCodes.Status201Created)
            : Problems.From(result.Errors);
    }

    private static async Task<IResult> Cancel([Description(TokenDescription)] string token, string bookingId, HttpContext context, [FromServices] BookingService bookings)
    {
        if (!Guid.TryParse(bookingId, out var id))
        {
            return Problems.NotFound(ErrorCodes.BookingNotFound, "This booking does not exist.");
        }

        var grant = ApiContext.Grant(context);
        var result = await bookings.CancelAsync(grant.TeacherId, id, ActorKind.Student, grant.StudentId, null, ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded ? Results.NoContent() : Problems.From(result.Errors);
    }

    private static async Task<IResult> MyBookings([Description(TokenDescription)] string token, HttpContext context, [FromServices] BookingService bookings)
    {
        var grant = ApiContext.Grant(context);
        var mine = await bookings.GetStudentBookingsAsync(grant.TeacherId, grant.StudentId, cancellationToken: context.RequestAborted);
        return Results.Json(new MyBookingsResponse(mine.Upcoming.Select(BookingResponse.From).ToList(), mine.Past.Select(BookingResponse.From).ToList()), ApiJson.Options);
    }
}
