using ClassBooking.Core;
using ClassBooking.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace ClassBooking.Specification.Tests;

/// <summary>
/// Knows whether the current flow is inside a unit of work of the store, so <see cref="TestDirectory"/> can refuse to
/// be called there: a use case that asks the host's directory (the host's database) while it holds a store
/// connection can starve a connection pool under load, so every use case must ask before its unit of work starts.
/// </summary>
public static class UnitOfWorkTracker
{
    private static readonly AsyncLocal<int> Depth = new();

    /// <summary>True while a <see cref="IClassBookingStore.ReadAsync{T}"/> or <see cref="IClassBookingStore.WriteAsync{T}"/> runs in this flow.</summary>
    public static bool IsOpen => Depth.Value > 0;

    /// <summary>Wraps the registered store so that its units of work are tracked.</summary>
    public static void TrackStore(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IClassBookingStore));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(IClassBookingStore), sp => new TrackingStore(Create(sp, original)), original.Lifetime));
    }

    private static IClassBookingStore Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IClassBookingStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class TrackingStore(IClassBookingStore inner) : IClassBookingStore
    {
        public Task<T> ReadAsync<T>(Func<IClassBookingSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            inner.ReadAsync((session, ct) => InsideAsync(() => work(session, ct)), cancellationToken);

        public Task<Result<T>> WriteAsync<T>(WriteLock writeLock, Func<IClassBookingSession, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(writeLock, (session, ct) => InsideAsync(() => work(session, ct)), cancellationToken);

        private static async Task<T> InsideAsync<T>(Func<Task<T>> work)
        {
            Depth.Value++;
            try
            {
                return await work();
            }
            finally
            {
                Depth.Value--;
            }
        }
    }
}
