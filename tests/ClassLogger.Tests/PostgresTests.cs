using System.Data.Common;
using System.Net;
using ClassLogger.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassLogger.Tests;

/// <summary>The same app on PostgreSQL, by configuration only.</summary>
public sealed class PostgresDashboardTests(PostgresClassLoggerAppFactory app) : IClassFixture<PostgresClassLoggerAppFactory>
{
    [Fact]
    public async Task The_dashboard_runs_on_postgresql_with_its_demo_data()
    {
        using var client = await Browser.SignInAsync(app, DemoAccounts.MariaEmail, DemoAccounts.Password);

        using var students = await client.GetAsync("/students");
        using var classLogPage = await client.GetAsync("/class-log");
        Assert.True(classLogPage.IsSuccessStatusCode, await classLogPage.Content.ReadAsStringAsync());
        var classLog = Browser.ClassLogRows(await classLogPage.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, students.StatusCode);
        Assert.Equal(Expected.MariasStudents, Browser.StudentCardNames(await students.Content.ReadAsStringAsync()));
        Assert.NotEmpty(classLog);
        Assert.Equal(classLog.OrderByDescending(r => r.Start).Select(r => r.Start), classLog.Select(r => r.Start));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)));
    }

    [Fact]
    public async Task The_directories_work_on_postgresql()
    {
        var maria = await app.ProfileIdAsync(DemoAccounts.MariaEmail);
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ClassBooking.Core.Hosting.IStudentDirectory>();

        var students = await directory.GetStudentsAsync(maria.ToString(System.Globalization.CultureInfo.InvariantCulture), default);

        Assert.Equal(Expected.MariasStudents, students.Select(s => s.DisplayName));
    }
}

public sealed class PostgresMigrationTests
{
    private sealed class UnmigratedApp : PostgresClassLoggerAppFactory
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
        var app = new UnmigratedApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await app.Services.MigrateClassLoggerAsync();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync());
            }

            var hostTables = await app.WithDbAsync(db => PostgresSchema.TablesAsync(db.Database.GetDbConnection()));
            Assert.Contains("profiles", hostTables);
            var before = await app.WithDbAsync(db => PostgresSchema.SnapshotAsync(db.Database.GetDbConnection(), hostTables));

            await app.Services.MigrateClassBookingAsync();

            var after = await app.WithDbAsync(db => PostgresSchema.SnapshotAsync(db.Database.GetDbConnection(), hostTables));
            Assert.Equal(hostTables, await app.WithDbAsync(db => PostgresSchema.TablesAsync(db.Database.GetDbConnection())));
            Assert.Equal(before.Keys, after.Keys);
            foreach (var (key, value) in before)
            {
                Assert.True(value.SequenceEqual(after[key]), $"{key} changed:\n- {string.Join("\n- ", value)}\n+ {string.Join("\n+ ", after[key])}");
            }

            // ClassBooking did create its tables elsewhere, with foreign keys to the host's profiles(id).
            var references = await app.WithDbAsync(db => SqliteSchema.QueryAsync(db.Database.GetDbConnection(),
                "SELECT n.nspname || '.' || c.relname || ': ' || pg_get_constraintdef(k.oid) FROM pg_constraint k " +
                "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE k.contype = 'f' AND k.confrelid = 'public.profiles'::regclass AND n.nspname <> 'public' ORDER BY 1"));
            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.DoesNotMatch("^public\\.", r));
            Assert.All(references, r => Assert.Contains("REFERENCES profiles(id)", r, StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

/// <summary>Reads the schema and rows of tables in PostgreSQL's public schema as comparable text.</summary>
internal static class PostgresSchema
{
    public static Task<IReadOnlyList<string>> TablesAsync(DbConnection connection) =>
        SqliteSchema.QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");

    /// <summary>
    /// For each table: kind, options and privileges, columns (type, nullability, default, identity), indexes,
    /// constraints, user triggers (not the internal ones PostgreSQL adds on a table another table's foreign key
    /// references), and every row as text; and the schema's sequences with their current values.
    /// </summary>
    public static async Task<SortedDictionary<string, IReadOnlyList<string>>> SnapshotAsync(DbConnection connection, IEnumerable<string> tables)
    {
        var snapshot = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var literal = table.Replace("'", "''", StringComparison.Ordinal);
            var identifier = "public.\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var regclass = $"'{identifier.Replace("'", "''", StringComparison.Ordinal)}'::regclass";
            snapshot[$"{table}: table"] = await SqliteSchema.QueryAsync(connection,
                $"SELECT relkind::text || ' ' || relpersistence::text || ' owner=' || pg_get_userbyid(relowner) || ' options=' || coalesce(array_to_string(reloptions, ','), '') || ' acl=' || coalesce(relacl::text, '') FROM pg_class WHERE oid = {regclass}");
            snapshot[$"{table}: columns"] = await SqliteSchema.QueryAsync(connection,
                "SELECT ordinal_position || ' ' || column_name || ' ' || data_type || ' ' || udt_name || ' len=' || coalesce(character_maximum_length::text, '') " +
                "|| ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity || coalesce(' ' || identity_generation, '') " +
                $"FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{literal}' ORDER BY ordinal_position");
            snapshot[$"{table}: indexes"] = await SqliteSchema.QueryAsync(connection,
                $"SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{literal}' ORDER BY indexname");
            snapshot[$"{table}: constraints"] = await SqliteSchema.QueryAsync(connection,
                $"SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = {regclass} ORDER BY conname");
            snapshot[$"{table}: triggers"] = await SqliteSchema.QueryAsync(connection,
                $"SELECT tgname || ': ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = {regclass} AND NOT tgisinternal ORDER BY tgname");
            snapshot[$"{table}: rows"] = await SqliteSchema.QueryAsync(connection,
                $"SELECT t::text FROM {identifier} t ORDER BY 1");
        }

        snapshot["sequences"] = await SqliteSchema.QueryAsync(connection,
            "SELECT sequencename || ' ' || data_type || ' last=' || coalesce(last_value::text, 'none') FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename");
        return snapshot;
    }
}
