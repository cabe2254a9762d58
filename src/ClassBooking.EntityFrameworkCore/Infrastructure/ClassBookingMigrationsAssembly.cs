using System.Reflection;
using ClassBooking.Core.Model;
using ClassBooking.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
#pragma warning disable EF1001 // MigrationsAssembly is EF's "internal" API; it is the documented way to hand state to migrations.
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace ClassBooking.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Creates ClassBooking's migrations and hands each the host's profile table as configured at run time, so one
/// compiled migration serves every host (see <see cref="ClassBookingMigration"/>).
/// </summary>
internal sealed class ClassBookingMigrationsAssembly : MigrationsAssembly
{
    private readonly ICurrentDbContext _currentContext;

    public ClassBookingMigrationsAssembly(
        ICurrentDbContext currentContext,
        IDbContextOptions options,
        IMigrationsIdGenerator idGenerator,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger)
    {
        _currentContext = currentContext;
    }

    public override Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = base.CreateMigration(migrationClass, activeProvider);
        if (migration is not ClassBookingMigration classBookingMigration)
        {
            throw new InvalidOperationException(
                $"Migration {migrationClass.FullName} must derive from {nameof(ClassBookingMigration)} (not Migration), so it adapts to the host's profile table.");
        }

        if (_currentContext.Context is ClassBookingDbContext context)
        {
            classBookingMigration.HostTable = HostTableMapping.For(context);
        }

        return migration;
    }
}

/// <summary>The host's profile table as the migrations must reference it at run time.</summary>
/// <param name="Table">Table name.</param>
/// <param name="Schema">Schema, or null for the default.</param>
/// <param name="KeyColumn">Key column.</param>
/// <param name="KeyStoreType">Database type of the key (e.g. <c>integer</c>), given to ClassBooking's teacher and student columns.</param>
/// <param name="KeyProviderClrType">CLR type of the key in the database.</param>
/// <param name="CreateForeignKeys">Whether foreign keys to the table are created.</param>
internal sealed record HostTableMapping(string Table, string? Schema, string KeyColumn, string KeyStoreType, Type KeyProviderClrType, bool CreateForeignKeys)
{
    public static HostTableMapping For(ClassBookingDbContext context)
    {
        var teacherId = context.Model.FindEntityType(typeof(TimeSlot))!.FindProperty(nameof(TimeSlot.TeacherId))!;
        var mapping = teacherId.GetRelationalTypeMapping();
        var settings = context.HostSettings;
        return new HostTableMapping(
            settings.Table,
            settings.Schema,
            settings.KeyColumn,
            mapping.StoreType,
            mapping.Converter?.ProviderClrType ?? mapping.ClrType,
            settings.CreateForeignKeys);
    }
}
