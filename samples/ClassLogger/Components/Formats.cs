using System.Globalization;

namespace ClassLogger.Components;

/// <summary>How the dashboard writes dates and times (English, 24-hour clock).</summary>
internal static class Formats
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string DateAndTime(DateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", Culture);

    public static string ShortDateAndTime(DateTime local) => local.ToString("ddd d MMM, HH:mm", Culture);

    public static string Date(DateTime local) => local.ToString("ddd d MMM yyyy", Culture);

    public static string Time(DateTime local) => local.ToString("HH:mm", Culture);

    public static string MonthAndYear(DateOnly date) => date.ToString("MMMM yyyy", Culture);
}
