using ClassBooking.Core.Hosting;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore;
using ClassBooking.EntityFrameworkCore.Infrastructure;
using ClassBooking.EntityFrameworkCore.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Lives where hosts already have a using for it, as ASP.NET Core's own AddX methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Stores ClassBooking's data with Entity Framework Core, in the host's SQLite or PostgreSQL database.</summary>
public static class ClassBookingEntityFrameworkExtensions
{
    /// <summary>
    /// Stores ClassBooking's data with EF Core. <paramref name="configureDatabase"/> selects the provider and
    /// connection (<c>db =&gt; db.UseSqlite(cs)</c> or <c>db =&gt; db.UseNpgsql(cs)</c>); ClassBooking's tables go in
    /// their own schema (<c>booking</c>) or with their own prefix (<c>booking_</c> on SQLite), with their own migrations
    /// history table. <paramref name="configureStore"/> names the host's profile table the tables reference. Apply the
    /// schema with <see cref="MigrateClassBookingAsync"/>. Safe to call more than once: the last call wins.
    /// </summary>
    /// <remarks>
    /// Registers <see cref="IClassBookingStore"/> (scoped), <see cref="INotificationDeliveryStore"/> (singleton),
    /// <see cref="IDbContextFactory{TContext}"/> of
    /// <see cref="ClassBookingDbContext"/> (singleton) and <see cref="ClassBookingDbContext"/> (scoped).
    /// <paramref name="configureDatabase"/> runs when the first context is made, not here.
    /// </remarks>
    public static ClassBookingBuilder AddEntityFrameworkStores(
        this ClassBookingBuilder builder,
        Action<DbContextOptionsBuilder> configureDatabase,
        Action<ClassBookingStoreOptions>? configureStore = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureDatabase);

        var services = builder.Services;
        services.AddOptions<ClassBookingStoreOptions>();
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IConfigureOptions<ClassBookingStoreOptions>) && services[i].ImplementationInstance is ConfigureStoreOptions)
            {
                services.RemoveAt(i);
            }
        }
        if (configureStore is not null)
        {
            services.AddSingleton<IConfigureOptions<ClassBookingStoreOptions>>(new ConfigureStoreOptions(configureStore));
        }

        services.Replace(ServiceDescriptor.Singleton(new ClassBookingDatabaseConfiguration(configureDatabase)));
        services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<ClassBookingDbContext>, ClassBookingDbContextFactory>());
        services.Replace(ServiceDescriptor.Scoped(sp => sp.GetRequiredService<IDbContextFactory<ClassBookingDbContext>>().CreateDbContext()));
        services.Replace(ServiceDescriptor.Scoped<IClassBookingStore, EntityFrameworkClassBookingStore>());
        services.Replace(ServiceDescriptor.Singleton<INotificationDeliveryStore, EntityFrameworkNotificationDeliveryStore>());
        return builder;
    }

    /// <summary>The store options given to <see cref="AddEntityFrameworkStores"/> (so a later call can replace them).</summary>
    private sealed class ConfigureStoreOptions(Action<ClassBookingStoreOptions> configure) : ConfigureOptions<ClassBookingStoreOptions>(configure);

    /// <summary>
    /// Applies ClassBooking's migrations to the configured database: on PostgreSQL it creates the <c>booking</c>
    /// schema and the <c>btree_gist</c> extension if needed. The host's own tables are never touched. Call it at
    /// start-up (several instances may call it at once: EF Core takes a migration lock).
    /// </summary>
    public static async Task MigrateClassBookingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetService<IDbContextFactory<ClassBookingDbContext>>()
            ?? throw new InvalidOperationException("ClassBooking's EF Core store is not registered: call AddClassBooking().AddEntityFrameworkStores(...) first.");
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
