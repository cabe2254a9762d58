namespace ClassBooking.Core.Notifications;

/// <summary>An iCalendar invitation as written by <see cref="BookingInvitationWriter"/>: its text and its method.</summary>
/// <remarks>
/// RFC 6047 requires the MIME <c>method</c> parameter of a <c>text/calendar</c> part to equal the calendar's
/// <c>METHOD</c>; both come from <see cref="Method"/>, so an e-mail built from <see cref="ContentType"/> cannot
/// disagree with the text.
/// </remarks>
public sealed record CalendarInvitation
{
    /// <summary>The method of a new or updated booking's invitation.</summary>
    public const string RequestMethod = "REQUEST";

    /// <summary>The method of a cancelled booking's invitation.</summary>
    public const string CancelMethod = "CANCEL";

    internal CalendarInvitation(string method, string text)
    {
        Method = method;
        Text = text;
    }

    /// <summary>The calendar's <c>METHOD</c>: <see cref="RequestMethod"/> or <see cref="CancelMethod"/>.</summary>
    public string Method { get; }

    /// <summary>The iCalendar text (RFC 5545: CRLF line endings, lines folded at 75 octets).</summary>
    public string Text { get; }

    /// <summary>The MIME type of the part that carries <see cref="Text"/>, e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>.</summary>
    public string ContentType => $"text/calendar; method={Method}; charset=utf-8";
}
