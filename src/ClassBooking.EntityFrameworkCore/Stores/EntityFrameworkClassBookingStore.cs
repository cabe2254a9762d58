using ClassBooking.Core;
using ClassBooking.Core.Stores;
using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Stores;

/// <summary>
/// <see cref="IClassBookingStore"/> on EF Core. Each call gets its own DbContext. A write is one transaction: on
/// PostgreSQL it first takes a transaction-scoped advisory lock on <see cref="WriteLock.Key"/>; on SQLite
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default) takes the database's write lock, which serializes writers.
/// A SQLite file that stays locked past its busy timeout fails the unit of work with a <see cref="TimeoutException"/>,
/// so callers see it as transient (<see cref="TransientDatabaseFailure"/>).
/// </summary>
internal sealed class EntityFrameworkClassBookingStore(IDbContextFactory<ClassBookingDbContext> contexts) : IClassBookingStore
{
    public async Task<T> ReadAsync<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
                context.ChangeTracker.AutoDetectChangesEnabled = false;
                return await work(new EntityFrameworkClassBookingSession(context, readOnly: true), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (DatabaseErrorTranslator.Busy(exception) is { } busy)
        {
            throw busy;
        }
    }

    public async Task<Result<T>> WriteAsync<T>(
        WriteLock writeLock,
        Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await WriteInTransactionAsync(writeLock, work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.Busy(exception) is { } busy)
        {
            // Also when BEGIN itself found the file locked; the uncommitted transaction was rolled back on disposal.
            throw busy;
        }
    }

    private async Task<Result<T>> WriteInTransactionAsync<T>(
        WriteLock writeLock,
        Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work,
        CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    if (context.Provider == ClassBookingProvider.Npgsql)
                    {
                        var key = writeLock.Key;
                        await context.Database
                            .ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken)
                            .ConfigureAwait(false);
                    }

                    var result = await work(new EntityFrameworkClassBookingSession(context, readOnly: false), cancellationToken).ConfigureAwait(false);
                    if (!result.Succeeded)
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        return result;
                    }

                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
                catch (Exception exception) when (DatabaseErrorTranslator.Translate(exception, context.Names) is { } error)
                {
                    await RollBackQuietlyAsync(transaction).ConfigureAwait(false);
                    return Result<T>.Failure(error);
                }

                // Any other exception propagates; disposing the uncommitted transaction rolls it back.
            }
        }
    }

    private static async Task RollBackQuietlyAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The failed statement may already have ended the transaction; the original error is what matters.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
