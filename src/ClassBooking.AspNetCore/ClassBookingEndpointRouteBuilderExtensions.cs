using ClassBooking.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own MapX methods do.
namespace Microsoft.AspNetCore.Routing;
#pragma warning restore IDE0130

/// <summary>Maps ClassBooking's HTTP API.</summary>
public static class ClassBookingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the teacher routes (<c>/timeslots</c>, <c>/teacher/...</c>; the signed-in teacher from the host's
    /// <see cref="ClassBooking.AspNetCore.ICurrentTeacher"/>; cookie-authenticated changes need an antiforgery token
    /// in the header named by <c>AntiforgeryOptions.HeaderName</c>, "RequestVerificationToken" by default) and the
    /// student routes (<c>/booking/{token}/...</c>, authorized by the share token alone, rate limited per token and,
    /// for failed look-ups, per client address) and the calendar feeds (<c>/booking/{token}/calendar.ics</c> and
    /// <c>/calendar-feed/{token}/calendar.ics</c>, for calendar apps, limited alike) under <paramref name="prefix"/>. Returns the route group so the host
    /// can add conventions. Needs <c>AddClassBooking().AddHttpApi()</c> and, for the per-token limit,
    /// <c>app.UseRateLimiter()</c>. The routes describe themselves for the host's OpenAPI document; for the teacher
    /// routes' security requirements see <c>OpenApiOptions.AddClassBookingTransformers</c>.
    /// </summary>
    public static RouteGroupBuilder MapClassBooking(this IEndpointRouteBuilder endpoints, string prefix = "/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = endpoints.MapGroup(prefix).WithTags("ClassBooking");
        root.AddEndpointFilter(ApiContext.GuardAsync);
        // Any route may be asked to try again later (e.g. while the database's connections are all in use).
        root.ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithRetryAfterHeaders();

        var teacher = root.MapGroup(string.Empty);
        teacher.AddEndpointFilter(ApiContext.RequireTeacherAsync);
        teacher.AddEndpointFilter(ApiContext.RequireAntiforgeryAsync);
        teacher.WithMetadata(TeacherEndpointMetadata.Instance);
        teacher.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        TeacherEndpoints.Map(teacher);
        CalendarFeedEndpoints.MapTeacherRoutes(teacher);

        var student = root.MapGroup("/booking/{token}");
        student.RequireRateLimiting(ConfigureClassBookingRateLimiter.StudentPolicy);
        student.AddEndpointFilter(ApiContext.RequireTokenAsync);
        student.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        StudentEndpoints.Map(student);
        StudentReminderEndpoints.Map(student);

        // The feeds: read by calendar apps every hour or so, rate limited per token like the student routes. The
        // student's feed checks the share token as they do but records no use of the link.
        var studentFeed = root.MapGroup("/booking/{token}");
        studentFeed.RequireRateLimiting(ConfigureClassBookingRateLimiter.StudentPolicy);
        studentFeed.AddEndpointFilter(ApiContext.RequireFeedTokenAsync);
        studentFeed.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        CalendarFeedEndpoints.MapStudentFeed(studentFeed);

        var teacherFeed = root.MapGroup("/calendar-feed/{token}");
        teacherFeed.RequireRateLimiting(ConfigureClassBookingRateLimiter.StudentPolicy);
        teacherFeed.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        CalendarFeedEndpoints.MapTeacherFeed(teacherFeed);
        return root;
    }
}
