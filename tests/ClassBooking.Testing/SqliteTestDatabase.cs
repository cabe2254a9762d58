using Microsoft.Data.Sqlite;

namespace ClassBooking.Testing;

/// <summary>
/// A SQLite database in a temp file (so many connections can share it, as concurrent requests would), in WAL mode.
/// Disposing it clears its connection pool and deletes the file.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private SqliteTestDatabase(string path, int busyTimeoutSeconds)
    {
        FilePath = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            DefaultTimeout = busyTimeoutSeconds, // seconds a connection waits for a lock before SQLITE_BUSY
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Connection string to the file.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates an empty database file in WAL mode. A test that makes the database busy on purpose passes a short
    /// <paramref name="busyTimeoutSeconds"/>, so a blocked statement gives up soon.
    /// </summary>
    public static SqliteTestDatabase Create(int busyTimeoutSeconds = 60)
    {
        TestThreadPool.EnsureRoomForBlockingWaits();
        var database = new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"classbooking-{Guid.NewGuid():N}.db"), busyTimeoutSeconds);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
        return database;
    }

    /// <summary>Opens a new connection to the file.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Makes the database answer nobody else until the returned lock is disposed, as a busy database would: idle pooled
    /// connections are closed, then one connection takes SQLite's exclusive lock (exclusive locking mode, so it keeps
    /// the lock after its write). Statements of other connections wait their busy timeout and fail with SQLITE_BUSY.
    /// </summary>
    public IDisposable LockExclusively()
    {
        using (var idle = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(idle);
        }

        // A connection of its own, outside the pool, so disposing it really releases the lock.
        var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The write makes the connection take the exclusive lock, which exclusive locking mode keeps after COMMIT.
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE busy_lock (x); DROP TABLE busy_lock; COMMIT;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(FilePath + suffix);
        }
    }
}
