using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Sets SQLite's busy timeout on every connection ClassBooking opens (to the connection string's
/// <c>Default Timeout</c>, 30 s unless set), so concurrent writers wait for the write lock instead of failing.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static SqliteBusyTimeoutInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = CreateCommand(connection);
        if (command is not null)
        {
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static SqliteCommand? CreateCommand(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var command = sqlite.CreateCommand();
        var milliseconds = Math.Max(1, sqlite.DefaultTimeout) * 1000L;
#pragma warning disable CA2100 // The text is a PRAGMA with an integer we computed.
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
#pragma warning restore CA2100
        return command;
    }
}
