namespace ClassBooking.Core.Model;

/// <summary>A half-open range of instants [<see cref="Start"/>, <see cref="End"/>): ranges that only touch do not overlap.</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Length of the range.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when the two ranges share at least one instant.</summary>
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    /// <summary>The range widened by <paramref name="before"/> at the start and <paramref name="after"/> at the end.</summary>
    public TimeRange Pad(TimeSpan before, TimeSpan after) => new(Start - before, End + after);
}
