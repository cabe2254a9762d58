namespace ClassBooking.Core.Students;

/// <summary>A text colour and the background it is shown on (CSS hex colours).</summary>
/// <param name="Text">The text colour.</param>
/// <param name="Background">The background colour.</param>
public readonly record struct ColorPair(string Text, string Background);

/// <summary>
/// The colours students' bookings are shown in (in the teacher's views and the HTTP API): a small fixed palette of text/background pairs, each with a contrast
/// ratio of at least 4.5:1 (WCAG AA for text). A student's colour is derived from the student id, so it is stable
/// across pages and restarts.
/// </summary>
public static class StudentColors
{
    /// <summary>The palette.</summary>
    public static IReadOnlyList<ColorPair> Palette { get; } =
    [
        new("#0b3d91", "#e3ecfb"),
        new("#7a1f1f", "#fbe4e4"),
        new("#14532d", "#dcf5e3"),
        new("#5b2a86", "#efe4fa"),
        new("#7c3a00", "#fdebd3"),
        new("#0f4c5c", "#d9f1f5"),
        new("#6b2150", "#f9e1ef"),
        new("#3f3f00", "#f3f1c8"),
    ];

    /// <summary>The colour of a student (FNV-1a hash of the id over the palette).</summary>
    public static ColorPair For(string studentId)
    {
        ArgumentNullException.ThrowIfNull(studentId);
        var hash = 2166136261u;
        foreach (var c in studentId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Palette[(int)(hash % (uint)Palette.Count)];
    }

    /// <summary>An inline style setting the student's colours.</summary>
    public static string Style(string studentId)
    {
        var pair = For(studentId);
        return $"color: {pair.Text}; background-color: {pair.Background};";
    }
}
