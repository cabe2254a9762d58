using System.Globalization;
using ClassBooking.Core;
using ClassBooking.Core.Policies;
using ClassBooking.Core.Scheduling;
using ClassBooking.Core.Services;

namespace ClassBooking.Components;

/// <summary>
/// How the portal words dates, times, the teacher's policy and the core's refusals. Presentation only: every rule
/// (notice, horizon, limits, the cancellation window) is decided by the core services and merely put into words here.
/// </summary>
internal static class PortalText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"Tuesday 14 April 2026" in <paramref name="zone"/>.</summary>
    public static string LongDate(DateTimeOffset instant, string zone) =>
        LocalTimeConverter.ToLocal(instant, zone).ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"Tue 14 Apr" for a local date.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", Culture);

    /// <summary>"Tuesday 14 April" for a local date.</summary>
    public static string DayHeading(DateOnly date) => date.ToString("dddd d MMMM", Culture);

    /// <summary>"17:00" in <paramref name="zone"/>.</summary>
    public static string Time(DateTimeOffset instant, string zone) =>
        LocalTimeConverter.ToLocal(instant, zone).ToString("HH:mm", Culture);

    /// <summary>"17:00–18:00" in <paramref name="zone"/>.</summary>
    public static string TimeRange(DateTimeOffset start, DateTimeOffset end, string zone) => $"{Time(start, zone)}–{Time(end, zone)}";

    /// <summary>"Tue 14 Apr, 17:00–18:00" in <paramref name="zone"/>.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end, string zone) =>
        $"{ShortDate(LocalTimeConverter.ToLocalDate(start, zone))}, {TimeRange(start, end, zone)}";

    /// <summary>"1 April – 7 April 2026" for a week starting on <paramref name="monday"/>.</summary>
    public static string WeekLabel(DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        return monday.Year == sunday.Year
            ? $"{monday.ToString("d MMMM", Culture)} – {sunday.ToString("d MMMM yyyy", Culture)}"
            : $"{monday.ToString("d MMMM yyyy", Culture)} – {sunday.ToString("d MMMM yyyy", Culture)}";
    }

    /// <summary>The booking rules in one or two sentences.</summary>
    public static string BookingRules(StudentPolicyView policy)
    {
        var text = $"Book at least {BookingPolicyEvaluator.Describe(policy.MinimumNotice)} and at most {BookingPolicyEvaluator.Describe(policy.BookingHorizon)} ahead.";
        if (policy.MaxBookingsPerWeek is { } limit)
        {
            text += limit == 1 ? " You can book 1 class per week." : $" You can book up to {limit} classes per week.";
        }

        return text;
    }

    /// <summary>The cancellation rule in one sentence.</summary>
    public static string CancellationRule(TimeSpan window) =>
        window <= TimeSpan.Zero
            ? "You can cancel a class online until it starts."
            : $"You can cancel a class online until {BookingPolicyEvaluator.Describe(window)} before it starts.";

    /// <summary>A short headline for a refusal (the core's own message explains the details).</summary>
    public static string Headline(ClassBookingError error) => error.Code switch
    {
        ErrorCodes.SlotFull => "Just taken",
        ErrorCodes.TooLateToBook => "Too late to book",
        ErrorCodes.OutsideHorizon => "Too far ahead",
        ErrorCodes.WeeklyLimitReached => "Weekly limit reached",
        ErrorCodes.AlreadyBooked => "Already booked",
        ErrorCodes.SlotCancelled => "No longer offered",
        ErrorCodes.SlotInPast => "Already started",
        ErrorCodes.SlotNotFound => "No longer offered",
        ErrorCodes.TooLateToCancel => "Too late to cancel online",
        ErrorCodes.AlreadyCancelled => "Already cancelled",
        ErrorCodes.BookingNotFound => "Booking not found",
        ErrorCodes.InvalidToken or ErrorCodes.StudentNotFound => "This link no longer works",
        _ => "That did not work",
    };

    /// <summary>The plain-words explanation of a refusal.</summary>
    public static string Explain(ClassBookingError error) => error.Code switch
    {
        ErrorCodes.SlotNotFound => "The teacher removed this class time. Please choose another time.",
        ErrorCodes.InvalidToken or ErrorCodes.StudentNotFound => InvalidLink,
        ErrorCodes.Validation or ErrorCodes.ConcurrentChange or ErrorCodes.IdempotencyKeyReused => "Something changed in the meantime. Please reload the page and try again.",
        _ => error.Message,
    };

    /// <summary>What the friendly page says about a link that no longer works.</summary>
    public const string InvalidLink = "This link no longer works — ask your teacher for a new link.";
}
