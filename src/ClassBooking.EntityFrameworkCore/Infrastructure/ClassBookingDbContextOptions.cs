using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>Adds what ClassBooking's contexts need on top of the host's provider configuration.</summary>
internal static class ClassBookingDbContextOptions
{
    public static void Apply(DbContextOptionsBuilder builder, ClassBookingProvider provider, HostProfileSettings settings)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ClassBookingOptionsExtension(settings));
        if (provider == ClassBookingProvider.Sqlite)
        {
            // Called again without a connection: keeps the host's connection and only sets our history table.
            builder.UseSqlite(sqlite => sqlite.MigrationsHistoryTable(StoreNames.MigrationsHistoryTable));
            builder.ReplaceService<IHistoryRepository, ClassBookingSqliteHistoryRepository>();
            builder.AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);
        }
        else
        {
            builder.UseNpgsql(npgsql => npgsql.MigrationsHistoryTable(StoreNames.MigrationsHistoryTable, StoreNames.PostgresSchema));
        }

        builder.ReplaceService<IMigrationsAssembly, ClassBookingMigrationsAssembly>();
        builder.ReplaceService<IModelCacheKeyFactory, ClassBookingModelCacheKeyFactory>();

        // The migrations' snapshots were generated for the design-time host table (profiles(id text)); with another host
        // table the model necessarily differs from them, and the migrations adapt at run time (ClassBookingMigration).
        // Only then is EF's "pending model changes" check switched off; a test keeps the design-time model in sync.
        if (settings != HostProfileSettings.DesignTime)
        {
            builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }
    }
}
