using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClassLogger.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteClassLoggerDbContext</c> build the SQLite model.</summary>
internal sealed class SqliteClassLoggerDbContextFactory : IDesignTimeDbContextFactory<SqliteClassLoggerDbContext>
{
    public SqliteClassLoggerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClassLoggerDbContext>()
            .UseSqlite(ClassLoggerDatabase.DefaultSqliteConnectionString)
            .Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgresClassLoggerDbContext</c> build the PostgreSQL model
/// without a server (adding a migration does not connect).
/// </summary>
internal sealed class PostgresClassLoggerDbContextFactory : IDesignTimeDbContextFactory<PostgresClassLoggerDbContext>
{
    public PostgresClassLoggerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClassLoggerDbContext>()
            .UseNpgsql("Host=localhost;Database=classlogger_design")
            .Options);
}
