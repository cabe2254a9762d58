using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ClassBooking.Testing;

/// <summary>What a third-party parser read from an iCalendar text (printed as JSON by the scripts in IcalParsers/).</summary>
public sealed record ParsedCalendar(string Method, IReadOnlyList<ParsedEvent> Events);

/// <summary>
/// One VEVENT as a third-party parser read it. Start and End are UTC instants ("2026-03-29T08:00:00Z") as the
/// parser reads them; the ByVtimezone pair is what the calendar's own VTIMEZONE rules give (Python's icalendar
/// prefers its pytz database for a known TZID, so the script applies the VTIMEZONE separately).
/// </summary>
public sealed record ParsedEvent(
    string Uid, int Sequence, string? Status, string Start, string End, string StartByVtimezone, string EndByVtimezone, string? StartZone);

/// <summary>
/// Runs the independent parsers as real processes: Mozilla's ical.js (npm, run by node) and the Python icalendar
/// library (Debian's python3-icalendar, run by /usr/bin/python3 because the python3 on PATH may lack Debian's
/// modules). A missing parser fails the test with what to install; test.sh installs both. The scripts and ical.js
/// live in this project's IcalParsers/ folder, whose path the build records, so every test project can use them.
/// </summary>
public static class ThirdPartyParsers
{
    private const string DebianPython = "/usr/bin/python3";

    private static readonly string Folder = FindFolder();

    public static ParsedCalendar ReadWithIcalJs(string icsText)
    {
        var module = Path.Combine(Folder, "node_modules", "ical.js", "package.json");
        Assert.True(File.Exists(module), $"ical.js is not installed in {Folder}: run `npm ci` there (test.sh does).");
        return Run("node", "parse-icaljs.mjs", icsText, "ical.js needs node: install Debian's nodejs and npm (test.sh does).");
    }

    public static ParsedCalendar ReadWithPythonIcalendar(string icsText)
    {
        Assert.True(File.Exists(DebianPython), $"{DebianPython} is missing: install Debian's python3-icalendar (test.sh does).");
        return Run(DebianPython, "parse_icalendar.py", icsText, "install Debian's python3-icalendar (test.sh does).");
    }

    private static ParsedCalendar Run(string program, string script, string icsText, string installHint)
    {
        var file = Path.Combine(Path.GetTempPath(), $"classbooking-{Guid.NewGuid():N}.ics");
        // The exact octets a mail client would receive: UTF-8 without a byte order mark.
        File.WriteAllText(file, icsText, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(Folder, script));
            start.ArgumentList.Add(file);

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            }
            catch (Win32Exception e)
            {
                Assert.Fail($"{program} could not be started ({e.Message}): {installHint}");
                throw;
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"{program} {script} did not finish within 60 s.");
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    var error = stderr.Result;
                    var hint = error.Contains("ModuleNotFoundError", StringComparison.Ordinal) || error.Contains("ERR_MODULE_NOT_FOUND", StringComparison.Ordinal)
                        ? " The parser is not installed: " + installHint
                        : string.Empty;
                    Assert.Fail($"{program} {script} failed with exit code {process.ExitCode}.{hint}\n{error}\nInput:\n{icsText}");
                }

                return JsonSerializer.Deserialize<ParsedCalendar>(stdout.Result, JsonSerializerOptions.Web)
                    ?? throw new InvalidOperationException($"{script} printed no calendar.");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindFolder() =>
        typeof(ThirdPartyParsers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "IcalParsersFolder")?.Value
        ?? throw new InvalidOperationException("ClassBooking.Testing was built without the IcalParsersFolder metadata (see its .csproj).");
}
