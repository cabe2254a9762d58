using System.Data.Common;
using ClassLogger.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

/// <summary>
/// ClassBooking's migrations leave the host's tables as they were: the same columns, types, indexes, foreign keys,
/// triggers and rows, byte for byte, on a database the host created and filled before adding booking.
/// </summary>
public sealed class SqliteMigrationTests
{
    /// <summary>The sample outside Development: nothing is migrated or seeded at start, so the test does each step.</summary>
    private sealed class UnmigratedApp : ClassLoggerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task ClassBookings_migrations_leave_the_hosts_tables_and_rows_unchanged()
    {
        await using var app = new UnmigratedApp();
        await app.Services.MigrateClassLoggerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync());
        }

        var hostTables = await app.WithDbAsync(db => SqliteSchema.TablesAsync(db.Database.GetDbConnection()));
        Assert.Contains("profiles", hostTables);
        Assert.Contains("AspNetUsers", hostTables);
        var before = await app.WithDbAsync(db => SqliteSchema.SnapshotAsync(db.Database.GetDbConnection(), hostTables));

        await app.Services.MigrateClassBookingAsync();

        var after = await app.WithDbAsync(db => SqliteSchema.SnapshotAsync(db.Database.GetDbConnection(), hostTables));
        var allTables = await app.WithDbAsync(db => SqliteSchema.TablesAsync(db.Database.GetDbConnection()));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (key, value) in before)
        {
            Assert.True(value.SequenceEqual(after[key]), $"{key} changed:\n- {string.Join("\n- ", value)}\n+ {string.Join("\n+ ", after[key])}");
        }

        // ClassBooking did add its own tables, referencing the host's profiles table.
        var bookingTables = allTables.Except(hostTables).ToList();
        Assert.NotEmpty(bookingTables);
        var foreignKeys = await app.WithDbAsync(async db =>
        {
            var found = new List<string>();
            foreach (var table in bookingTables)
            {
                found.AddRange(await SqliteSchema.QueryAsync(db.Database.GetDbConnection(),
                    $"SELECT \"table\" || '.' || \"to\" FROM pragma_foreign_key_list('{table}')"));
            }

            return found;
        });
        Assert.Contains("profiles.id", foreignKeys);
    }
}

/// <summary>Reads a SQLite database's schema and rows as comparable text.</summary>
internal static class SqliteSchema
{
    public static async Task<IReadOnlyList<string>> TablesAsync(DbConnection connection) =>
        await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    /// <summary>
    /// For each table: its CREATE statement and those of its indexes and triggers, what PRAGMA says of its columns,
    /// indexes and foreign keys, its sqlite_sequence entry, and every row as SQL literals (quote()).
    /// </summary>
    public static async Task<SortedDictionary<string, IReadOnlyList<string>>> SnapshotAsync(DbConnection connection, IEnumerable<string> tables)
    {
        var snapshot = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var literal = table.Replace("'", "''", StringComparison.Ordinal);
            var identifier = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            snapshot[$"{table}: sql"] = await QueryAsync(connection,
                $"SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE tbl_name = '{literal}' ORDER BY type, name");
            snapshot[$"{table}: columns"] = await QueryAsync(connection,
                $"SELECT cid || ' ' || name || ' ' || type || ' notnull=' || \"notnull\" || ' default=' || coalesce(dflt_value, 'NULL') || ' pk=' || pk FROM pragma_table_info('{literal}') ORDER BY cid");
            snapshot[$"{table}: indexes"] = await QueryAsync(connection,
                $"SELECT l.name || ' unique=' || l.\"unique\" || ' origin=' || l.origin || ' partial=' || l.partial || ' (' || (SELECT group_concat(i.name, ',') FROM pragma_index_info(l.name) i) || ')' FROM pragma_index_list('{literal}') l ORDER BY l.name");
            snapshot[$"{table}: foreign keys"] = await QueryAsync(connection,
                $"SELECT id || '.' || seq || ' ' || \"from\" || ' -> ' || \"table\" || '.' || coalesce(\"to\", '') || ' on update ' || on_update || ' on delete ' || on_delete FROM pragma_foreign_key_list('{literal}') ORDER BY id, seq");
            snapshot[$"{table}: sequence"] = await QueryAsync(connection,
                $"SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{literal}'), 'none')");

            var columns = await QueryAsync(connection, $"SELECT name FROM pragma_table_info('{literal}') ORDER BY cid");
            var row = string.Join(" || ',' || ", columns.Select(c => $"quote(\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\")"));
            snapshot[$"{table}: rows"] = await QueryAsync(connection, $"SELECT {row} FROM {identifier} ORDER BY rowid");
        }

        return snapshot;
    }

    public static async Task<IReadOnlyList<string>> QueryAsync(DbConnection connection, string sql)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync();
        }

        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL built from table names the test itself read from sqlite_master.
            command.CommandText = sql;
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            var results = new List<string>();
            while (await reader.ReadAsync())
            {
                results.Add(reader.IsDBNull(0) ? "NULL" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return results;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
