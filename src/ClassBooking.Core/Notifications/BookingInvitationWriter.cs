using ClassBooking.Core.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace ClassBooking.Core.Notifications;

/// <summary>
/// Writes the iCalendar invitation (RFC 5545, with the iTIP methods of RFC 5546) of a booked class: one VEVENT,
/// sent with <c>METHOD:REQUEST</c> while the booking is confirmed and <c>METHOD:CANCEL</c> once it is cancelled.
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
        var startsAt = ToSecond(booked.StartsAt);
        var endsAt = ToSecond(booked.EndsAt);

        var calendar = new Calendar { ProductId = ProductId, Method = method };
        if (zoneId is not null)
        {
            var earliest = (startsAt < stampedAt ? startsAt : stampedAt).UtcDateTime;
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, earliest, includeHistoricalData: false));
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = BookingCalendarUid.For(booked.BookingId),
            Sequence = booked.Sequence,
            DtStamp = new CalDateTime(ToSecond(stampedAt).UtcDateTime, CalDateTime.UtcTzId),
            DtStart = At(startsAt, zoneId),
            DtEnd = At(endsAt, zoneId),
            Summary = booked.Summary,
            Description = string.IsNullOrWhiteSpace(booked.Description) ? null : booked.Description,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
            Organizer = new Organizer(MailTo(booked.Organizer.Email)) { CommonName = CommonName(booked.Organizer.Name) },
            Url = booked.Url,
        };
        calendarEvent.Attendees.Add(new Attendee(MailTo(booked.Attendee.Email))
        {
            CommonName = CommonName(booked.Attendee.Name),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.Accepted,
            Rsvp = false,
        });
        calendar.Events.Add(calendarEvent);

        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no text for the calendar.");
        return new CalendarInvitation(method, text);
    }

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

    private static string? ParticipantProblem(CalendarParticipant? participant, string role)
    {
        if (participant is null)
        {
            return $"The event needs an {role}.";
        }

        var email = participant.Email;
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return email is null || at <= 0 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"The {role}'s e-mail address must look like name@example.org (got '{email}')."
            : null;
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
