using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Data;

/// <summary>Registers the dashboard's own database.</summary>
public static class ClassLoggerDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClassLoggerDbContext"/> as the provider-specific context for <paramref name="database"/>
    /// (so that the right set of migrations is used): scoped, for Identity's stores and the demo data, and as an
    /// <see cref="IDbContextFactory{TContext}"/> for the pages, whose components may query at the same time during
    /// one request and so each take a context of their own.
    /// </summary>
    public static IServiceCollection AddClassLoggerDatabase(this IServiceCollection services, ClassLoggerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);

        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            AddContext<SqliteClassLoggerDbContext>(services, database);
        }
        else
        {
            AddContext<PostgresClassLoggerDbContext>(services, database);
        }

        return services;
    }

    private static void AddContext<TContext>(IServiceCollection services, ClassLoggerDatabase database)
        where TContext : ClassLoggerDbContext
    {
        // Also registers TContext itself as a scoped service.
        services.AddDbContextFactory<TContext>(options => database.Configure(options));
        services.AddScoped<ClassLoggerDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<ClassLoggerDbContext>>(provider =>
            new ContextFactory<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ClassLoggerDbContext>
        where TContext : ClassLoggerDbContext
    {
        public ClassLoggerDbContext CreateDbContext() => inner.CreateDbContext();
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
