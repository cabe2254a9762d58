using ClassBooking.Testing;
using Microsoft.AspNetCore.Hosting;

namespace ClassLogger.Tests;

/// <summary>The ClassLogger sample on a fresh database of the test PostgreSQL cluster (dropped afterwards).</summary>
public class PostgresClassLoggerAppFactory : ClassLoggerAppFactory, IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync() => _connectionString = await PostgresTestCluster.CreateDatabaseAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_connectionString is not null)
        {
            await PostgresTestCluster.DropDatabaseAsync(_connectionString);
        }
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:ClassLogger", ConnectionString);
    }
}
