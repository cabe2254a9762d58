namespace ClassBooking.Core.Tests;

/// <summary>Short ways to write the instants and dates the tests use.</summary>
internal static class Times
{
    public const string London = "Europe/London";
    public const string NewYork = "America/New_York";
    public const string Sydney = "Australia/Sydney";
    public const string Kolkata = "Asia/Kolkata";

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static TimeOnly Time(int hour, int minute = 0) => new(hour, minute);
}
