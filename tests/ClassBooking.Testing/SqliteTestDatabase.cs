using Microsoft.Data.Sqlite;

namespace ClassBooking.Testing;

/// <summary>
/// A SQLite database in a temp file (so many connections can share it, as concurrent requests would), in WAL mode.
/// Disposing it clears its connection pool and deletes the file.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private SqliteTestDatabase(string path)
    {
        FilePath = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            DefaultTimeout = 60, // seconds a writer waits for the write lock before SQLITE_BUSY
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Connection string to the file.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database file in WAL mode.</summary>
    public static SqliteTestDatabase Create()
    {
        TestThreadPool.EnsureRoomForBlockingWaits();
        var database = new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"classbooking-{Guid.NewGuid():N}.db"));
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
