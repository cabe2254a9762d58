using System.Text.Json.Serialization;
using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;

namespace ClassBooking.AspNetCore.Http;

// Every DTO states the API's number rule itself (ApiJson's Strict) so the OpenAPI document, built with the host's
// JSON options, does not offer numbers as strings that the API refuses.

// Request bodies: every member optional in C#, so a missing one is reported by field rather than as a parse error;
// the defaults tell the OpenAPI document that none is required.

/// <summary>A one-off slot (create or update).</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record SlotRequest(DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null, int? Capacity = null, decimal? Price = null, string? Note = null);

/// <summary>A weekly series, or its preview.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record BulkCreateRequest(
    IReadOnlyList<Weekday>? Weekdays = null,
    string? LocalStartTime = null,
    int? DurationMinutes = null,
    int? Weeks = null,
    DateOnly? Until = null,
    DateOnly? FirstDate = null,
    int? Capacity = null,
    decimal? Price = null,
    string? Note = null,
    bool? Preview = null);

/// <summary>A booking request.</summary>
internal sealed record BookRequest(Guid? SlotId = null);

/// <summary>A day of the week as the API names it (the BCL's <see cref="DayOfWeek"/> carries no JSON names).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Weekday>))]
internal enum Weekday
{
    [JsonStringEnumMemberName("monday")]
    Monday = DayOfWeek.Monday,
    [JsonStringEnumMemberName("tuesday")]
    Tuesday = DayOfWeek.Tuesday,
    [JsonStringEnumMemberName("wednesday")]
    Wednesday = DayOfWeek.Wednesday,
    [JsonStringEnumMemberName("thursday")]
    Thursday = DayOfWeek.Thursday,
    [JsonStringEnumMemberName("friday")]
    Friday = DayOfWeek.Friday,
    [JsonStringEnumMemberName("saturday")]
    Saturday = DayOfWeek.Saturday,
    [JsonStringEnumMemberName("sunday")]
    Sunday = DayOfWeek.Sunday,
}

// Responses.

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record RangeResponse(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record ConflictResponse(int CandidateIndex, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ConflictKind WithKind, Guid? WithId, DateTimeOffset WithStartsAt, DateTimeOffset WithEndsAt, bool BufferOnly)
{
    public static ConflictResponse From(SlotConflict c) =>
        new(c.CandidateIndex, c.Candidate.Start, c.Candidate.End, c.WithKind, c.WithId, c.With.Start, c.With.End, c.BufferOnly);
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record TeacherBookingResponse(Guid Id, string StudentId, string StudentName, DateTimeOffset CreatedAt);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record SlotResponse(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int BookedCount, int SeatsLeft, decimal? Price, string? Note,
    Guid? SeriesId, IReadOnlyList<TeacherBookingResponse>? Bookings)
{
    public static SlotResponse From(TimeSlot s, IReadOnlyList<TeacherBookingResponse>? bookings = null) =>
        new(s.Id, s.StartsAt, s.EndsAt, s.Capacity, s.BookedCount, s.SeatsLeft, s.Price, s.Note, s.SeriesId, bookings);

    public static SlotResponse From(TeacherSlotView v) =>
        From(v.Slot, v.Bookings.Select(b => new TeacherBookingResponse(b.Booking.Id, b.Booking.StudentId, b.StudentName, b.Booking.CreatedAt)).ToList());
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record SlotDeletionResponse(Guid SlotId, int CancelledBookings);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record OccurrenceResponse(DateOnly LocalDate, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record SkippedResponse(DateOnly LocalDate, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Code, string Reason, IReadOnlyList<ConflictResponse> Conflicts)
{
    public static SkippedResponse From(SkippedOccurrence s) =>
        new(s.LocalDate, s.Range.Start, s.Range.End, s.Code, s.Reason, s.Conflicts.Select(ConflictResponse.From).ToList());
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record BulkPreviewResponse(IReadOnlyList<OccurrenceResponse> ToCreate, IReadOnlyList<SkippedResponse> Conflicts);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record BulkCreateResponse(Guid SeriesId, IReadOnlyList<SlotResponse> Created, IReadOnlyList<SkippedResponse> Skipped);

/// <summary>A student of the teacher. <c>Colour</c> is the text colour (kept for existing clients); the palette key, background and whether the teacher chose it follow.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record StudentResponse(
    string Id, string DisplayName, string? Email, string Colour, bool HasLink, DateTimeOffset? LinkCreatedAt, DateTimeOffset? LinkExpiresAt, bool LinkExpired,
    string ColourKey, string ColourBackground, bool ColourChosen);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record ShareLinkResponse(string Token, string Url, DateTimeOffset ExpiresAt);

/// <summary>A teacher's new calendar feed address, in both forms (shown once).</summary>
internal sealed record CalendarFeedResponse(string Url, string WebcalUrl, DateTimeOffset CreatedAt);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record TokenUsageResponse(string StudentId, int Uses, DateTimeOffset? LastUsedAt, int DistinctClients);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record AntiforgeryTokenResponse(string HeaderName, string RequestToken);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record CalendarTeacher(string DisplayName, string TimeZone);

/// <summary>
/// A slot as one student sees it. Unlike the other responses, its optional facts are left out rather than null, so an
/// unavailable slot carries nothing but its id, time and status; the defaults tell the OpenAPI document they are optional.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record CalendarSlot(
    Guid Id,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    StudentSlotStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SeatsLeft = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Capacity = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Price = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? BookingId = null)
{
    public static CalendarSlot From(StudentCalendarEntry e) =>
        new(e.SlotId, e.StartsAt, e.EndsAt, e.Status, e.SeatsLeft, e.Capacity, e.Price, e.Note, e.BookingId);
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record CalendarPolicy(int MinimumNoticeMinutes, int BookingHorizonMinutes, int CancellationWindowMinutes, int? MaxBookingsPerWeek);

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record CalendarResponse(CalendarTeacher Teacher, DateOnly WeekStart, string TimeZone, IReadOnlyList<CalendarSlot> Slots, CalendarPolicy Policy)
{
    public static CalendarResponse From(StudentCalendar c) =>
        new(new CalendarTeacher(c.TeacherName, c.TeacherTimeZone), c.WeekStart, c.TimeZone, c.Entries.Select(CalendarSlot.From).ToList(),
            new CalendarPolicy((int)c.Policy.MinimumNotice.TotalMinutes, (int)c.Policy.BookingHorizon.TotalMinutes, (int)c.Policy.CancellationWindow.TotalMinutes, c.Policy.MaxBookingsPerWeek));
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record BookingResponse(Guid Id, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt)
{
    public static BookingResponse From(Booking b) => new(b.Id, b.SlotId, b.StartsAt, b.EndsAt, b.Status, b.CreatedAt, b.CancelledAt);
}

[JsonNumberHandling(JsonNumberHandling.Strict)]
internal sealed record MyBookingsResponse(IReadOnlyList<BookingResponse> Upcoming, IReadOnlyList<BookingResponse> Past);
