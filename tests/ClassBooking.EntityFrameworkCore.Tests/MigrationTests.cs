using System.Reflection;
using ClassBooking.EntityFrameworkCore.Infrastructure;
using ClassBooking.EntityFrameworkCore.Migrations;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>ClassBooking's migrations on an empty database (with only the host's profile table).</summary>
public abstract class MigrationTests : DatabaseTest
{
    private static readonly string[] OurTables =
        ["audit_log", "blocked_slots", "bookings", "notifications", "share_tokens", "slot_series", "student_settings", "teacher_calendar_feeds", "teacher_policies", "time_slots", "token_access_log"];

    private IReadOnlyList<string> ExpectedNewTables => Provider == TestProvider.Sqlite
        ? [.. OurTables.Select(t => "booking_" + t), "__classbooking_migrations", "__classbooking_migrations_lock"]
        : [.. OurTables.Select(t => "booking." + t), "booking.__classbooking_migrations"];

    [Fact]
    public async Task Migrations_create_exactly_our_tables_and_keep_the_hosts()
    {
        await CreateProfilesAsync(["t1"]);
        var before = await Db.TablesAsync();

        await BuildServices().MigrateClassBookingAsync();

        var after = await Db.TablesAsync();
        Assert.Equal(before.Order(), after.Intersect(before).Order());
        Assert.Equal(ExpectedNewTables.Order(StringComparer.Ordinal), after.Except(before).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrations_are_recorded_in_our_own_history_table_only()
    {
        await CreateProfilesAsync(["t1"]);
        var services = BuildServices();
        await services.MigrateClassBookingAsync();

        var history = Provider == TestProvider.Sqlite ? "__classbooking_migrations" : "booking.__classbooking_migrations";
        var applied = (await Db.QueryAsync($"SELECT \"MigrationId\" FROM {history}")).Select(r => r[0]).ToList();
        await using var db = services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Contains(applied, id => id.EndsWith("_InitialSchema", StringComparison.Ordinal));
        Assert.DoesNotContain(await Db.TablesAsync(), t => t.Contains("__EF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await CreateProfilesAsync(["t1"]);
        var services = BuildServices();
        await services.MigrateClassBookingAsync();
        var tables = await Db.TablesAsync();

        await services.MigrateClassBookingAsync();

        await using var db = services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(tables, await Db.TablesAsync());
    }

    [Fact]
    public async Task Migrating_down_removes_everything_the_migrations_added()
    {
        await CreateProfilesAsync(["t1"]);
        var before = await Db.TablesAsync();
        var services = BuildServices();
        await services.MigrateClassBookingAsync();

        await using (var db = services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
        }

        var left = (await Db.TablesAsync()).Except(before).ToList();
        Assert.All(left, t => Assert.Contains("__classbooking_migrations", t, StringComparison.Ordinal));
        if (Provider == TestProvider.Postgres)
        {
            Assert.Equal("0", await Db.ScalarAsync("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'booking'"));
        }
        else
        {
            Assert.Equal("0", await Db.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
        }
    }

    /// <summary>The design-time model (what the snapshot was generated from) has no change the migrations lack.</summary>
    [Fact]
    public void Design_time_model_has_no_pending_changes_against_the_snapshot()
    {
        using ClassBookingDbContext db = Provider == TestProvider.Sqlite
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new NpgsqlDesignTimeFactory().CreateDbContext([]);

        Assert.NotNull(db.GetService<IMigrationsAssembly>().ModelSnapshot);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration (src/ClassBooking.EntityFrameworkCore/Migrations/add-migration.sh).");
    }

    /// <summary>A host with the default profile table runs exactly the design-time model (so EF's own pending-changes check stays on).</summary>
    [Fact]
    public void Default_host_settings_give_the_design_time_model()
    {
        using var db = BuildServices().GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        Assert.Equal(HostProfileSettings.DesignTime, db.HostSettings);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Every_migration_derives_from_ClassBookingMigration()
    {
        var migrations = typeof(ClassBookingDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<MigrationAttribute>() is not null)
            .ToList();

        Assert.Equal(2, migrations.Select(t => t.GetCustomAttribute<DbContextAttribute>()!.ContextType).Distinct().Count());
        Assert.All(migrations, t => Assert.True(t.IsSubclassOf(typeof(ClassBookingMigration)), t.FullName));
    }

    [Fact]
    public async Task PostgreSQL_gets_the_booking_schema_and_btree_gist()
    {
        await CreateProfilesAsync(["t1"]);
        await BuildServices().MigrateClassBookingAsync();
        if (Provider != TestProvider.Postgres)
        {
            Assert.DoesNotContain(await Db.TablesAsync(), t => t.Contains('.', StringComparison.Ordinal));
            return;
        }

        Assert.Equal("1", await Db.ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'booking'"));
        // The extension lives in ClassBooking's schema, so the host's public schema gains no functions.
        Assert.Equal("booking", await Db.ScalarAsync("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'btree_gist'"));
        Assert.Equal("0", await Db.ScalarAsync("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"));
    }
}
