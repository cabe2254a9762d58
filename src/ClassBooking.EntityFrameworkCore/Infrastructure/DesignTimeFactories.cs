using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>Used by <c>dotnet ef</c> to generate the SQLite migrations (against the design-time host table <c>profiles(id)</c>).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClassBookingDbContext>
{
    public SqliteClassBookingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteClassBookingDbContext>().UseSqlite("Data Source=classbooking-design-time.db");
        ClassBookingDbContextOptions.Apply(builder, ClassBookingProvider.Sqlite, HostProfileSettings.DesignTime);
        return new SqliteClassBookingDbContext(builder.Options);
    }
}

/// <summary>Used by <c>dotnet ef</c> to generate the PostgreSQL migrations (no server needed to add a migration).</summary>
internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlClassBookingDbContext>
{
    public NpgsqlClassBookingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NpgsqlClassBookingDbContext>().UseNpgsql("Host=localhost;Database=classbooking_design_time");
        ClassBookingDbContextOptions.Apply(builder, ClassBookingProvider.Npgsql, HostProfileSettings.DesignTime);
        return new NpgsqlClassBookingDbContext(builder.Options);
    }
}
