namespace ClassBooking.Core.Stores;

/// <summary>
/// ClassBooking's storage. Each use case runs as one unit of work: reads through <see cref="ReadAsync{T}"/>,
/// changes through <see cref="WriteAsync{T}"/>, which commits everything the work did or nothing at all.
/// </summary>
/// <remarks>
/// An implementation must enforce the invariants in the database, so they hold with many host instances:
/// one active booking per (slot, student); a slot's booked count never above its capacity; a teacher's open slots
/// never overlapping each other or a blocked period. Violations the database reports are returned as
/// <see cref="ClassBookingError"/>s (<see cref="ErrorCodes.AlreadyBooked"/>, <see cref="ErrorCodes.SlotFull"/>,
/// <see cref="ErrorCodes.Overlaps"/>, <see cref="ErrorCodes.ConcurrentChange"/>), never as exceptions.
/// Run the specification tests (ClassBooking.Specification.Tests) against any new implementation.
/// </remarks>
public interface IClassBookingStore
{
    /// <summary>Runs read-only work.</summary>
    Task<T> ReadAsync<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs work in one transaction holding <paramref name="writeLock"/>. When the work returns a success, the
    /// changes it made (added entities, and changes to entities it loaded through the session) are saved and
    /// committed; when it returns a failure or throws, nothing is written.
    /// </summary>
    Task<Result<T>> WriteAsync<T>(
        WriteLock writeLock,
        Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The database lock a write takes before it reads what it checks. Writes with the same lock run one after the
/// other across every host instance; the constraints of the database hold regardless.
/// </summary>
/// <param name="TeacherId">The teacher whose calendar is written.</param>
/// <param name="StudentId">For a booking: the student, so per-student limits are checked without a race.</param>
public readonly record struct WriteLock(string TeacherId, string? StudentId)
{
    /// <summary>Serializes changes to one teacher's slots, series, blocks, tokens and policy.</summary>
    public static WriteLock Teacher(string teacherId) => new(teacherId, null);

    /// <summary>Serializes one student's bookings with one teacher.</summary>
    public static WriteLock Student(string teacherId, string studentId) => new(teacherId, studentId);

    /// <summary>A stable key for the lock, used by stores that map it to a database lock.</summary>
    public string Key => StudentId is null ? $"teacher:{TeacherId}" : $"student:{TeacherId}:{StudentId}";
}
