using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>The host's database configuration, as given to <c>AddEntityFrameworkStores</c>.</summary>
internal sealed class ClassBookingDatabaseConfiguration(Action<DbContextOptionsBuilder> configure)
{
    public Action<DbContextOptionsBuilder> Configure { get; } = configure;
}

/// <summary>
/// Makes ClassBooking's DbContexts: the SQLite or PostgreSQL subclass, chosen from the provider the host configured.
/// The options are built once (on first use) and shared, so making a context is cheap.
/// </summary>
internal sealed class ClassBookingDbContextFactory : IDbContextFactory<ClassBookingDbContext>
{
    private readonly Lazy<Func<ClassBookingDbContext>> _create;

    public ClassBookingDbContextFactory(ClassBookingDatabaseConfiguration database, IOptions<ClassBookingStoreOptions> storeOptions)
    {
        _create = new Lazy<Func<ClassBookingDbContext>>(() => Build(database.Configure, storeOptions.Value.ToSettings()));
    }

    public ClassBookingDbContext CreateDbContext() => _create.Value();

    private static Func<ClassBookingDbContext> Build(Action<DbContextOptionsBuilder> configure, HostProfileSettings settings)
    {
        switch (DetectProvider(configure))
        {
            case ClassBookingProvider.Sqlite:
            {
                var builder = new DbContextOptionsBuilder<SqliteClassBookingDbContext>();
                configure(builder);
                ClassBookingDbContextOptions.Apply(builder, ClassBookingProvider.Sqlite, settings);
                var options = builder.Options;
                return () => new SqliteClassBookingDbContext(options);
            }

            default:
            {
                var builder = new DbContextOptionsBuilder<NpgsqlClassBookingDbContext>();
                configure(builder);
                ClassBookingDbContextOptions.Apply(builder, ClassBookingProvider.Npgsql, settings);
                var options = builder.Options;
                return () => new NpgsqlClassBookingDbContext(options);
            }
        }
    }

    /// <summary>Which provider the host's configuration selects, asked through EF's public API.</summary>
    internal static ClassBookingProvider DetectProvider(Action<DbContextOptionsBuilder> configure)
    {
        var builder = new DbContextOptionsBuilder();
        configure(builder);
        if (!builder.IsConfigured)
        {
            throw new InvalidOperationException(NoProvider);
        }

        using var probe = new DbContext(builder.Options);
        if (probe.Database.IsSqlite())
        {
            return ClassBookingProvider.Sqlite;
        }

        if (probe.Database.IsNpgsql())
        {
            return ClassBookingProvider.Npgsql;
        }

        throw new NotSupportedException(
            $"ClassBooking has migrations for SQLite and PostgreSQL only; the configured provider is {probe.Database.ProviderName}. {NoProvider}");
    }

    private const string NoProvider =
        "Configure ClassBooking's database with UseSqlite(...) or UseNpgsql(...): .AddEntityFrameworkStores(db => db.UseSqlite(connectionString)).";
}
