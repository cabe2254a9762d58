using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ClassBooking.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, started on first use: <c>initdb</c> in a temp folder, a free
/// loopback port, durability switched off for speed. It is stopped and its folder deleted when the process exits.
/// As root the server runs as the <c>postgres</c> user (initdb refuses root); otherwise as the current user.
/// </summary>
public sealed class PostgresTestCluster
{
    private static readonly Lazy<Task<PostgresTestCluster>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binDirectory;
    private readonly string _folder;

    private PostgresTestCluster(string binDirectory, string folder, int port)
    {
        _binDirectory = binDirectory;
        _folder = folder;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string to the <c>postgres</c> maintenance database, as superuser <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The cluster of this test process (started on the first call; later calls wait for the same start).</summary>
    public static Task<PostgresTestCluster> GetAsync()
    {
        TestThreadPool.EnsureRoomForBlockingWaits();
        return Shared.Value;
    }

    /// <summary>Creates a fresh, empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var cluster = await GetAsync().ConfigureAwait(false);
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return cluster.ConnectionStringFor(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (closing its connections first).</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var cluster = await GetAsync().ConfigureAwait(false);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
        // A loaded 2-core machine runs several race tests at once: wait longer than the defaults (15 s / 30 s).
        Timeout = 60,
        CommandTimeout = 120,
        // Many small test databases: give idle connections back quickly so max_connections is never reached.
        ConnectionIdleLifetime = 2,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    private static async Task<PostgresTestCluster> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        var asRoot = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("classbooking-pg-").FullName;
        var data = Path.Combine(folder, "data");
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder]).ConfigureAwait(false);
        }

        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-A", "trust", "--no-sync", "-U", "postgres", "-E", "UTF8", "--locale=C"], asRoot)
            .ConfigureAwait(false);

        Exception? lastFailure = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} " +
                          "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            try
            {
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                lastFailure = e; // most likely the port was taken in the meantime
                continue;
            }

            var cluster = new PostgresTestCluster(binDirectory, folder, port);
            cluster.StartCleanupWatchdog(asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
            return cluster;
        }

        throw new InvalidOperationException($"The test PostgreSQL server did not start; see {Path.Combine(folder, "server.log")}.", lastFailure);
    }

    /// <summary>Stops the server at process exit (the watchdog then deletes the folder).</summary>
    private void Stop(bool asRoot)
    {
        try
        {
            RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (by the watchdog); nothing to do.
        }
    }

    /// <summary>
    /// The test host may be killed before ProcessExit handlers finish (dotnet test does so once the run is over), or
    /// crash. A detached shell waits for this process to end, then stops the server if it still runs and deletes the folder.
    /// </summary>
    private void StartCleanupWatchdog(bool asRoot)
    {
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        var stop = (asRoot ? "runuser -u postgres -- " : "") + $"'{pgCtl}' -D '{Path.Combine(_folder, "data")}' -m fast -w stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 0.2; done; {stop}; rm -rf '{_folder}'";
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (start.FileName.EndsWith("setsid", StringComparison.Ordinal))
        {
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL cleanup watchdog.");
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL's server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin (or $PG_BIN). " +
                "Run ./test.sh, which installs them, or install them yourself: apt-get install postgresql.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program (as the postgres user when <paramref name="asPostgres"/>) and fails with its output when it fails.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }
}
