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

    [Fact]
    public void Every_named_palette_colour_passes_4_5_to_1_computed_by_the_core_and_by_this_tests_own_formula()
    {
        Assert.Equal(8, StudentColors.Named.Count);
        foreach (var color in StudentColors.Named)
        {
            var core = StudentColors.ContrastRatio(color.Pair.Text, color.Pair.Background);
            Assert.True(core >= StudentColors.MinimumContrast, $"{color.Key}: {core:F2}:1");
            Assert.Equal(Contrast(color.Pair.Text, color.Pair.Background), core, 6);
        }

        Assert.Equal(4.5, StudentColors.MinimumContrast);
    }

    [Fact]
    public void The_cores_contrast_formula_matches_known_values()
    {
        Assert.Equal(21.0, StudentColors.ContrastRatio("#000000", "#ffffff"), 2);
        Assert.Equal(21.0, StudentColors.ContrastRatio("#FFFFFF", "#000000"), 2);
        Assert.Equal(4.48, StudentColors.ContrastRatio("#777777", "#ffffff"), 2);
        Assert.Equal(4.54, StudentColors.ContrastRatio("#767676", "#ffffff"), 2); // the lightest grey that passes on white
        Assert.Throws<FormatException>(() => StudentColors.ContrastRatio("red", "#ffffff"));
    }

    [Fact]
    public void Palette_keys_are_unique_lowercase_ascii_and_the_pairs_keep_their_order()
    {
        Assert.Equal(["blue", "red", "green", "purple", "orange", "teal", "pink", "olive"], StudentColors.Keys);
        Assert.All(StudentColors.Keys, k => Assert.Matches("^[a-z]{1,32}$", k));
        Assert.Equal(StudentColors.Keys.Count, StudentColors.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(StudentColors.Named.Select(c => c.Pair), StudentColors.Palette);
        Assert.All(StudentColors.Named, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public void Keys_are_found_in_any_case_and_anything_else_is_not_a_colour()
    {
        Assert.Equal("teal", StudentColors.Find("teal")!.Key);
        Assert.Equal("teal", StudentColors.Find("TEAL")!.Key);
        Assert.Null(StudentColors.Find("magenta"));
        Assert.Null(StudentColors.Find("#0f4c5c"));
        Assert.Null(StudentColors.Find(""));
        Assert.Null(StudentColors.Find(null));
    }

    [Fact]
    public void The_default_is_derived_from_the_id_and_a_valid_choice_overrides_it()
    {
        foreach (var id in new[] { "student-anna", "7", "42", "student-bob-7f3a" })
        {
            Assert.Equal(StudentColors.For(id), StudentColors.DefaultFor(id).Pair);
            Assert.Equal(StudentColors.DefaultFor(id), StudentColors.Resolve(id, null));
            Assert.Equal(StudentColors.DefaultFor(id), StudentColors.Resolve(id, "not-a-colour"));
            Assert.Equal("olive", StudentColors.Resolve(id, "olive").Key);
        }

        Assert.Equal("color: #3f3f00; background-color: #f3f1c8;", StudentColors.Find("olive")!.Style);
        Assert.Equal(StudentColors.Style(StudentColors.For("7")), StudentColors.Style("7"));
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
