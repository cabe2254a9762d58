using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClassLogger.Data;

/// <summary>The database providers the dashboard runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file (the default; no set-up).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSQL,
}

/// <summary>
/// Which database the dashboard uses, from configuration: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or
/// <c>PostgreSQL</c>) and <c>ConnectionStrings:ClassLogger</c> (default <c>Data Source=classlogger.db</c>).
/// </summary>
public sealed record ClassLoggerDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string used when none is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=classlogger.db";

    /// <summary>Reads the provider and connection string; a relative SQLite file is placed in the content root.</summary>
    public static ClassLoggerDatabase FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var providerName = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerName))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerName, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerName}'; use 'Sqlite' (the default) or 'PostgreSQL'.");
        }

        var connectionString = configuration.GetConnectionString("ClassLogger");
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString);
            if (!string.IsNullOrEmpty(sqlite.DataSource)
                && sqlite.DataSource != ":memory:"
                && sqlite.Mode != SqliteOpenMode.Memory
                && !Path.IsPathRooted(sqlite.DataSource))
            {
                sqlite.DataSource = Path.Combine(environment.ContentRootPath, sqlite.DataSource);
            }

            return new ClassLoggerDatabase(provider, sqlite.ToString());
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is PostgreSQL but ConnectionStrings:ClassLogger is empty; set it, e.g. "
                + "\"Host=localhost;Database=classlogger;Username=classlogger;Password=...\".");
        }

        return new ClassLoggerDatabase(provider, connectionString);
    }

    /// <summary>Points EF Core options at this database (used for the dashboard's context and for ClassBooking's).</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(ConnectionString)
            : options.UseNpgsql(ConnectionString);
    }
}
