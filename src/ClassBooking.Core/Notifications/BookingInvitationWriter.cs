using ClassBooking.Core.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Writes the iCalendar invitation (RFC 5545, with the iTIP methods of RFC 5546) of a booked class: one VEVENT,
/// sent with <c>METHOD:REQUEST</c> while the booking is confirmed and <c>METHOD:CANCEL</c> once it is cancelled;
/// and the calendar feeds students and teachers subscribe to (<see cref="WriteFeed"/>, <c>METHOD:PUBLISH</c>), whose
/// booked classes are written as their invitations are.
/// </summary>
/// <remarks>
/// <para>
/// The event carries the booking's UID (<see cref="BookingCalendarUid.For"/>), its <c>SEQUENCE</c>, a
/// <c>DTSTAMP</c>, the teacher as <c>ORGANIZER</c> and the student as <c>ATTENDEE</c> (already accepted: the
/// student booked the class, so no reply is asked for).
/// </para>
/// <para>
/// Times: <c>DTSTART</c> and <c>DTEND</c> are written in the recipient's IANA zone, with a <c>VTIMEZONE</c> that
/// carries the zone's STANDARD/DAYLIGHT rules so that a client without that zone still reads the right instant.
/// When the zone is missing, unknown, or always UTC, they are written in UTC (<c>Z</c>) and no VTIMEZONE is added.
/// A local time that occurs twice (clocks going back) is written in UTC instead: RFC 5545 reads it as its first
/// occurrence, but not every client does (ical.js takes the second). Instants are written to the second.
/// </para>
/// <para>
/// The VTIMEZONE is built by Ical.Net from the zone's rules in force from a year before the earlier of the class's
/// start and <c>DTSTAMP</c>; Ical.Net reads the rules up to the machine's clock, so that instant must not lie more
/// than a year ahead of the machine's clock (it does not when <c>DTSTAMP</c> is the time of writing).
/// </para>
/// </remarks>
public static class BookingInvitationWriter
{
    /// <summary>The <c>PRODID</c> of every calendar ClassBooking writes.</summary>
    public const string ProductId = "-//ClassBooking//ClassBooking.Core//EN";

    /// <summary>The <c>METHOD</c> of a feed.</summary>
    public const string FeedMethod = "PUBLISH";

    /// <summary>The media type a feed is served as.</summary>
    public const string FeedContentType = "text/calendar; charset=utf-8";

    /// <summary>How often a feed asks its subscribers to read it again (one hour).</summary>
    public static TimeSpan FeedRefreshInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>Writes the invitation of a booked class, stamped with the current time of <paramref name="timeProvider"/>.</summary>
    /// <param name="booked">The booked class.</param>
    /// <param name="recipientTimeZoneId">The IANA zone of the person who receives the invitation, or <see langword="null"/> for UTC.</param>
    /// <param name="timeProvider">The clock that gives <c>DTSTAMP</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="booked"/> cannot be written; the message says which value is wrong.</exception>
    public static CalendarInvitation Write(BookedClassEvent booked, string? recipientTimeZoneId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Write(booked, recipientTimeZoneId, timeProvider.GetUtcNow());
    }

    /// <summary>Writes the invitation of a booked class with a given <c>DTSTAMP</c>.</summary>
    /// <param name="booked">The booked class.</param>
    /// <param name="recipientTimeZoneId">The IANA zone of the person who receives the invitation, or <see langword="null"/> for UTC.</param>
    /// <param name="stampedAt">
    /// The <c>DTSTAMP</c>: when the message was created. Passing the time a notification was queued, rather than the
    /// time it is delivered, makes a retried delivery byte-for-byte the same message.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="booked"/> cannot be written; the message says which value is wrong.</exception>
    public static CalendarInvitation Write(BookedClassEvent booked, string? recipientTimeZoneId, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(booked);
        Validate(booked);

        var cancelled = booked.Status == CalendarEventStatus.Cancelled;
        var method = cancelled ? CalendarInvitation.CancelMethod : CalendarInvitation.RequestMethod;
        var zoneId = WrittenZoneOrNull(recipientTimeZoneId);
        var calendar = NewCalendar(method, zoneId, [booked.StartsAt], stampedAt);
        var calendarEvent = NewEvent(BookingCalendarUid.For(booked.BookingId), booked.Sequence, booked.StartsAt, booked.EndsAt, booked.Summary,
            booked.Description, cancelled ? EventStatus.Cancelled : EventStatus.Confirmed, zoneId, stampedAt);
        calendarEvent.Organizer = Organizer(booked.Organizer);
        calendarEvent.Url = booked.Url;
        calendarEvent.Attendees.Add(new Attendee(MailTo(booked.Attendee.Email))
        {
            CommonName = CommonName(booked.Attendee.Name),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.Accepted,
            Rsvp = false,
        });
        calendar.Events.Add(calendarEvent);
        return new CalendarInvitation(method, Serialize(calendar));
    }

