using ClassBooking.Core.Scheduling;

namespace ClassBooking.Core;

/// <summary>An expected failure of a use case: what went wrong (<see cref="Code"/>), where (<see cref="Field"/>) and why, in words.</summary>
/// <param name="Code">Machine-readable code, one of <see cref="ErrorCodes"/>.</param>
/// <param name="Message">Plain-language explanation safe to show to the person who asked.</param>
/// <param name="Field">The input field that broke a rule, for validation errors (camelCase as in the HTTP API).</param>
public sealed record ClassBookingError(string Code, string Message, string? Field = null)
{
    /// <summary>Conflicts found, when <see cref="Code"/> is <see cref="ErrorCodes.Overlaps"/>.</summary>
    public IReadOnlyList<SlotConflict> Conflicts { get; init; } = [];

    /// <summary>Nearby free times of the same length, when <see cref="Code"/> is <see cref="ErrorCodes.Overlaps"/>.</summary>
    public IReadOnlyList<Model.TimeRange> Suggestions { get; init; } = [];

    /// <summary>How long to wait before trying again, when <see cref="Code"/> is <see cref="ErrorCodes.RateLimited"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A validation error on one field.</summary>
    public static ClassBookingError Invalid(string field, string message) => new(ErrorCodes.Validation, message, field);
}

/// <summary>The machine-readable codes of <see cref="ClassBookingError"/>.</summary>
public static class ErrorCodes
{
    /// <summary>An input broke a validation rule; <see cref="ClassBookingError.Field"/> names it.</summary>
    public const string Validation = "validation";
    /// <summary>The slot does not exist (or is not the teacher's).</summary>
    public const string SlotNotFound = "slot-not-found";
    /// <summary>The booking does not exist (or is not the caller's).</summary>
    public const string BookingNotFound = "booking-not-found";
    /// <summary>The notice does not exist (or is not the teacher's).</summary>
    public const string NoticeNotFound = "notice-not-found";
    /// <summary>The series does not exist (or is not the teacher's).</summary>
    public const string SeriesNotFound = "series-not-found";
    /// <summary>The blocked period does not exist (or is not the teacher's).</summary>
    public const string BlockNotFound = "block-not-found";
    /// <summary>The student is unknown to the teacher.</summary>
    public const string StudentNotFound = "student-not-found";
    /// <summary>The teacher is unknown to the host.</summary>
    public const string TeacherNotFound = "teacher-not-found";
    /// <summary>The share token is malformed, unknown, expired, revoked or replaced (deliberately one code for all).</summary>
    public const string InvalidToken = "invalid-token";
    /// <summary>Every seat of the slot is taken.</summary>
    public const string SlotFull = "slot-full";
    /// <summary>The student already holds a seat in the slot.</summary>
    public const string AlreadyBooked = "already-booked";
    /// <summary>The slot was cancelled by the teacher.</summary>
    public const string SlotCancelled = "slot-cancelled";
    /// <summary>The slot has started or is over.</summary>
    public const string SlotInPast = "slot-in-past";
    /// <summary>The slot starts sooner than the teacher's minimum notice.</summary>
    public const string TooLateToBook = "too-late-to-book";
    /// <summary>The slot is further ahead than the teacher's booking horizon.</summary>
    public const string OutsideHorizon = "outside-horizon";
    /// <summary>The student reached the weekly booking limit.</summary>
    public const string WeeklyLimitReached = "weekly-limit-reached";
    /// <summary>The class starts within the cancellation window.</summary>
    public const string TooLateToCancel = "too-late-to-cancel";
    /// <summary>The booking was already cancelled.</summary>
    public const string AlreadyCancelled = "already-cancelled";
    /// <summary>The time overlaps another slot or a blocked period (or its buffer).</summary>
    public const string Overlaps = "overlaps";
    /// <summary>The slot has confirmed bookings and the change would move or remove them.</summary>
    public const string SlotHasBookings = "slot-has-bookings";
    /// <summary>An idempotency key was sent again for a different request.</summary>
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    /// <summary>Too many failed attempts from this client; <see cref="ClassBookingError.RetryAfter"/> says when to retry.</summary>
    public const string RateLimited = "rate-limited";
    /// <summary>The record was changed by someone else in the meantime.</summary>
    public const string ConcurrentChange = "concurrent-change";
}

/// <summary>The outcome of a use case: a value, or the errors that stopped it (in which case nothing was written).</summary>
/// <typeparam name="T">The value's type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Result<T>.Success/Failure read better than a separate factory class.")]
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<ClassBookingError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>True when the use case succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The errors; empty on success.</summary>
    public IReadOnlyList<ClassBookingError> Errors { get; }

    /// <summary>The first error, or null on success.</summary>
    public ClassBookingError? Error => Errors.Count == 0 ? null : Errors[0];

    /// <summary>The value; throws when the result is a failure.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The operation failed: {Errors[0].Code}.");

    /// <summary>A success.</summary>
    public static Result<T> Success(T value) => new(value, []);

    /// <summary>A failure with one error.</summary>
    public static Result<T> Failure(ClassBookingError error) => new(default, [error]);

    /// <summary>A failure with several errors (at least one).</summary>
    public static Result<T> Failure(IReadOnlyList<ClassBookingError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }

    /// <summary>Lifts a value into a success.</summary>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Lifts an error into a failure.</summary>
    public static implicit operator Result<T>(ClassBookingError error) => Failure(error);

    /// <summary>The same failure, typed for another value type.</summary>
    public Result<TOther> Cast<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure can be re-typed.") : Result<TOther>.Failure(Errors);
}
