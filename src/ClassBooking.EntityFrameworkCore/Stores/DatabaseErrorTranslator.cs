using ClassBooking.Core;
using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClassBooking.EntityFrameworkCore.Stores;

/// <summary>
/// Turns the database's refusals of ClassBooking's invariants into <see cref="ClassBookingError"/>s. Anything else
/// (a bug, a lost connection) is not translated and propagates as an exception.
/// </summary>
internal static class DatabaseErrorTranslator
{
    // SQLite result codes (https://www.sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // SQLite extended result codes.
    private const int SqliteConstraintCheck = 275;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintTrigger = 1811;
    private const int SqliteConstraintUnique = 2067;

    public static ClassBookingError? Translate(Exception exception, StoreNames names)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return ConcurrentChange();
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException postgres:
                    return FromPostgres(postgres, names);
                case SqliteException sqlite:
                    return FromSqlite(sqlite, names);
            }
        }

        return null;
    }

    /// <summary>
    /// A SQLite database that stayed busy (locked by another connection) past the busy timeout, as a
    /// <see cref="TimeoutException"/> holding the original: Microsoft.Data.Sqlite does not mark SQLITE_BUSY or
    /// SQLITE_LOCKED as <see cref="System.Data.Common.DbException.IsTransient"/>, so without this
    /// <see cref="Core.Stores.TransientDatabaseFailure"/> could not tell a busy file from a bug. Null for anything else.
    /// </summary>
    public static TimeoutException? Busy(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return new TimeoutException("The SQLite database stayed locked by another connection past its busy timeout; nothing was written.", exception);
            }
        }

        return null;
    }

    private static ClassBookingError? FromPostgres(PostgresException e, StoreNames names)
    {
        var constraint = e.ConstraintName;
        var ours = e.SchemaName == StoreNames.PostgresSchema;
        return e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation when constraint == names.ActiveBookingIndex => AlreadyBooked(),
            PostgresErrorCodes.UniqueViolation when ours => ConcurrentChange(),
            PostgresErrorCodes.ExclusionViolation when ours || constraint == names.SlotBlockOverlap => Overlaps(),
            PostgresErrorCodes.CheckViolation when ours => FromCheck(constraint, names),
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => ConcurrentChange(),
            _ => null,
        };
    }

    private static ClassBookingError? FromSqlite(SqliteException e, StoreNames names)
    {
        var message = e.Message;
        switch (e.SqliteExtendedErrorCode)
        {
            case SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                if (message.Contains($"{names.Bookings}.slot_id", StringComparison.Ordinal))
                {
                    return AlreadyBooked();
                }

                return names.AllTables.Any(t => message.Contains(t + ".", StringComparison.Ordinal)) ? ConcurrentChange() : null;

            case SqliteConstraintTrigger when message.Contains(StoreNames.OverlapMessage, StringComparison.Ordinal):
                return Overlaps();

            case SqliteConstraintCheck:
                string[] checks = [names.SlotBookedCountCheck, names.SlotCapacityCheck, names.SlotRangeCheck, names.BlockRangeCheck, names.SeriesCapacityCheck, names.SeriesDurationCheck, names.StudentColorCheck];
                var name = checks.FirstOrDefault(n => message.Contains(n, StringComparison.Ordinal));
                return name is null ? null : FromCheck(name, names);

            default:
                return null;
        }
    }

    private static ClassBookingError? FromCheck(string? constraint, StoreNames names) =>
        constraint == names.SlotBookedCountCheck ? new ClassBookingError(ErrorCodes.SlotFull, "Every seat of this class is taken.")
        : constraint == names.SlotCapacityCheck || constraint == names.SeriesCapacityCheck ? ClassBookingError.Invalid("capacity", "A class needs at least one seat.")
        : constraint == names.SlotRangeCheck || constraint == names.BlockRangeCheck ? ClassBookingError.Invalid("endsAt", "The end must be after the start.")
        : constraint == names.SeriesDurationCheck ? ClassBookingError.Invalid("durationMinutes", "A class lasts at least one minute.")
        : constraint == names.StudentColorCheck ? ClassBookingError.Invalid("color", "Choose one of the palette's colours.")
        : null;

    private static ClassBookingError AlreadyBooked() => new(ErrorCodes.AlreadyBooked, "This student already holds a seat in this class.");

    private static ClassBookingError Overlaps() => new(ErrorCodes.Overlaps, "This time overlaps another open class or a blocked period of the teacher.");

    private static ClassBookingError ConcurrentChange() => new(ErrorCodes.ConcurrentChange, "Someone else changed this at the same time. Reload and try again.");
}
