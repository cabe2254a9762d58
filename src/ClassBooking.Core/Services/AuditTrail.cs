using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using ClassBooking.Core.Tokens;

namespace ClassBooking.Core.Services;

/// <summary>Writes audit rows into the unit of work of the change they record, so both commit or neither does.</summary>
public sealed class AuditTrail(TimeProvider time, ClientAddressHasher addressHasher)
{
    /// <summary>Adds one audit row to <paramref name="session"/>.</summary>
    public void Record(
        IClassBookingSession session,
        string teacherId,
        ActorKind actorKind,
        string? actorId,
        string action,
        string targetType,
        string targetId,
        RequestOrigin? origin = null,
        string? details = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.AddAudit(new AuditEntry
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            At = time.GetUtcNow(),
            TeacherId = teacherId,
            ActorKind = actorKind,
            ActorId = actorId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            ClientAddressHash = addressHasher.Hash(origin?.ClientAddress),
            Details = details,
        });
    }

    /// <summary>The teacher's audit rows in a range, oldest first.</summary>
    public static Task<IReadOnlyList<AuditEntry>> ReadAsync(IClassBookingStore store, string teacherId, TimeRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ReadAsync((s, ct) => s.GetAuditAsync(teacherId, range, ct), cancellationToken);
    }
}
