using Microsoft.EntityFrameworkCore.Migrations;
#pragma warning disable EF1001 // SqliteHistoryRepository is EF's "internal" API; only the lock table's name is changed.
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>
/// SQLite's migration lock is a table; EF names it <c>__EFMigrationsLock</c>, which would be a table outside
/// ClassBooking's own names in the host's database (and shared with the host's migrations). This names it after
/// ClassBooking's history table instead.
/// </summary>
internal sealed class ClassBookingSqliteHistoryRepository(HistoryRepositoryDependencies dependencies) : SqliteHistoryRepository(dependencies)
{
    public const string LockTable = Modeling.StoreNames.MigrationsHistoryTable + "_lock";

    protected override string LockTableName => LockTable;
}
