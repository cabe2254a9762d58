// Every abstract test class runs on both databases.
namespace ClassBooking.EntityFrameworkCore.Tests;

using ClassBooking.EntityFrameworkCore.Tests.Infrastructure;

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}

public sealed class SqliteHostTableTests : HostTableTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresHostTableTests : HostTableTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}

public sealed class SqliteDatabaseRuleTests : DatabaseRuleTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresDatabaseRuleTests : DatabaseRuleTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}

public sealed class SqliteWriteTests : WriteTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresWriteTests : WriteTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}

public sealed class SqliteSeatRaceTests : SeatRaceTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresSeatRaceTests : SeatRaceTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}

public sealed class SqliteSessionQueryTests : SessionQueryTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresSessionQueryTests : SessionQueryTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
