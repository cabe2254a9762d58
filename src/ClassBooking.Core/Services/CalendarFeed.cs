using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassBooking.Core.Notifications;

namespace ClassBooking.Core.Services;

/// <summary>
/// A calendar feed as read at one moment: what it holds, its version as an entity tag, and its iCalendar text,
/// written only when asked for (a client that already holds this version gets a 304 and nothing is written).
/// </summary>
public sealed class CalendarFeed
{
    // Part of every version: a release that writes feeds differently gives every feed a new one.
    private const string FormatVersion = "classbooking-feed-1";

    private readonly DateTimeOffset stampedAt;

    internal CalendarFeed(CalendarFeedContent content, DateTimeOffset stampedAt)
    {
        Content = content;
        this.stampedAt = stampedAt;
        ETag = VersionOf(content);
    }

    /// <summary>What the feed holds: its name, zone, organizer and events.</summary>
    public CalendarFeedContent Content { get; }

    /// <summary>
    /// The feed's version as a weak entity tag, e.g. <c>W/"q2x…"</c>: a hash of everything the feed says (each
    /// event's UID, times, sequence, status, summary and description, the calendar's name, zone and organizer),
    /// computed without writing the calendar. It changes when a booking is made, cancelled or moved, a slot or block
    /// changes, or a name changes. Weak, because two writings of the same version differ in their <c>DTSTAMP</c>.
    /// </summary>
    public string ETag { get; }

    /// <summary>The feed's iCalendar text (see <see cref="BookingInvitationWriter.WriteFeed"/>), stamped with the time it was read.</summary>
    public string Write() => BookingInvitationWriter.WriteFeed(Content, stampedAt);

    private static string VersionOf(CalendarFeedContent content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            // A separator no field holds, and a marker for null, so that no two contents run together alike.
            hash.AppendData(Encoding.UTF8.GetBytes(value is null ? "\u0000" : value + "\u001f"));
        }

        Add(FormatVersion);
        Add(content.Name);
        Add(content.TimeZoneId);
        Add(content.Organizer?.Name);
        Add(content.Organizer?.Email);
        foreach (var e in content.Events.OrderBy(e => e.Uid, StringComparer.Ordinal))
        {
            Add("\u001e" + e.Uid);
            Add(e.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
            Add(e.EndsAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
            Add(e.Sequence.ToString(CultureInfo.InvariantCulture));
            Add(e.Status.ToString());
            Add(e.Summary);
            Add(e.Description);
        }

        return $"W/\"{Base64Url.EncodeToString(hash.GetHashAndReset().AsSpan(0, 16))}\"";
    }
}
