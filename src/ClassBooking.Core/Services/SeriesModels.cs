using ClassBooking.Core.Model;
using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core.Services;

/// <summary>The teacher's input for a weekly series, in the teacher's local time.</summary>
/// <param name="Weekdays">Days of the week.</param>
/// <param name="LocalStartTime">Local start time.</param>
/// <param name="DurationMinutes">Length of each class in minutes.</param>
/// <param name="Weeks">Number of weeks (e.g. 2, 4, 8 or any from 1 to 52); give this or <paramref name="Until"/>.</param>
/// <param name="Until">Last local date (inclusive); give this or <paramref name="Weeks"/>.</param>
/// <param name="FirstDate">First local date; today in the teacher's zone when null.</param>
/// <param name="Capacity">Seats per class.</param>
/// <param name="Price">Optional price per seat.</param>
/// <param name="Note">Optional note for every class.</param>
public sealed record SeriesDraft(
    WeekdaySet Weekdays,
    TimeOnly LocalStartTime,
    int DurationMinutes,
    int? Weeks = null,
    DateOnly? Until = null,
    DateOnly? FirstDate = null,
    int Capacity = 1,
    decimal? Price = null,
    string? Note = null);

/// <summary>An occurrence that was not created, and why.</summary>
/// <param name="LocalDate">Its local date.</param>
/// <param name="Range">Its instants.</param>
/// <param name="Code"><see cref="ErrorCodes.Overlaps"/> or <see cref="ErrorCodes.SlotInPast"/>.</param>
/// <param name="Reason">The reason in words.</param>
/// <param name="Conflicts">What it overlaps, for <see cref="ErrorCodes.Overlaps"/>.</param>
public sealed record SkippedOccurrence(DateOnly LocalDate, TimeRange Range, string Code, string Reason, IReadOnlyList<SlotConflict> Conflicts);

/// <summary>What creating a series would do, computed without writing anything.</summary>
/// <param name="ToCreate">Occurrences that would be created.</param>
/// <param name="Skipped">Occurrences that would be skipped, with the reason (conflicts, past).</param>
public sealed record SeriesPreview(IReadOnlyList<Occurrence> ToCreate, IReadOnlyList<SkippedOccurrence> Skipped);

/// <summary>What creating a series did.</summary>
/// <param name="Series">The stored rule.</param>
/// <param name="Created">The slots created.</param>
/// <param name="Skipped">Occurrences not created, with the reason.</param>
public sealed record SeriesCreation(SlotSeries Series, IReadOnlyList<TimeSlot> Created, IReadOnlyList<SkippedOccurrence> Skipped);

/// <summary>Which occurrences an edit or delete of a series applies to.</summary>
public enum SeriesScope
{
    /// <summary>Only the chosen occurrence.</summary>
    ThisOccurrence = 0,

    /// <summary>The chosen occurrence and every later one.</summary>
    ThisAndFollowing = 1,

    /// <summary>Every occurrence that has not started yet.</summary>
    WholeSeries = 2,
}

/// <summary>Changes to a series; null leaves a value as it is.</summary>
/// <param name="Weekdays">New days of the week (not for a single occurrence).</param>
/// <param name="LocalStartTime">New local start time.</param>
/// <param name="DurationMinutes">New length in minutes.</param>
/// <param name="Until">New last local date (not for a single occurrence).</param>
/// <param name="Capacity">New seats per class.</param>
/// <param name="Price">New price.</param>
/// <param name="Note">New note.</param>
public sealed record SeriesEdit(
    WeekdaySet? Weekdays = null,
    TimeOnly? LocalStartTime = null,
    int? DurationMinutes = null,
    DateOnly? Until = null,
    int? Capacity = null,
    decimal? Price = null,
    string? Note = null);

/// <summary>An occurrence an edit or delete left as it was, and why (e.g. it has bookings).</summary>
/// <param name="SlotId">The slot kept.</param>
/// <param name="LocalDate">Its local date.</param>
/// <param name="Range">Its instants (unchanged).</param>
/// <param name="Code"><see cref="ErrorCodes.SlotHasBookings"/> or <see cref="ErrorCodes.Overlaps"/>.</param>
/// <param name="Reason">The reason in words.</param>
public sealed record KeptOccurrence(Guid SlotId, DateOnly? LocalDate, TimeRange Range, string Code, string Reason);

/// <summary>What an edit or delete of a series did.</summary>
/// <param name="SeriesId">The series now holding the edited occurrences (a new one when "this and following" split the series).</param>
/// <param name="Created">Occurrences created (e.g. for a weekday added).</param>
/// <param name="Updated">Occurrences changed in place.</param>
/// <param name="Removed">Occurrences withdrawn.</param>
/// <param name="CancelledBookings">Bookings cancelled, when the teacher asked for that.</param>
/// <param name="Kept">Occurrences left unchanged, with the reason.</param>
/// <param name="Skipped">New occurrences not created, with the reason.</param>
public sealed record SeriesChange(
    Guid SeriesId,
    IReadOnlyList<TimeSlot> Created,
    IReadOnlyList<TimeSlot> Updated,
    IReadOnlyList<Guid> Removed,
    IReadOnlyList<Booking> CancelledBookings,
    IReadOnlyList<KeptOccurrence> Kept,
    IReadOnlyList<SkippedOccurrence> Skipped);
