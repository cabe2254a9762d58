using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClassBooking.AspNetCore.Http;

/// <summary>The student's routes, authorized by the share token alone (resolved by the group's filter).</summary>
internal static class StudentEndpoints
{
    /// <summary>The header a client may send so a retried booking request never books twice.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/calendar", GetCalendar)
            .WithName("ClassBooking.GetStudentCalendar")
            .WithSummary("One week (Monday to Sunday) of the teacher's calendar as this student may see it: free slots and the student's own bookings; everything else only as unavailable.")
            .Produces<CalendarResponse>()
            .ProducesValidationProblem();

        group.MapPost("/book", Book)
            .WithName("ClassBooking.Book")
            .WithSummary("Books a seat. With an Idempotency-Key header a retry returns the first booking and never books twice.")
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

    private static async Task<IResult> GetCalendar(HttpContext context, [FromServices] StudentCalendarService calendars)
    {
        DateOnly? weekOf = null;
        if (context.Request.Query.TryGetValue("weekOf", out var raw) && raw.ToString() is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problems.Invalid("weekOf", "Use a date as YYYY-MM-DD (e.g. 2026-05-04).");
            }

            weekOf = day;
        }

        var zone = context.Request.Query["timeZone"].ToString() is { Length: > 0 } z ? z : null;
        if (zone is { Length: > 64 })
        {
            return Problems.Invalid("timeZone", "Use an IANA time zone id (e.g. Europe/London).");
        }

        var grant = ApiContext.Grant(context);
        var result = await calendars.GetWeekAsync(grant.TeacherId, grant.StudentId, weekOf, zone, context.RequestAborted);
        return result.Succeeded ? Results.Json(CalendarResponse.From(result.Value), ApiJson.Options) : Problems.From(result.Errors);
    }

    private static async Task<IResult> Book(HttpContext context, [FromServices] BookingService bookings, [FromServices] IOptions<ClassBookingHttpApiOptions> options)
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

    private static async Task<IResult> Cancel(string bookingId, HttpContext context, [FromServices] BookingService bookings)
    {
        if (!Guid.TryParse(bookingId, out var id))
        {
            return Problems.NotFound(ErrorCodes.BookingNotFound, "This booking does not exist.");
        }

        var grant = ApiContext.Grant(context);
        var result = await bookings.CancelAsync(grant.TeacherId, id, ActorKind.Student, grant.StudentId, null, ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded ? Results.NoContent() : Problems.From(result.Errors);
    }

    private static async Task<IResult> MyBookings(HttpContext context, [FromServices] BookingService bookings)
    {
        var grant = ApiContext.Grant(context);
        var mine = await bookings.GetStudentBookingsAsync(grant.TeacherId, grant.StudentId, cancellationToken: context.RequestAborted);
        return Results.Json(new MyBookingsResponse(mine.Upcoming.Select(BookingResponse.From).ToList(), mine.Past.Select(BookingResponse.From).ToList()), ApiJson.Options);
    }
}
