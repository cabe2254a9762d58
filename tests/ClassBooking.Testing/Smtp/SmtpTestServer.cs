using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

using Xunit;

namespace ClassBooking.Testing.Smtp;

/// <summary>
/// A real SMTP server on loopback for one test: aiosmtpd (Debian's python3-aiosmtpd, run by /usr/bin/python3 because
/// the python3 on PATH may lack Debian's modules) storing every message it accepts in a Maildir. Plain text only: it
/// never offers STARTTLS, and AUTH only when started with <see cref="StartWithLoginAsync"/>. Disposing it stops the
/// server and deletes what it received.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string DebianPython = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly string folder;

    private SmtpTestServer(Process process, StringBuilder output, string folder, int port)
    {
        this.process = process;
        this.output = output;
        this.folder = folder;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The host to connect to.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>Starts a server that accepts every message, on <paramref name="port"/> when given (e.g. one a test kept free so far), else on a free one.</summary>
    public static Task<SmtpTestServer> StartAsync(int? port = null) =>
        StartAsync((port, mail) => ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{port}", "-c", "aiosmtpd.handlers.Mailbox", mail], port);

    /// <summary>Starts a server that answers <paramref name="reply"/> (e.g. <c>550 5.1.1 no such user</c>) to one recipient and accepts the rest.</summary>
    public static Task<SmtpTestServer> StartRefusingAsync(string recipient, string reply) =>
        StartAsync((port, mail) => ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{port}", "-c", "refusing_mailbox.RefusingMailbox", mail, $"{recipient}={reply}"]);

    /// <summary>Starts a server that offers AUTH (without TLS) and accepts mail only after a login with this user name and password.</summary>
    public static Task<SmtpTestServer> StartWithLoginAsync(string userName, string password) =>
        StartAsync((port, mail) => [Path.Combine(ScriptFolder, "login_smtp_server.py"), Host, $"{port}", mail, userName, password]);

    /// <summary>A loopback port nothing listens on right now (the operating system's choice of a free one).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Every message the server accepted, read back with MimeKit, oldest first.</summary>
    public IReadOnlyList<MimeMessage> ReceivedMessages()
    {
        var received = new DirectoryInfo(Path.Combine(MailDirectory(folder), "new"));
        if (!received.Exists)
        {
            return [];
        }

        return received.GetFiles()
            .OrderBy(file => file.LastWriteTimeUtc)
            .ThenBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => MimeMessage.Load(file.FullName))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    // Python's Maildir creates its cur/new/tmp folders only when it creates the directory itself.
    private static string MailDirectory(string folder) => Path.Combine(folder, "maildir");

    // Where the Python files of this folder are copied with the test assembly.
    private static string ScriptFolder => Path.Combine(AppContext.BaseDirectory, "Smtp");

    /// <summary>Starts /usr/bin/python3 with the arguments made from a free port and the mail directory.</summary>
    private static async Task<SmtpTestServer> StartAsync(Func<int, string, string[]> arguments, int? chosenPort = null)
    {
        Assert.True(File.Exists(DebianPython), $"{DebianPython} is missing: install Debian's python3-aiosmtpd (test.sh does).");
        var folder = Directory.CreateTempSubdirectory("classbooking-smtp-").FullName;
        var port = chosenPort ?? FreePort();
        var start = new ProcessStartInfo(DebianPython)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments(port, MailDirectory(folder)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = ScriptFolder; // for aiosmtpd's -c refusing_mailbox.RefusingMailbox
        var output = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{DebianPython} did not start.");
        }
        catch (Win32Exception e)
        {
            Directory.Delete(folder, recursive: true);
            Assert.Fail($"{DebianPython} could not be started ({e.Message}): install Debian's python3-aiosmtpd (test.sh does).");
            throw;
        }

        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new SmtpTestServer(process, output, folder, port);
        try
        {
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // lets the output readers finish
                Assert.Fail($"The SMTP server exited with code {process.ExitCode} before listening on port {Port}.{InstallHint()}\n{Output()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"The SMTP server did not accept connections on port {Port} within {StartTimeout.TotalSeconds} s.\n{Output()}");
    }

    private string InstallHint() => Output().Contains("No module named", StringComparison.Ordinal)
        ? " Install Debian's python3-aiosmtpd (test.sh does)."
        : string.Empty;

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
