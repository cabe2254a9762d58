using System.Globalization;

namespace ClassBooking.Core.Students;

/// <summary>A text colour and the background it is shown on (CSS hex colours).</summary>
/// <param name="Text">The text colour.</param>
/// <param name="Background">The background colour.</param>
public readonly record struct ColorPair(string Text, string Background);

/// <summary>One colour of the palette, with the stable key it is stored under and the name a teacher sees.</summary>
/// <param name="Key">The stable key, lowercase ASCII (e.g. <c>blue</c>): what is stored and what the HTTP API sends.</param>
/// <param name="Name">The name shown to the teacher (e.g. "Blue").</param>
/// <param name="Pair">The text and background colours.</param>
public sealed record StudentColor(string Key, string Name, ColorPair Pair)
{
    /// <summary>An inline style setting these colours.</summary>
    public string Style => StudentColors.Style(Pair);
}

/// <summary>
/// The colours students' bookings are shown in (in the teacher's views and the HTTP API): a small fixed palette of
/// named text/background pairs, each with a contrast ratio of at least <see cref="MinimumContrast"/>:1 (WCAG AA for
/// text), checked when the palette is loaded. A teacher may choose a student's colour (stored by
/// <see cref="Services.StudentColorService"/>); until then the colour is derived from the student id
/// (<see cref="For"/>), so it is stable across pages and restarts.
/// </summary>
public static class StudentColors
{
    /// <summary>The contrast every pair of the palette reaches (WCAG 2 AA for normal text).</summary>
    public const double MinimumContrast = 4.5;

    // Order matters: the hash-derived default indexes into it, so existing students keep their colour.
    private static readonly StudentColor[] Colors =
    [
        new("blue", "Blue", new("#0b3d91", "#e3ecfb")),
        new("red", "Red", new("#7a1f1f", "#fbe4e4")),
        new("green", "Green", new("#14532d", "#dcf5e3")),
        new("purple", "Purple", new("#5b2a86", "#efe4fa")),
        new("orange", "Orange", new("#7c3a00", "#fdebd3")),
        new("teal", "Teal", new("#0f4c5c", "#d9f1f5")),
        new("pink", "Pink", new("#6b2150", "#f9e1ef")),
        new("olive", "Olive", new("#3f3f00", "#f3f1c8")),
    ];

    private static readonly ColorPair[] Pairs = CheckedPairs();

    /// <summary>The palette's colour pairs, in palette order.</summary>
    public static IReadOnlyList<ColorPair> Palette => Pairs;

    /// <summary>The palette with keys and names, in palette order (the only colours a teacher can choose).</summary>
    public static IReadOnlyList<StudentColor> Named => Colors;

    /// <summary>The keys of the palette, in palette order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Array.ConvertAll(Colors, c => c.Key);

    /// <summary>The colour of a student nobody chose a colour for (FNV-1a hash of the id over the palette).</summary>
    public static ColorPair For(string studentId) => DefaultFor(studentId).Pair;

    /// <summary>The named colour of a student nobody chose a colour for (FNV-1a hash of the id over the palette).</summary>
    public static StudentColor DefaultFor(string studentId)
    {
        ArgumentNullException.ThrowIfNull(studentId);
        var hash = 2166136261u;
        foreach (var c in studentId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Colors[(int)(hash % (uint)Colors.Length)];
    }

    /// <summary>The palette colour with this key (case-insensitive), or null when the key is not in the palette.</summary>
    public static StudentColor? Find(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        foreach (var color in Colors)
        {
            if (string.Equals(color.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return color;
            }
        }

        return null;
    }

    /// <summary>The colour a student is shown in: the chosen one when <paramref name="chosenKey"/> is a palette key, else the default.</summary>
    public static StudentColor Resolve(string studentId, string? chosenKey) => Find(chosenKey) ?? DefaultFor(studentId);

    /// <summary>An inline style setting the student's default colours.</summary>
    public static string Style(string studentId) => Style(For(studentId));

    /// <summary>An inline style setting <paramref name="pair"/>.</summary>
    public static string Style(ColorPair pair) => $"color: {pair.Text}; background-color: {pair.Background};";

    /// <summary>The WCAG 2 contrast ratio (1 to 21) of two <c>#rrggbb</c> colours.</summary>
    public static double ContrastRatio(string foreground, string background)
    {
        var (a, b) = (RelativeLuminance(foreground), RelativeLuminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The WCAG 2 relative luminance (0 to 1) of a <c>#rrggbb</c> colour.</summary>
    public static double RelativeLuminance(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#')
        {
            throw new FormatException($"'{hex}' is not a #rrggbb colour.");
        }

        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
    }

    private static ColorPair[] CheckedPairs()
    {
        foreach (var color in Colors)
        {
            var ratio = ContrastRatio(color.Pair.Text, color.Pair.Background);
            if (ratio < MinimumContrast)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The palette colour '{color.Key}' has a contrast of {ratio:F2}:1, below {MinimumContrast}:1."));
            }
        }

        return Array.ConvertAll(Colors, c => c.Pair);
    }
}