    /// <summary>
    /// Writes a calendar feed for subscription (a <c>webcal://</c> or <c>https://</c> address a calendar client reads
    /// again and again): <c>METHOD:PUBLISH</c>, the calendar's name, a refresh interval of
    /// <see cref="FeedRefreshInterval"/> (<c>REFRESH-INTERVAL</c> and <c>X-PUBLISHED-TTL</c>), and one VEVENT per event,
    /// each stamped with <paramref name="stampedAt"/>.
    /// </summary>
    /// <remarks>
    /// Times, the VTIMEZONE and the organizer are written as in an invitation (see the remarks of this class), so a
    /// booked class reads the same in the feed as in its invitation. No event has an <c>ATTENDEE</c>: RFC 5546 allows
    /// none with PUBLISH, and the feed names a student only in the summary its subscriber may see.
    /// </remarks>
    /// <param name="feed">What the feed holds.</param>
    /// <param name="stampedAt">The <c>DTSTAMP</c> of every event: when the feed was written. Not after the machine's clock by more than a year.</param>
    /// <returns>The iCalendar text (CRLF line endings, folded lines), to be sent as <see cref="FeedContentType"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="feed"/> cannot be written; the message says which value is wrong.</exception>
    public static string WriteFeed(CalendarFeedContent feed, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Validate(feed);

        var zoneId = WrittenZoneOrNull(feed.TimeZoneId);
        var calendar = NewCalendar(FeedMethod, zoneId, feed.Events.Select(e => e.StartsAt), stampedAt);
        // RFC 7986 names the calendar and its refresh interval; Apple, Google and Outlook read the X- forms.
        calendar.AddProperty("NAME", feed.Name);
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        var interval = System.Xml.XmlConvert.ToString(FeedRefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", interval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", interval);

        foreach (var entry in feed.Events.OrderBy(e => e.StartsAt).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            var status = entry.Status switch
            {
                CalendarFeedEventStatus.Cancelled => EventStatus.Cancelled,
                CalendarFeedEventStatus.Tentative => EventStatus.Tentative,
                _ => EventStatus.Confirmed,
            };
            var calendarEvent = NewEvent(entry.Uid, entry.Sequence, entry.StartsAt, entry.EndsAt, entry.Summary, entry.Description, status, zoneId, stampedAt);
            calendarEvent.Organizer = feed.Organizer is { } organizer ? Organizer(organizer) : null;
            calendar.Events.Add(calendarEvent);
        }

        return Serialize(calendar);
    }

