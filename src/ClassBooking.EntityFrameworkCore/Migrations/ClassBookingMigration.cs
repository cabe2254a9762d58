using ClassBooking.EntityFrameworkCore.Infrastructure;
using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace ClassBooking.EntityFrameworkCore.Migrations;

/// <summary>
/// Base class of every ClassBooking migration. Migrations are generated against the design-time host table
/// (<c>profiles(id text)</c>, see <see cref="HostProfileSettings.DesignTime"/>); at run time
/// <see cref="ClassBookingMigrationsAssembly"/> sets <see cref="HostTable"/> and this class rewrites the operations for
/// the host's real table: the foreign keys point at its table, schema and key column (or are left out when the host
/// turned them off), and the columns they are on get the host key's database type.
/// </summary>
/// <remarks>
/// A column is recognised as a host key when the same migration has a foreign key from it to the design-time host
/// table; a dropped foreign key by its name ending in <see cref="StoreNames.HostForeignKeySuffix"/>. SQLite table
/// rebuilds generated from the target model are not rewritten: keep migrations that touch host-key columns additive.
/// </remarks>
internal abstract class ClassBookingMigration : Migration
{
    private IReadOnlyList<MigrationOperation>? _up;
    private IReadOnlyList<MigrationOperation>? _down;

    /// <summary>The host's table at run time; null leaves the operations as generated.</summary>
    internal HostTableMapping? HostTable { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<MigrationOperation> UpOperations => _up ??= Adapt(base.UpOperations, HostTable);

    /// <inheritdoc />
    public override IReadOnlyList<MigrationOperation> DownOperations => _down ??= Adapt(base.DownOperations, HostTable);

    internal static IReadOnlyList<MigrationOperation> Adapt(IReadOnlyList<MigrationOperation> operations, HostTableMapping? host)
    {
        if (host is null)
        {
            return operations;
        }

        var design = HostProfileSettings.DesignTime;
        bool ToHost(string principalTable, string? principalSchema) => principalTable == design.Table && principalSchema == design.Schema;

        var hostColumns = new HashSet<(string? Schema, string Table, string Column)>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation create:
                    foreach (var foreignKey in create.ForeignKeys.Where(fk => ToHost(fk.PrincipalTable, fk.PrincipalSchema)))
                    {
                        hostColumns.UnionWith(foreignKey.Columns.Select(c => (create.Schema, create.Name, c)));
                    }

                    break;
                case AddForeignKeyOperation add when ToHost(add.PrincipalTable, add.PrincipalSchema):
                    hostColumns.UnionWith(add.Columns.Select(c => (add.Schema, add.Table, c)));
                    break;
            }
        }

        var adapted = new List<MigrationOperation>(operations.Count);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation create:
                    foreach (var column in create.Columns.Where(c => hostColumns.Contains((create.Schema, create.Name, c.Name))))
                    {
                        Retype(column, host);
                    }

                    foreach (var foreignKey in create.ForeignKeys.Where(fk => ToHost(fk.PrincipalTable, fk.PrincipalSchema)).ToList())
                    {
                        if (host.CreateForeignKeys)
                        {
                            Retarget(foreignKey, host);
                        }
                        else
                        {
                            create.ForeignKeys.Remove(foreignKey);
                        }
                    }

                    adapted.Add(create);
                    break;

                case AddColumnOperation add when hostColumns.Contains((add.Schema, add.Table, add.Name)):
                    Retype(add, host);
                    adapted.Add(add);
                    break;

                case AlterColumnOperation alter when hostColumns.Contains((alter.Schema, alter.Table, alter.Name)):
                    Retype(alter, host);
                    Retype(alter.OldColumn, host);
                    adapted.Add(alter);
                    break;

                case AddForeignKeyOperation add when ToHost(add.PrincipalTable, add.PrincipalSchema):
                    if (host.CreateForeignKeys)
                    {
                        Retarget(add, host);
                        adapted.Add(add);
                    }

                    break;

                case DropForeignKeyOperation drop when drop.Name.EndsWith(StoreNames.HostForeignKeySuffix, StringComparison.Ordinal):
                    if (host.CreateForeignKeys)
                    {
                        adapted.Add(drop);
                    }

                    break;

                default:
                    adapted.Add(operation);
                    break;
            }
        }

        return adapted;
    }

    private static void Retype(ColumnOperation column, HostTableMapping host)
    {
        column.ColumnType = host.KeyStoreType;
        column.ClrType = host.KeyProviderClrType;
        column.MaxLength = null;
        column.IsUnicode = null;
        column.IsFixedLength = null;
    }

    private static void Retarget(AddForeignKeyOperation foreignKey, HostTableMapping host)
    {
        foreignKey.PrincipalTable = host.Table;
        foreignKey.PrincipalSchema = host.Schema;
        foreignKey.PrincipalColumns = [host.KeyColumn];
    }
}
