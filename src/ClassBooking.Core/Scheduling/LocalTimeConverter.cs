using ClassBooking.Core.Model;
using NodaTime;
using NodaTime.TimeZones;

namespace ClassBooking.Core.Scheduling;

/// <summary>
/// Converts between a teacher's local wall-clock time (an IANA zone) and UTC instants.
/// </summary>
/// <remarks>
/// Two local times need a rule, and the rule is the same everywhere in ClassBooking:
/// <list type="bullet">
/// <item>A local time that does not exist (it falls in the gap when clocks go forward) moves forward by the length
/// of the gap: 02:30 on a night when 02:00 jumps to 03:00 becomes 03:30.</item>
/// <item>A local time that exists twice (clocks go back) takes the earlier offset, i.e. the first of the two
/// instants: 01:30 on a night when 02:00 falls back to 01:00 is the 01:30 before the change.</item>
/// </list>
/// This is NodaTime's lenient resolver; zone data comes from the TZDB copy inside NodaTime, so results do not
/// depend on the operating system's zone files.
/// </remarks>
public static class LocalTimeConverter
{
    private static readonly IDateTimeZoneProvider Zones = DateTimeZoneProviders.Tzdb;

    /// <summary>True when <paramref name="timeZoneId"/> is a known IANA zone id.</summary>
    public static bool IsKnownZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && Zones.GetZoneOrNull(timeZoneId) is not null;

    /// <summary>The NodaTime zone for an IANA id.</summary>
    /// <exception cref="ArgumentException">The id is unknown; validate with <see cref="IsKnownZone"/> first.</exception>
    public static DateTimeZone GetZone(string timeZoneId) =>
        Zones.GetZoneOrNull(timeZoneId) ?? throw new ArgumentException($"Unknown IANA time zone '{timeZoneId}'.", nameof(timeZoneId));

    /// <summary>The UTC instant of a local date and time in a zone, resolving gaps and overlaps as described on the class.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, string timeZoneId)
    {
        var local = new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, time.Millisecond);
        var zoned = GetZone(timeZoneId).ResolveLocal(local, Resolvers.LenientResolver);
        return zoned.ToDateTimeOffset().ToUniversalTime();
    }

    /// <summary>The local date and time of an instant in a zone.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string timeZoneId) =>
        Instant.FromDateTimeOffset(instant).InZone(GetZone(timeZoneId)).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The local date of an instant in a zone.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant, string timeZoneId) => DateOnly.FromDateTime(ToLocal(instant, timeZoneId));

    /// <summary>The offset from UTC of a zone at an instant.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant, string timeZoneId) =>
        GetZone(timeZoneId).GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan();

    /// <summary>The local week (Monday 00:00 to the next Monday 00:00) that contains an instant, as UTC instants.</summary>
    public static TimeRange WeekContaining(DateTimeOffset instant, string timeZoneId)
    {
        var date = ToLocalDate(instant, timeZoneId);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return new TimeRange(ToUtc(monday, TimeOnly.MinValue, timeZoneId), ToUtc(monday.AddDays(7), TimeOnly.MinValue, timeZoneId));
    }
}
