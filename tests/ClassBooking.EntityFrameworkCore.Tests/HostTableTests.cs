using ClassBooking.Core;
using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>The host's profile table: referenced by foreign keys of its key type, never created or altered.</summary>
public abstract class HostTableTests : DatabaseTest
{
    /// <summary>Every column of ours that references a profile.</summary>
    private static readonly (string Table, string Column)[] HostKeyColumns =
    [
        ("time_slots", "teacher_id"), ("slot_series", "teacher_id"), ("blocked_slots", "teacher_id"),
        ("bookings", "teacher_id"), ("bookings", "student_id"), ("share_tokens", "teacher_id"), ("share_tokens", "student_id"),
        ("token_access_log", "teacher_id"), ("token_access_log", "student_id"), ("teacher_policies", "teacher_id"),
        ("student_settings", "teacher_id"), ("student_settings", "student_id"),
        ("notifications", "teacher_id"), ("notifications", "student_id"), ("teacher_calendar_feeds", "teacher_id"),
    ];

    private string OurTable(string name) => Provider == TestProvider.Sqlite ? "booking_" + name : name;

    private string? OurSchema => Provider == TestProvider.Sqlite ? null : "booking";

    [Fact]
    public async Task Migrations_leave_the_host_profile_table_exactly_as_it_was()
    {
        await CreateProfilesAsync(["t1", "s1", "s2"]);
        await Db.ExecuteAsync("CREATE INDEX ix_profiles_display_name ON profiles (display_name)");
        var before = await Db.DescribeTableAsync("profiles");

        var services = BuildServices();
        await services.MigrateClassBookingAsync();
        var afterUp = await Db.DescribeTableAsync("profiles");

        await using (var db = services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext())
        {
            await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db)
                .MigrateAsync(Microsoft.EntityFrameworkCore.Migrations.Migration.InitialDatabase);
        }

        var afterDown = await Db.DescribeTableAsync("profiles");
        Assert.Contains("Name of s2", before, StringComparison.Ordinal);
        Assert.Equal(before, afterUp);
        Assert.Equal(before, afterDown);
    }

    [Fact]
    public async Task Default_settings_reference_profiles_id_from_every_teacher_and_student_column()
    {
        await CreateProfilesAsync(["t1"]);
        await BuildServices().MigrateClassBookingAsync();

        foreach (var (table, column) in HostKeyColumns)
        {
            var foreignKeys = await Db.ForeignKeysAsync(OurTable(table), OurSchema);
            Assert.Contains((column, "profiles", "id"), foreignKeys);
            Assert.Equal(Provider == TestProvider.Sqlite ? "TEXT" : "text", (await Db.ColumnTypesAsync(OurTable(table), OurSchema))[column]);
        }

        // The audit log outlives what it describes: no foreign keys.
        Assert.Empty(await Db.ForeignKeysAsync(OurTable("audit_log"), OurSchema));
    }

    public static TheoryData<string> KeyTypes => new() { "int", "long", "Guid" };

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public async Task A_host_key_type_gives_our_columns_that_database_type_and_foreign_keys_to_the_host_table(string keyType)
    {
        var (clrType, postgresType, sqliteType) = keyType switch
        {
            "int" => (typeof(int), "integer", "INTEGER"),
            "long" => (typeof(long), "bigint", "INTEGER"),
            _ => (typeof(Guid), "uuid", "TEXT"),
        };
        var expectedType = Provider == TestProvider.Sqlite ? sqliteType : postgresType;
        var hostSchema = Provider == TestProvider.Postgres ? "host" : null;
        if (hostSchema is not null)
        {
            await Db.ExecuteAsync("CREATE SCHEMA host");
        }

        var hostTable = hostSchema is null ? "accounts" : "host.accounts";
        await Db.ExecuteAsync($"CREATE TABLE {hostTable} (account_id {expectedType} PRIMARY KEY, email text)");

        await BuildServices(o =>
        {
            o.HostProfileTable = "accounts";
            o.HostProfileSchema = hostSchema;
            o.HostProfileKeyColumn = "account_id";
            o.HostProfileKeyType = clrType;
        }).MigrateClassBookingAsync();

        foreach (var (table, column) in HostKeyColumns)
        {
            Assert.Equal(expectedType, (await Db.ColumnTypesAsync(OurTable(table), OurSchema))[column]);
            Assert.Contains((column, hostTable, "account_id"), await Db.ForeignKeysAsync(OurTable(table), OurSchema));
        }
    }

    [Fact]
    public async Task An_integer_host_key_round_trips_through_the_store_and_unknown_ids_are_refused()
    {
        await Db.ExecuteAsync("CREATE TABLE users (user_id integer PRIMARY KEY, name text)");
        await Db.ExecuteAsync("INSERT INTO users (user_id, name) VALUES (42, 'Teacher'), (7, 'Student')");
        var services = BuildServices(o =>
        {
            o.HostProfileTable = "users";
            o.HostProfileKeyColumn = "user_id";
            o.HostProfileKeyType = typeof(int);
        });
        await services.MigrateClassBookingAsync();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var slot = new TimeSlot { TeacherId = "42", StartsAt = start, EndsAt = start.AddHours(1), CreatedAt = start };

        await using (var scope = services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IClassBookingStore>();
            var written = await store.WriteAsync(WriteLock.Teacher("42"), (session, _) =>
            {
                session.AddSlot(slot);
                return Task.FromResult(Result<bool>.Success(true));
            });
            Assert.True(written.Succeeded);

            var read = await store.ReadAsync((session, ct) => session.GetOpenSlotsAsync("42", new TimeRange(start.AddDays(-1), start.AddDays(1)), ct));
            Assert.Equal("42", Assert.Single(read).TeacherId);

            await Assert.ThrowsAnyAsync<DbUpdateException>(() => store.WriteAsync(WriteLock.Teacher("43"), (session, _) =>
            {
                session.AddSlot(new TimeSlot { TeacherId = "43", StartsAt = start, EndsAt = start.AddHours(1), CreatedAt = start });
                return Task.FromResult(Result<bool>.Success(true));
            }));
        }

        Assert.Equal("42", await Db.ScalarAsync($"SELECT teacher_id FROM {Db.Table("time_slots")}"));
    }

    [Fact]
    public async Task Without_host_foreign_keys_no_host_table_is_needed()
    {
        var services = BuildServices(o => o.CreateHostForeignKeys = false);
        await services.MigrateClassBookingAsync();

        Assert.DoesNotContain(await Db.TablesAsync(), t => t.EndsWith("profiles", StringComparison.Ordinal));
        foreach (var (table, _) in HostKeyColumns)
        {
            Assert.DoesNotContain(await Db.ForeignKeysAsync(OurTable(table), OurSchema), fk => fk.Table.EndsWith("profiles", StringComparison.Ordinal));
        }

        await using var scope = services.CreateAsyncScope();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var written = await scope.ServiceProvider.GetRequiredService<IClassBookingStore>().WriteAsync(WriteLock.Teacher("anyone"), (session, _) =>
        {
            session.AddSlot(new TimeSlot { TeacherId = "anyone", StartsAt = start, EndsAt = start.AddHours(1), CreatedAt = start });
            return Task.FromResult(Result<int>.Success(1));
        });
        Assert.True(written.Succeeded);
    }
}
