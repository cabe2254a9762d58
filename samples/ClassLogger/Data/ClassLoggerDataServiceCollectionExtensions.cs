using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Data;

/// <summary>Registers the dashboard's own database.</summary>
public static class ClassLoggerDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClassLoggerDbContext"/> as the provider-specific context for <paramref name="database"/>,
    /// so that the right set of migrations is used.
    /// </summary>
    public static IServiceCollection AddClassLoggerDatabase(this IServiceCollection services, ClassLoggerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);

        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<ClassLoggerDbContext, SqliteClassLoggerDbContext>(options => database.Configure(options));
        }
        else
        {
            services.AddDbContext<ClassLoggerDbContext, PostgresClassLoggerDbContext>(options => database.Configure(options));
        }

        return services;
    }

    /// <summary>Applies the dashboard's own migrations (its tables, and Identity's).</summary>
    public static async Task MigrateClassLoggerAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassLoggerDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
