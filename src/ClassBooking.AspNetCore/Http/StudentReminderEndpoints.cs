using System.ComponentModel;
using System.Text.Encodings.Web;
using ClassBooking.Core.Hosting;
using ClassBooking.Core.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ClassBooking.AspNetCore.Http;

/// <summary>
/// A student's reminder e-mails, authorized by the share token: the one-click stop of RFC 8058 that e-mails name
/// in <c>List-Unsubscribe</c>, a page for the same link opened in a browser, and turning reminders back on.
/// </summary>
internal static class StudentReminderEndpoints
{
    private const string TokenDescription = "The student's share token, from their private booking link.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reminders", Get)
            .WithName("ClassBooking.GetReminderSetting")
            .WithSummary("Whether the student stopped reminder e-mails from this teacher.")
            .Produces<ReminderSettingResponse>();

        group.MapPost("/reminders/stop", Stop)
            .WithName("ClassBooking.StopReminders")
            .WithSummary("Stops reminder e-mails from this teacher (RFC 8058 one-click: any body, e.g. List-Unsubscribe=One-Click, is ignored). A form posted from a browser that accepts text/html gets a page instead.")
            .Produces<ReminderSettingResponse>();

        group.MapDelete("/reminders/stop", Resume)
            .WithName("ClassBooking.ResumeReminders")
            .WithSummary("Turns reminder e-mails from this teacher back on.")
            .Produces<ReminderSettingResponse>();

        group.MapGet("/reminders/stop", Page)
            .WithName("ClassBooking.StopRemindersPage")
            .WithSummary("The page a student sees when opening the reminder e-mail's stop link: a button that stops reminders (a link opened by a mail scanner changes nothing).")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
    }

    private static async Task<IResult> Get([Description(TokenDescription)] string token, HttpContext context, [FromServices] NotificationPreferenceService preferences)
    {
        var grant = ApiContext.Grant(context);
        var stopped = await preferences.HasStoppedRemindersAsync(grant.TeacherId, grant.StudentId, context.RequestAborted);
        return Results.Json(new ReminderSettingResponse(stopped), ApiJson.Options);
    }

    private static Task<IResult> Stop([Description(TokenDescription)] string token, HttpContext context, [FromServices] NotificationPreferenceService preferences, [FromServices] ITeacherDirectory teachers) =>
        SetAsync(context, preferences, teachers, stop: true);

    private static Task<IResult> Resume([Description(TokenDescription)] string token, HttpContext context, [FromServices] NotificationPreferenceService preferences, [FromServices] ITeacherDirectory teachers) =>
        SetAsync(context, preferences, teachers, stop: false);

    private static async Task<IResult> SetAsync(HttpContext context, NotificationPreferenceService preferences, ITeacherDirectory teachers, bool stop)
    {
        var grant = ApiContext.Grant(context);
        var result = await preferences.SetRemindersStoppedAsync(grant.TeacherId, grant.StudentId, stop, ApiContext.Origin(context), context.RequestAborted);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        if (stop && context.Request.HasFormContentType && AcceptsHtml(context.Request))
        {
            var teacher = await teachers.FindTeacherAsync(grant.TeacherId, context.RequestAborted);
            return Html("Reminders stopped",
                $"<p>You will get no more reminder e-mails from {Encode(teacher?.DisplayName ?? "your teacher")}. Confirmations and changes of your bookings still reach you.</p>");
        }

        return Results.Json(new ReminderSettingResponse(result.Value), ApiJson.Options);
    }

    private static async Task<IResult> Page([Description(TokenDescription)] string token, HttpContext context, [FromServices] ITeacherDirectory teachers)
    {
        var grant = ApiContext.Grant(context);
        var teacher = await teachers.FindTeacherAsync(grant.TeacherId, context.RequestAborted);
        // The form posts to this same address; the page itself changes nothing, so a link checker's GET is harmless.
        return Html("Stop reminders",
            $"<p>Stop reminder e-mails before your classes with {Encode(teacher?.DisplayName ?? "your teacher")}?</p>"
            + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Stop reminders</button></form>");
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Html(string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}</style></head>"
        + $"<body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8");
}

/// <summary>Whether a student stopped reminder e-mails.</summary>
/// <param name="RemindersStopped">True once the student stopped them.</param>
internal sealed record ReminderSettingResponse(bool RemindersStopped);
