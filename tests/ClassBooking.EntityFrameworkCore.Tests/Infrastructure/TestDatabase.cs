using System.Data.Common;
using ClassBooking.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClassBooking.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The two databases every test runs on.</summary>
public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database of one provider, with raw SQL access that bypasses EF and the store.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract TestProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(TestProvider provider) =>
        provider == TestProvider.Sqlite ? new SqliteDatabase() : new PostgresDatabase(await PostgresTestCluster.CreateDatabaseAsync());

    /// <summary>Points EF at this database (what a host passes to AddEntityFrameworkStores).</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    /// <summary>ClassBooking's table <paramref name="name"/> (e.g. <c>time_slots</c>) as raw SQL names it.</summary>
    public string Table(string name) => Provider == TestProvider.Sqlite ? "booking_" + name : "booking." + name;

    public abstract DbConnection CreateConnection();

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query and returns its rows, each value as text (null as "NULL").</summary>
    public async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task<string> ScalarAsync(string sql) => (await QueryAsync(sql)).Single().Single();

    /// <summary>Every user table in the database, as <c>schema.table</c> on PostgreSQL and <c>table</c> on SQLite.</summary>
    public abstract Task<IReadOnlyList<string>> TablesAsync();

    /// <summary>Columns of a table: name → database type.</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> ColumnTypesAsync(string table, string? schema = null);

    /// <summary>Foreign keys of a table: (column, referenced table, referenced column).</summary>
    public abstract Task<IReadOnlyList<(string Column, string Table, string PrincipalColumn)>> ForeignKeysAsync(string table, string? schema = null);

    /// <summary>Indexes of a table: name → (columns in order, unique, filter).</summary>
    public abstract Task<IReadOnlyDictionary<string, (string Columns, bool Unique, string? Filter)>> IndexesAsync(string table, string? schema = null);

    /// <summary>
    /// Everything the database says about one table: its definition (columns, types, defaults, constraints, indexes,
    /// user triggers) and its rows, as text, for a before/after comparison.
    /// </summary>
    public abstract Task<string> DescribeTableAsync(string table, string? schema = null);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteDatabase : TestDatabase
    {
        private readonly SqliteTestDatabase _file = SqliteTestDatabase.Create();

        public override TestProvider Provider => TestProvider.Sqlite;

        public override string ConnectionString => _file.ConnectionString;

        public override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(ConnectionString);

        public override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

        public override async Task<IReadOnlyList<string>> TablesAsync() =>
            (await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).Select(r => r[0]).ToList();

        public override async Task<IReadOnlyDictionary<string, string>> ColumnTypesAsync(string table, string? schema = null) =>
            (await QueryAsync($"SELECT name, type FROM pragma_table_info('{table}')")).ToDictionary(r => r[0], r => r[1]);

        public override async Task<IReadOnlyList<(string Column, string Table, string PrincipalColumn)>> ForeignKeysAsync(string table, string? schema = null) =>
            (await QueryAsync($"SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""))
                .Select(r => (r[0], r[1], r[2])).ToList();

        public override async Task<IReadOnlyDictionary<string, (string Columns, bool Unique, string? Filter)>> IndexesAsync(string table, string? schema = null)
        {
            var result = new Dictionary<string, (string, bool, string?)>();
            foreach (var index in await QueryAsync($"SELECT name, \"unique\", partial FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = (await QueryAsync($"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno")).Select(r => r[0]);
                var sql = await ScalarAsync($"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index[0]}'");
                var where = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
                result[index[0]] = (string.Join(",", columns), index[1] == "1", where < 0 ? null : sql[(where + 7)..].Trim());
            }

            return result;
        }

        public override async Task<string> DescribeTableAsync(string table, string? schema = null)
        {
            var definition = await QueryAsync($"SELECT type, name, sql FROM sqlite_master WHERE tbl_name = '{table}' ORDER BY type, name");
            var rows = await QueryAsync($"SELECT * FROM \"{table}\" ORDER BY 1");
            return string.Join("\n", definition.Concat(rows).Select(r => string.Join(" | ", r)));
        }

        public override ValueTask DisposeAsync()
        {
            _file.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresDatabase(string connectionString) : TestDatabase
    {
        public override TestProvider Provider => TestProvider.Postgres;

        public override string ConnectionString { get; } = connectionString;

        public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(ConnectionString);

        public override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

        public override async Task<IReadOnlyList<string>> TablesAsync() =>
            (await QueryAsync("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1
                """)).Select(r => r[0]).ToList();

        public override async Task<IReadOnlyDictionary<string, string>> ColumnTypesAsync(string table, string? schema = null) =>
            (await QueryAsync($"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                WHERE a.attrelid = '{Qualify(table, schema)}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
                """)).ToDictionary(r => r[0], r => r[1]);

        public override async Task<IReadOnlyList<(string Column, string Table, string PrincipalColumn)>> ForeignKeysAsync(string table, string? schema = null) =>
            (await QueryAsync($"""
                SELECT a.attname, c.confrelid::regclass::text, pa.attname
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND c.conrelid = '{Qualify(table, schema)}'::regclass
                ORDER BY 1
                """)).Select(r => (r[0], r[1], r[2])).ToList();

        public override async Task<IReadOnlyDictionary<string, (string Columns, bool Unique, string? Filter)>> IndexesAsync(string table, string? schema = null) =>
            (await QueryAsync($"""
                SELECT i.relname,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum),
                       x.indisunique, pg_get_expr(x.indpred, x.indrelid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = '{Qualify(table, schema)}'::regclass AND NOT x.indisprimary
                """)).ToDictionary(r => r[0], r => (r[1], r[2] == "True", r[3] == "NULL" ? null : r[3]));

        public override async Task<string> DescribeTableAsync(string table, string? schema = null)
        {
            var name = Qualify(table, schema);
            var parts = new List<List<string[]>>
            {
                await QueryAsync($"""
                    SELECT attname, format_type(atttypid, atttypmod), attnotnull::text, coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE a.attrelid = '{name}'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
                    """),
                await QueryAsync($"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{name}'::regclass ORDER BY conname"),
                await QueryAsync($"SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = '{name}'::regclass ORDER BY 1"),
                // Foreign keys that reference the table add internal (system) triggers to it; the host's own triggers are what counts.
                await QueryAsync($"SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = '{name}'::regclass AND NOT tgisinternal ORDER BY 1"),
                await QueryAsync($"SELECT relowner::regrole::text, relkind::text, coalesce(array_to_string(relacl, ','), '') FROM pg_class WHERE oid = '{name}'::regclass"),
                await QueryAsync($"SELECT * FROM {name} ORDER BY 1"),
            };
            return string.Join("\n--\n", parts.Select(p => string.Join("\n", p.Select(r => string.Join(" | ", r)))));
        }

        public override async ValueTask DisposeAsync() => await PostgresTestCluster.DropDatabaseAsync(ConnectionString);

        private static string Qualify(string table, string? schema) => schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
    }
}
