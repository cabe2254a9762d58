namespace ClassLogger.Tests;

/// <summary>What the demo data is expected to hold, written out independently of the seeder.</summary>
public static class Expected
{
    public static readonly string[] MariasStudents =
        ["Amelie Schneider", "Clara Hoffmann", "Hannah Kim", "Jonas Weber", "Lena Fischer", "Sofia Alvarez"];

    public static readonly string[] JamessStudents =
        ["Ava Thompson", "Ethan Brooks", "Hannah Kim", "Mason Rivera", "Olivia Chen", "Sofia Alvarez"];

    /// <summary>Maria's former student (inactive enrollment).</summary>
    public const string MariasFormerStudent = "Felix Wagner";

    /// <summary>James's former student (inactive enrollment).</summary>
    public const string JamessFormerStudent = "Harper Lewis";

    public static IEnumerable<string> OnlyJames() =>
        JamessStudents.Except(MariasStudents).Append(JamessFormerStudent);

    public static IEnumerable<string> OnlyMaria() =>
        MariasStudents.Except(JamessStudents).Append(MariasFormerStudent);
}
