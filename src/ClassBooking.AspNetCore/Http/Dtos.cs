using ClassBooking.Core.Model;
using ClassBooking.Core.Privacy;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;

namespace ClassBooking.AspNetCore.Http;

// Request bodies: every member optional in C#, so a missing one is reported by field rather than as a parse error.

/// <summary>A one-off slot (create or update).</summary>
internal sealed record SlotRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, decimal? Price, string? Note);

/// <summary>A weekly series, or its preview.</summary>
internal sealed record BulkCreateRequest(
    IReadOnlyList<DayOfWeek>? Weekdays,
    string? LocalStartTime,
    int? DurationMinutes,
    int? Weeks,
    DateOnly? Until,
    DateOnly? FirstDate,
    int? Capacity,
    decimal? Price,
    string? Note,
    bool? Preview);

/// <summary>A booking request.</summary>
internal sealed record BookRequest(Guid? SlotId);

// Responses.

internal sealed record RangeResponse(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

internal sealed record ConflictResponse(int CandidateIndex, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ConflictKind WithKind, Guid? WithId, DateTimeOffset WithStartsAt, DateTimeOffset WithEndsAt, bool BufferOnly)
{
    public static ConflictResponse From(SlotConflict c) =>
        new(c.CandidateIndex, c.Candidate.Start, c.Candidate.End, c.WithKind, c.WithId, c.With.Start, c.With.End, c.BufferOnly);
}

internal sealed record TeacherBookingResponse(Guid Id, string StudentId, string StudentName, DateTimeOffset CreatedAt);

internal sealed record SlotResponse(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int BookedCount, int SeatsLeft, decimal? Price, string? Note,
    Guid? SeriesId, IReadOnlyList<TeacherBookingResponse>? Bookings)
{
    public static SlotResponse From(TimeSlot s, IReadOnlyList<TeacherBookingResponse>? bookings = null) =>
        new(s.Id, s.StartsAt, s.EndsAt, s.Capacity, s.BookedCount, s.SeatsLeft, s.Price, s.Note, s.SeriesId, bookings);

    public static SlotResponse From(TeacherSlotView v) =>
        From(v.Slot, v.Bookings.Select(b => new TeacherBookingResponse(b.Booking.Id, b.Booking.StudentId, b.StudentName, b.Booking.CreatedAt)).ToList());
}

internal sealed record SlotDeletionResponse(Guid SlotId, int CancelledBookings);

internal sealed record OccurrenceResponse(DateOnly LocalDate, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

internal sealed record SkippedResponse(DateOnly LocalDate, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Code, string Reason, IReadOnlyList<ConflictResponse> Conflicts)
{
    public static SkippedResponse From(SkippedOccurrence s) =>
        new(s.LocalDate, s.Range.Start, s.Range.End, s.Code, s.Reason, s.Conflicts.Select(ConflictResponse.From).ToList());
}

internal sealed record BulkPreviewResponse(IReadOnlyList<OccurrenceResponse> ToCreate, IReadOnlyList<SkippedResponse> Conflicts);

internal sealed record BulkCreateResponse(Guid SeriesId, IReadOnlyList<SlotResponse> Created, IReadOnlyList<SkippedResponse> Skipped);

/// <summary>A student of the teacher. <c>Colour</c> is the text colour (kept for existing clients); the palette key, background and whether the teacher chose it follow.</summary>
internal sealed record StudentResponse(
    string Id, string DisplayName, string? Email, string Colour, bool HasLink, DateTimeOffset? LinkCreatedAt, DateTimeOffset? LinkExpiresAt, bool LinkExpired,
    string ColourKey, string ColourBackground, bool ColourChosen);

internal sealed record ShareLinkResponse(string Token, string Url, DateTimeOffset ExpiresAt);

internal sealed record TokenUsageResponse(string StudentId, int Uses, DateTimeOffset? LastUsedAt, int DistinctClients);

internal sealed record AntiforgeryTokenResponse(string HeaderName, string RequestToken);

internal sealed record CalendarTeacher(string DisplayName, string TimeZone);

internal sealed record CalendarSlot(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, StudentSlotStatus Status, int? SeatsLeft, int? Capacity, decimal? Price, string? Note, Guid? BookingId)
{
    public static CalendarSlot From(StudentCalendarEntry e) =>
        new(e.SlotId, e.StartsAt, e.EndsAt, e.Status, e.SeatsLeft, e.Capacity, e.Price, e.Note, e.BookingId);
}

internal sealed record CalendarPolicy(int MinimumNoticeMinutes, int BookingHorizonMinutes, int CancellationWindowMinutes, int? MaxBookingsPerWeek);

internal sealed record CalendarResponse(CalendarTeacher Teacher, DateOnly WeekStart, string TimeZone, IReadOnlyList<CalendarSlot> Slots, CalendarPolicy Policy)
{
    public static CalendarResponse From(StudentCalendar c) =>
        new(new CalendarTeacher(c.TeacherName, c.TeacherTimeZone), c.WeekStart, c.TimeZone, c.Entries.Select(CalendarSlot.From).ToList(),
            new CalendarPolicy((int)c.Policy.MinimumNotice.TotalMinutes, (int)c.Policy.BookingHorizon.TotalMinutes, (int)c.Policy.CancellationWindow.TotalMinutes, c.Policy.MaxBookingsPerWeek));
}

internal sealed record BookingResponse(Guid Id, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt)
{
    public static BookingResponse From(Booking b) => new(b.Id, b.SlotId, b.StartsAt, b.EndsAt, b.Status, b.CreatedAt, b.CancelledAt);
}

internal sealed record MyBookingsResponse(IReadOnlyList<BookingResponse> Upcoming, IReadOnlyList<BookingResponse> Past);
