using ClassBooking.Core.Model;

namespace ClassBooking.Core.Services;

/// <summary>The teacher's input for a one-off slot (create or update).</summary>
/// <param name="StartsAt">Start instant (any offset; stored as UTC).</param>
/// <param name="EndsAt">End instant.</param>
/// <param name="Capacity">Seats, 1 to <see cref="SlotRules.MaxCapacity"/>.</param>
/// <param name="Price">Optional price per seat, 0 or more.</param>
/// <param name="Note">Optional note, at most <see cref="SlotRules.MaxNoteLength"/> characters; shown to students who may book.</param>
public sealed record SlotDraft(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity = 1, decimal? Price = null, string? Note = null);

/// <summary>The rules every slot's own fields follow, whether one-off or from a series.</summary>
public static class SlotRules
{
    /// <summary>Most seats a slot may have.</summary>
    public const int MaxCapacity = 500;

    /// <summary>Longest note.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Shortest class.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);

    /// <summary>Longest class.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>How far ahead slots may be published.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(731);

    /// <summary>Checks capacity, price and note.</summary>
    public static void ValidateDetails(int capacity, decimal? price, string? note, List<ClassBookingError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (capacity is < 1 or > MaxCapacity)
        {
            errors.Add(ClassBookingError.Invalid("capacity", $"Capacity must be between 1 and {MaxCapacity}."));
        }

        if (price is < 0 or > 1_000_000)
        {
            errors.Add(ClassBookingError.Invalid("price", "The price must be between 0 and 1,000,000."));
        }

        ValidateText(note, "note", "The note", errors);
    }

    /// <summary>
    /// Checks a free text a teacher or student writes (a note, a reason): at most <see cref="MaxNoteLength"/>
    /// characters and no control characters but line breaks and tabs. Both databases then refuse the same input:
    /// PostgreSQL cannot store U+0000 at all, and the other control characters mean nothing in a note.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="field">The field to name in the error.</param>
    /// <param name="subject">How the message names the text, e.g. "The note".</param>
    /// <param name="errors">Where errors are added.</param>
    public static void ValidateText(string? text, string field, string subject, List<ClassBookingError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxNoteLength)
        {
            errors.Add(ClassBookingError.Invalid(field, $"{subject} is longer than {MaxNoteLength} characters."));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(ClassBookingError.Invalid(field, $"{subject} contains a control character; use plain text (line breaks and tabs are fine)."));
        }
    }

    /// <summary>A free text as stored: trimmed, or null when empty or blank.</summary>
    public static string? NormalizeText(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks a draft against the rules and the current time; empty when valid.</summary>
    public static List<ClassBookingError> Validate(SlotDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ClassBookingError>();
        ValidateRange(new TimeRange(draft.StartsAt, draft.EndsAt), now, errors);
        ValidateDetails(draft.Capacity, draft.Price, draft.Note, errors);
        return errors;
    }

    /// <summary>Checks that a range is a valid class time: end after start, sensible length, in the future, not too far ahead.</summary>
    public static void ValidateRange(TimeRange range, DateTimeOffset now, List<ClassBookingError> errors, string startField = "startsAt", string endField = "endsAt")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (range.End <= range.Start)
        {
            errors.Add(ClassBookingError.Invalid(endField, "The end must be after the start."));
        }
        else if (range.Duration < MinDuration || range.Duration > MaxDuration)
        {
            errors.Add(ClassBookingError.Invalid(endField, "A class lasts between 5 minutes and 24 hours."));
        }

        if (range.Start <= now)
        {
            errors.Add(ClassBookingError.Invalid(startField, "The start is in the past."));
        }
        else if (range.Start - now > MaxAhead)
        {
            errors.Add(ClassBookingError.Invalid(startField, "Slots can be published at most two years ahead."));
        }
    }

    /// <summary>The range with both ends converted to UTC.</summary>
    public static TimeRange ToUtc(DateTimeOffset start, DateTimeOffset end) => new(start.ToUniversalTime(), end.ToUniversalTime());
}
