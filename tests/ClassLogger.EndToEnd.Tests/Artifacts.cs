using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ClassLogger.EndToEnd.Tests;

/// <summary>
/// The screenshots a test saves at each step, numbered in order, under
/// <c>tests/ClassLogger.EndToEnd.Tests/TestResults/screenshots/{test}/</c> (or CLASSBOOKING_E2E_ARTIFACTS).
/// </summary>
public sealed class StepShots
{
    private readonly string folder;
    private int step;

    public StepShots([CallerMemberName] string test = "")
    {
        var root = Environment.GetEnvironmentVariable("CLASSBOOKING_E2E_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(ProjectFolder.Path, "TestResults", "screenshots");
        folder = Path.Combine(root, test);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    /// <summary>Saves the whole page as <c>NN-name.png</c> and returns the file's path.</summary>
    public async Task<string> TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(folder, $"{++step:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

/// <summary>This test project's source folder (where package.json and node_modules are).</summary>
public static class ProjectFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClassLogger.EndToEnd.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The ClassLogger.EndToEnd.Tests project folder was not found above " + AppContext.BaseDirectory);
    }
}