    private static Calendar NewCalendar(string method, string? zoneId, IEnumerable<DateTimeOffset> starts, DateTimeOffset stampedAt)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = method };
        if (zoneId is not null)
        {
            var earliest = starts.Select(ToSecond).Append(stampedAt).Min().UtcDateTime;
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, earliest, includeHistoricalData: false));
        }

        return calendar;
    }

    private static CalendarEvent NewEvent(
        string uid, int sequence, DateTimeOffset startsAt, DateTimeOffset endsAt, string summary, string? description, string status, string? zoneId, DateTimeOffset stampedAt) =>
        new()
        {
            Uid = uid,
            Sequence = sequence,
            DtStamp = new CalDateTime(ToSecond(stampedAt).UtcDateTime, CalDateTime.UtcTzId),
            DtStart = At(ToSecond(startsAt), zoneId),
            DtEnd = At(ToSecond(endsAt), zoneId),
            Summary = summary,
            Description = string.IsNullOrWhiteSpace(description) ? null : description,
            Status = status,
            Transparency = TransparencyType.Opaque,
        };

    private static Organizer Organizer(CalendarParticipant organizer) =>
        new(MailTo(organizer.Email)) { CommonName = CommonName(organizer.Name) };

    private static string Serialize(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net wrote no text for the calendar.");

    private static void Validate(BookedClassEvent booked)
    {
        if (booked.EndsAt <= booked.StartsAt)
        {
            throw new ArgumentException($"The class must end after it starts (starts {booked.StartsAt:O}, ends {booked.EndsAt:O}).", nameof(booked));
        }

        if (booked.Sequence < 0)
        {
            throw new ArgumentException($"The sequence must be 0 or more (got {booked.Sequence}).", nameof(booked));
        }

        if (string.IsNullOrWhiteSpace(booked.Summary))
        {
            throw new ArgumentException("The event needs a summary, e.g. \"Piano lesson with Maria Keller\".", nameof(booked));
        }

        if (booked.Url is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"The event's URL must be absolute (got '{booked.Url}').", nameof(booked));
        }

        var problem = ParticipantProblem(booked.Organizer, "organizer") ?? ParticipantProblem(booked.Attendee, "attendee");
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(booked));
        }
    }

    private static void Validate(CalendarFeedContent feed)
    {
        if (string.IsNullOrWhiteSpace(feed.Name))
        {
            throw new ArgumentException("The feed needs a name, e.g. \"Classes with Maria Keller\".", nameof(feed));
        }

        if (feed.Organizer is not null && ParticipantProblem(feed.Organizer, "organizer") is { } problem)
        {
            throw new ArgumentException(problem, nameof(feed));
        }

        ArgumentNullException.ThrowIfNull(feed.Events);
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Events)
        {
            if (string.IsNullOrWhiteSpace(entry.Uid) || !uids.Add(entry.Uid))
            {
                throw new ArgumentException($"Each event of a feed needs a UID of its own (got '{entry.Uid}').", nameof(feed));
            }

            if (entry.EndsAt <= entry.StartsAt)
            {
                throw new ArgumentException($"Event {entry.Uid} must end after it starts (starts {entry.StartsAt:O}, ends {entry.EndsAt:O}).", nameof(feed));
            }

            if (entry.Sequence < 0 || string.IsNullOrWhiteSpace(entry.Summary))
            {
                throw new ArgumentException($"Event {entry.Uid} needs a summary and a sequence of 0 or more.", nameof(feed));
            }
        }
    }

    private static string? ParticipantProblem(CalendarParticipant? participant, string role)
    {
        if (participant is null)
        {
            return $"The event needs an {role}.";
        }

        return CanWriteAddress(participant.Email) ? null : $"The {role}'s e-mail address must look like name@example.org (got '{participant.Email}').";
    }

    /// <summary>Whether <paramref name="email"/> can be written as a participant's <c>mailto:</c> address.</summary>
    internal static bool CanWriteAddress(string? email)
    {
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return email is not null && at > 0 && at < email.Length - 1 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    private static string? WrittenZoneOrNull(string? timeZoneId)
    {
        if (!LocalTimeConverter.IsKnownZone(timeZoneId))
        {
            return null;
        }

        var zone = LocalTimeConverter.GetZone(timeZoneId!);
        // A zone that never leaves UTC gains nothing from a VTIMEZONE, and UTC is read the same by every client.
        return zone.MinOffset == Offset.Zero && zone.MaxOffset == Offset.Zero ? null : zone.Id;
    }

    private static CalDateTime At(DateTimeOffset instant, string? zoneId)
    {
        if (zoneId is not null)
        {
            var local = LocalTimeConverter.ToLocal(instant, zoneId);
            // A local time of the repeated hour names two instants: RFC 5545 means the first, but ical.js reads the
            // second, so only an unambiguous local time is written with TZID.
            if (LocalTimeConverter.GetZone(zoneId).MapLocal(LocalDateTime.FromDateTime(local)).Count == 1)
            {
                return new CalDateTime(local, zoneId);
            }
        }

        return new CalDateTime(instant.UtcDateTime, CalDateTime.UtcTzId);
    }

    private static DateTimeOffset ToSecond(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string MailTo(string email) => "mailto:" + email;

    // A quoted parameter value cannot hold a double quote or a control character (RFC 5545 3.1), and a name from the
    // host's directory is not worth failing an invitation for: replace them.
    private static string CommonName(string? name) =>
        new((name ?? string.Empty).Trim().Select(c => c == '"' ? '\'' : char.IsControl(c) ? ' ' : c).ToArray());
}
