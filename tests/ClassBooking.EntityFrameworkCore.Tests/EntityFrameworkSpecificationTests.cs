using ClassBooking.Core.Hosting;
using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;
using ClassBooking.Specification.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.EntityFrameworkCore.Tests;

/// <summary>
/// The storage specification suite on the EF Core store: a fresh database per test with the host's
/// <c>profiles(id integer)</c> table, ClassBooking's migrations applied, the store registered as a host would.
/// </summary>
public abstract class EntityFrameworkSpecificationTests : ClassBookingSpecificationTests
{
    private TestDatabase? _db;

    protected abstract TestProvider Provider { get; }

    private TestDatabase Db => _db ?? throw new InvalidOperationException("No database yet.");

    protected override async Task CreateDatabaseAsync(IReadOnlyList<int> profileIds)
    {
        _db = await TestDatabase.CreateAsync(Provider);
        await Db.ExecuteAsync("CREATE TABLE profiles (id integer PRIMARY KEY, display_name text NOT NULL)");
        await Db.ExecuteAsync("INSERT INTO profiles (id, display_name) VALUES " + string.Join(", ", profileIds.Select(id => $"({id}, 'Profile {id}')")));
    }

    protected override void AddStore(ClassBookingBuilder builder) =>
        builder.AddEntityFrameworkStores(Db.Configure, store => store.HostProfileKeyType = typeof(int));

    protected override Task MigrateAsync(IServiceProvider services) => services.MigrateClassBookingAsync();

    protected override async Task DropDatabaseAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

public sealed class SqliteSpecificationTests : EntityFrameworkSpecificationTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresSpecificationTests : EntityFrameworkSpecificationTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
