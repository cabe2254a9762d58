using System.ComponentModel;
using ClassBooking.Core;
using ClassBooking.Core.Notifications;
using ClassBooking.Core.Services;
using ClassBooking.Core.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClassBooking.AspNetCore.Http;

/// <summary>
/// The calendar feeds (read by calendar apps, which send no cookie: the token in the path is the only credential)
/// and the teacher's routes that make and revoke their feed address. Each parses, calls <see cref="CalendarFeedService"/>
/// and maps the result.
/// </summary>
internal static class CalendarFeedEndpoints
{
    private const string IfNoneMatchDescription =
        "Entity tags from an earlier answer's ETag header (or *): when one matches the feed's current version, the answer is 304 without a body.";

    /// <summary>The student's feed, in a group that resolves the share token (without recording a use).</summary>
    public static void MapStudentFeed(RouteGroupBuilder group) =>
        group.MapGet("/calendar.ics", GetStudentFeed)
            .WithName(CalendarFeedUrl.StudentFeedEndpointName)
            .WithSummary("The student's calendar feed (iCalendar, for webcal:// subscription): their confirmed classes still to come and, for 30 days after "
                + "cancellation, their cancelled ones as STATUS:CANCELLED; the same UIDs and sequences as their e-mailed invitations. ETag and If-None-Match give 304.")
            .WithFeedResponses();

    /// <summary>The teacher's feed, under its own secret token.</summary>
    public static void MapTeacherFeed(RouteGroupBuilder group) =>
        group.MapGet("/calendar.ics", GetTeacherFeed)
            .WithName(CalendarFeedUrl.TeacherFeedEndpointName)
            .WithSummary("The teacher's calendar feed (iCalendar, for webcal:// subscription), from 30 days ago to a year (or the booking horizon) ahead: "
                + "each booking named after its student, open slots nobody booked (\"Open: 2 seats\"), blocked periods. ETag and If-None-Match give 304.")
            .WithFeedResponses();

    /// <summary>The teacher's routes that make, replace and revoke their feed address.</summary>
    public static void MapTeacherRoutes(RouteGroupBuilder group)
    {
        group.MapPost("/teacher/calendar-feed", CreateFeed)
            .WithName("ClassBooking.CreateTeacherCalendarFeed")
            .WithSummary("Makes the teacher's secret calendar feed address, or a new one: an earlier address stops working at once. "
                + "The address is in this answer only (just its hash is kept).")
            .Produces<CalendarFeedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/teacher/calendar-feed", RevokeFeed)
            .WithName("ClassBooking.RevokeTeacherCalendarFeed")
            .WithSummary("Revokes the teacher's calendar feed address at once. 204 also when there was none: either way no address works afterwards.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static RouteHandlerBuilder WithFeedResponses(this RouteHandlerBuilder builder) =>
        builder
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .WithEntityTagHeaders();

    private static async Task<IResult> GetStudentFeed(
        [Description("The student's share token, from their private booking link.")] string token,
        [FromHeader(Name = "If-None-Match"), Description(IfNoneMatchDescription)] string? ifNoneMatch,
        HttpContext context,
        [FromServices] CalendarFeedService feeds)
    {
        var grant = ApiContext.Grant(context);
        var feed = await feeds.GetStudentFeedAsync(grant.TeacherId, grant.StudentId, context.RequestAborted);
        return feed.Succeeded ? Answer(context, feed.Value, ifNoneMatch) : Problems.From(feed.Errors);
    }

    private static async Task<IResult> GetTeacherFeed(
        [Description("The teacher's calendar feed token, from the address made by POST /teacher/calendar-feed.")] string token,
        [FromHeader(Name = "If-None-Match"), Description(IfNoneMatchDescription)] string? ifNoneMatch,
        HttpContext context,
        [FromServices] CalendarFeedService feeds)
    {
        // The URL holds the token: refusals too stay out of caches and referrers.
        TokenResponseHeaders.Apply(context.Response);
        var feed = await feeds.GetTeacherFeedAsync(token, ApiContext.Origin(context), context.RequestAborted);
        if (feed.Succeeded)
        {
            return Answer(context, feed.Value, ifNoneMatch);
        }

        // The feed's own words for a bad address (the student routes' 404 speaks of booking links).
        return feed.Errors[0] is { Code: ErrorCodes.InvalidToken } invalid ? Problems.NotFound(invalid.Code, invalid.Message) : Problems.From(feed.Errors);
    }

    private static async Task<IResult> CreateFeed(
        HttpContext context,
        [FromServices] CalendarFeedService feeds,
        [FromServices] LinkGenerator links,
        [FromServices] IOptions<ClassBookingHttpApiOptions> options)
    {
        var result = await feeds.CreateTeacherFeedAsync(ApiContext.TeacherId(context), ApiContext.Origin(context), context.RequestAborted);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var path = links.GetPathByName(CalendarFeedUrl.TeacherFeedEndpointName, new { token = result.Value.Token })
            ?? throw new InvalidOperationException("The teacher feed's endpoint is not mapped.");
        var url = CalendarFeedUrl.Build(ApiContext.PublicBaseUrl(context, options.Value), path);
        // The answer holds the secret: no cache keeps it.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new CalendarFeedResponse(url, CalendarFeedUrl.ToWebcal(url), result.Value.CreatedAt), ApiJson.Options);
    }

    private static async Task<IResult> RevokeFeed(HttpContext context, [FromServices] CalendarFeedService feeds)
    {
        var result = await feeds.RevokeTeacherFeedAsync(ApiContext.TeacherId(context), ApiContext.Origin(context), context.RequestAborted);
        return result.Succeeded ? Results.NoContent() : Problems.From(result.Errors);
    }

    /// <summary>304 when the client holds the current version, else the calendar; both with the version and the feed's headers.</summary>
    private static IResult Answer(HttpContext context, CalendarFeed feed, string? ifNoneMatch)
    {
        foreach (var (name, value) in CalendarFeedUrl.ResponseHeaders)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers.ETag = feed.ETag;
        return Holds(ifNoneMatch, feed.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Text(feed.Write(), BookingInvitationWriter.FeedContentType);
    }

    /// <summary>
    /// Whether If-None-Match names <paramref name="etag"/> (weak comparison, as RFC 9110 asks for If-None-Match) or is
    /// <c>*</c>. A header that does not parse names nothing, so the whole feed is sent.
    /// </summary>
    private static bool Holds(string? ifNoneMatch, string etag)
    {
        // Repeated headers arrive joined with commas, which is how a list of tags is written anyway.
        if (string.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
