namespace ClassBooking.Core.Policies;

/// <summary>The ranges a teacher's policy must stay in; the configured defaults are checked against them too.</summary>
public static class PolicyLimits
{
    /// <summary>Longest minimum notice.</summary>
    public static readonly TimeSpan MaxMinimumNotice = TimeSpan.FromDays(30);

    /// <summary>Shortest booking horizon.</summary>
    public static readonly TimeSpan MinBookingHorizon = TimeSpan.FromDays(1);

    /// <summary>Longest booking horizon.</summary>
    public static readonly TimeSpan MaxBookingHorizon = TimeSpan.FromDays(730);

    /// <summary>Longest cancellation window.</summary>
    public static readonly TimeSpan MaxCancellationWindow = TimeSpan.FromDays(30);

    /// <summary>Longest buffer on either side of a class.</summary>
    public static readonly TimeSpan MaxBuffer = TimeSpan.FromHours(4);

    /// <summary>Highest weekly limit per student.</summary>
    public const int MaxBookingsPerWeek = 50;

    /// <summary>
    /// Checks policy values and calls <paramref name="fail"/> with (field, message) once per broken rule.
    /// </summary>
    internal static void Check(
        TimeSpan minimumNotice, TimeSpan bookingHorizon, TimeSpan cancellationWindow, TimeSpan bufferBefore, TimeSpan bufferAfter, int? maxPerWeek,
        Action<string, string> fail)
    {
        void Range(TimeSpan value, TimeSpan min, TimeSpan max, string field, string what)
        {
            if (value < min || value > max)
            {
                fail(field, $"{what} must be between {BookingPolicyEvaluator.Describe(min)} and {BookingPolicyEvaluator.Describe(max)}.");
            }
        }

        Range(minimumNotice, TimeSpan.Zero, MaxMinimumNotice, "minimumNotice", "The minimum notice");
        Range(bookingHorizon, MinBookingHorizon, MaxBookingHorizon, "bookingHorizon", "The booking horizon");
        Range(cancellationWindow, TimeSpan.Zero, MaxCancellationWindow, "cancellationWindow", "The cancellation window");
        Range(bufferBefore, TimeSpan.Zero, MaxBuffer, "bufferBefore", "The buffer before a class");
        Range(bufferAfter, TimeSpan.Zero, MaxBuffer, "bufferAfter", "The buffer after a class");
        if (minimumNotice >= bookingHorizon && bookingHorizon >= MinBookingHorizon)
        {
            fail("minimumNotice", "The minimum notice must be shorter than the booking horizon, or no class could ever be booked.");
        }

        if (maxPerWeek is < 1 or > MaxBookingsPerWeek)
        {
            fail("maxBookingsPerStudentPerWeek", $"The weekly limit must be between 1 and {MaxBookingsPerWeek}, or empty for no limit.");
        }
    }
}
