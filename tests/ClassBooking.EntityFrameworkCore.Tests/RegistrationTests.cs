using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Infrastructure;
using ClassBooking.EntityFrameworkCore.Stores;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>AddEntityFrameworkStores as a host calls it (no database is opened here).</summary>
public sealed class RegistrationTests
{
    private static ServiceProvider Build(Action<ServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public void The_store_and_the_context_factory_are_registered_and_the_provider_picks_the_context()
    {
        using var sqlite = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(db => db.UseSqlite("Data Source=unused.db")));
        using var npgsql = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(db => db.UseNpgsql("Host=unused")));

        using (var scope = sqlite.CreateScope())
        {
            Assert.IsType<EntityFrameworkClassBookingStore>(scope.ServiceProvider.GetRequiredService<IClassBookingStore>());
            Assert.IsType<SqliteClassBookingDbContext>(scope.ServiceProvider.GetRequiredService<ClassBookingDbContext>());
            Assert.True(sqlite.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IClassBookingStore)));
        }

        using var context = npgsql.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        Assert.IsType<NpgsqlClassBookingDbContext>(context);
    }

    [Fact]
    public void Calling_it_twice_keeps_one_registration_and_the_last_settings_win()
    {
        using var services = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>()
            .AddEntityFrameworkStores(db => db.UseSqlite("Data Source=first.db"), o => o.HostProfileTable = "first")
            .AddEntityFrameworkStores(db => db.UseNpgsql("Host=second"), o => o.HostProfileKeyType = typeof(int)));

        Assert.Single(services.GetServices<IDbContextFactory<ClassBookingDbContext>>());
        using var scope = services.CreateScope();
        Assert.Single(scope.ServiceProvider.GetServices<IClassBookingStore>());
        var options = services.GetRequiredService<IOptions<ClassBookingStoreOptions>>().Value;
        Assert.Equal("profiles", options.HostProfileTable);
        Assert.Equal(typeof(int), options.HostProfileKeyType);
        using var context = services.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        Assert.IsType<NpgsqlClassBookingDbContext>(context);
        Assert.Equal(typeof(int), context.HostSettings.KeyType);
    }

    [Fact]
    public void An_unsupported_key_type_or_a_missing_provider_fails_with_a_message_that_says_what_to_do()
    {
        using var badKey = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(db => db.UseSqlite("Data Source=x.db"), o => o.HostProfileKeyType = typeof(short)));
        var keyError = Assert.Throws<InvalidOperationException>(() => badKey.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext());
        Assert.Contains("HostProfileKeyType", keyError.Message, StringComparison.Ordinal);

        using var noProvider = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(_ => { }));
        var providerError = Assert.Throws<InvalidOperationException>(() => noProvider.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext());
        Assert.Contains("UseSqlite", providerError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_host_tables_in_one_process_get_different_models()
    {
        using var strings = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(db => db.UseNpgsql("Host=unused")));
        using var ints = Build(s => s.AddClassBooking().AddTeacherDirectory<EmptyDirectory>().AddStudentDirectory<EmptyDirectory>().AddEntityFrameworkStores(db => db.UseNpgsql("Host=unused"), o =>
        {
            o.HostProfileTable = "users";
            o.HostProfileKeyType = typeof(int);
        }));

        using var a = strings.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();
        using var b = ints.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext();

        Assert.Equal("text", a.Model.FindEntityType(typeof(Core.Model.TimeSlot))!.FindProperty("TeacherId")!.GetColumnType());
        Assert.Equal("integer", b.Model.FindEntityType(typeof(Core.Model.TimeSlot))!.FindProperty("TeacherId")!.GetColumnType());
        // EF's pending-model-changes check stays on for the design-time host table and is off only for another one.
        Assert.NotEqual(WarningBehavior.Ignore, a.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration.GetBehavior(RelationalEventId.PendingModelChangesWarning));
        Assert.Equal(WarningBehavior.Ignore, b.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration.GetBehavior(RelationalEventId.PendingModelChangesWarning));
    }
}
