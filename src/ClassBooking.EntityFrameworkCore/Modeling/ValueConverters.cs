using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClassBooking.EntityFrameworkCore.Modeling;

/// <summary>
/// Stores an instant as UTC ticks (a 64-bit integer) on SQLite, which cannot compare <see cref="DateTimeOffset"/>
/// text in SQL: range queries, ordering, CHECK constraints and triggers then compare numbers. Values come back in UTC.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>Normalizes instants to UTC before they reach PostgreSQL's <c>timestamptz</c> (Npgsql refuses other offsets).</summary>
internal sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());

/// <summary>
/// Stores a decimal on SQLite as a 64-bit integer of ten-thousandths (4 decimal places, as <c>numeric(18,4)</c> on
/// PostgreSQL), so prices round-trip exactly and compare and sort as numbers in SQL.
/// </summary>
internal sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * Scale, 0, MidpointRounding.AwayFromZero),
    v => v / Scale)
{
    public const decimal Scale = 10_000m;
}
