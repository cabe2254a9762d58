using System.Globalization;
using ClassBooking.Core.Students;

namespace ClassBooking.Core.Tests;

public sealed class StudentColorsTests
{
    [Fact]
    public void Every_pair_of_the_palette_has_a_contrast_of_at_least_4_5_to_1()
    {
        Assert.NotEmpty(StudentColors.Palette);
        foreach (var pair in StudentColors.Palette)
        {
            var ratio = Contrast(pair.Text, pair.Background);
            Assert.True(ratio >= 4.5, $"{pair.Text} on {pair.Background}: {ratio:F2}:1");
        }
    }

    [Fact]
    public void The_contrast_formula_matches_known_values()
    {
        Assert.Equal(21.0, Contrast("#000000", "#ffffff"), 2);
        Assert.Equal(1.0, Contrast("#777777", "#777777"), 2);
        Assert.Equal(4.48, Contrast("#777777", "#ffffff"), 2); // the classic "grey just fails AA"
    }

    [Fact]
    public void A_students_colour_is_stable_and_students_get_different_colours()
    {
        Assert.Equal(StudentColors.For("student-anna"), StudentColors.For("student-anna"));
        var colours = new[] { "student-anna", "student-bob-7f3a", "student-carl", "1", "2", "3" }.Select(StudentColors.For).Distinct().Count();
        Assert.True(colours >= 3, $"only {colours} distinct colours");
    }

    internal static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
    }
}
