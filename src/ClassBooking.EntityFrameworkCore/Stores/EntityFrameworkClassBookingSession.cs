using ClassBooking.Core.Model;
using ClassBooking.Core.Stores;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore.Stores;

/// <summary>
/// <see cref="IClassBookingSession"/> over one DbContext. In a write, entities are tracked and saved by the store
/// when the work succeeds; in a read, nothing is tracked and the Add/Remove methods throw.
/// </summary>
internal sealed class EntityFrameworkClassBookingSession(ClassBookingDbContext db, bool readOnly) : IClassBookingSession
{
    /// <summary>The session's DbContext (for tests that simulate what another writer did).</summary>
    internal ClassBookingDbContext Context => db;

    // ----- Slots -----

    public async Task<TimeSlot?> FindSlotAsync(Guid slotId, CancellationToken cancellationToken) =>
        await db.TimeSlots.FindAsync([slotId], cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TimeSlot>> GetOpenSlotsAsync(string teacherId, TimeRange range, CancellationToken cancellationToken) =>
        await db.TimeSlots
            .Where(s => s.TeacherId == teacherId && s.Status == SlotStatus.Open && s.StartsAt < range.End && s.EndsAt > range.Start)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TimeSlot>> GetSeriesSlotsAsync(Guid seriesId, CancellationToken cancellationToken) =>
        await db.TimeSlots
            .Where(s => s.SeriesId == seriesId && s.Status == SlotStatus.Open)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public void AddSlot(TimeSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Writable();
        slot.Id = NewIdIfEmpty(slot.Id);
        db.TimeSlots.Add(slot);
    }

    public async Task<bool> TryTakeSeatAsync(Guid slotId, TimeRange expectedRange, CancellationToken cancellationToken)
    {
        Writable();
        var version = Guid.CreateVersion7();

        // The time is part of the condition: a teacher moving the slot under another lock must not let a booking
        // through that was checked against the old time.
        var (start, end) = (expectedRange.Start, expectedRange.End);
        var rows = await db.TimeSlots
            .Where(s => s.Id == slotId && s.Status == SlotStatus.Open && s.BookedCount < s.Capacity && s.StartsAt == start && s.EndsAt == end)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BookedCount, s => s.BookedCount + 1).SetProperty(s => s.Version, version), cancellationToken)
            .ConfigureAwait(false);
        if (rows == 1)
        {
            SyncTrackedSlot(slotId, +1, version);
        }

        return rows == 1;
    }

    public async Task ReleaseSeatAsync(Guid slotId, CancellationToken cancellationToken)
    {
        Writable();
        var version = Guid.CreateVersion7();
        var rows = await db.TimeSlots
            .Where(s => s.Id == slotId && s.BookedCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BookedCount, s => s.BookedCount - 1).SetProperty(s => s.Version, version), cancellationToken)
            .ConfigureAwait(false);
        if (rows == 1)
        {
            SyncTrackedSlot(slotId, -1, version);
        }
    }

    /// <summary>
    /// The conditional update bypassed the change tracker; a slot this session already loaded is brought in line
    /// (as if it had been read again), so saving other changes to it neither undoes the seat nor trips the version check.
    /// </summary>
    private void SyncTrackedSlot(Guid slotId, int seats, Guid version)
    {
        var entry = db.ChangeTracker.Entries<TimeSlot>().FirstOrDefault(e => e.Entity.Id == slotId);
        if (entry is null)
        {
            return;
        }

        var bookedCount = entry.Property(s => s.BookedCount);
        var current = bookedCount.IsModified ? bookedCount.CurrentValue : bookedCount.OriginalValue + seats;
        bookedCount.OriginalValue += seats;
        bookedCount.CurrentValue = current;

        var slotVersion = entry.Property(s => s.Version);
        var versionChanged = slotVersion.IsModified;
        slotVersion.OriginalValue = version;
        if (!versionChanged)
        {
            slotVersion.CurrentValue = version;
        }

        bookedCount.IsModified = bookedCount.CurrentValue != bookedCount.OriginalValue;
        slotVersion.IsModified = slotVersion.CurrentValue != slotVersion.OriginalValue;
    }

    // ----- Series -----

    public async Task<SlotSeries?> FindSeriesAsync(Guid seriesId, CancellationToken cancellationToken) =>
        await db.SlotSeries.FindAsync([seriesId], cancellationToken).ConfigureAwait(false);

    public void AddSeries(SlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Writable();
        series.Id = NewIdIfEmpty(series.Id);
        db.SlotSeries.Add(series);
    }

    // ----- Blocked periods -----

    public async Task<BlockedPeriod?> FindBlockAsync(Guid blockId, CancellationToken cancellationToken) =>
        await db.BlockedPeriods.FindAsync([blockId], cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<BlockedPeriod>> GetBlocksAsync(string teacherId, TimeRange range, CancellationToken cancellationToken) =>
        await db.BlockedPeriods
            .Where(b => b.TeacherId == teacherId && b.StartsAt < range.End && b.EndsAt > range.Start)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public void AddBlock(BlockedPeriod block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Writable();
        block.Id = NewIdIfEmpty(block.Id);
        db.BlockedPeriods.Add(block);
    }

    public void RemoveBlock(BlockedPeriod block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Writable();
        db.BlockedPeriods.Remove(block);
    }

    // ----- Bookings -----

    public async Task<Booking?> FindBookingAsync(Guid bookingId, CancellationToken cancellationToken) =>
        await db.Bookings.FindAsync([bookingId], cancellationToken).ConfigureAwait(false);

    public Task<Booking?> FindActiveBookingAsync(Guid slotId, string studentId, CancellationToken cancellationToken) =>
        db.Bookings.FirstOrDefaultAsync(b => b.SlotId == slotId && b.StudentId == studentId && b.Status == BookingStatus.Confirmed, cancellationToken);

    public Task<Booking?> FindBookingByIdempotencyKeyAsync(string teacherId, string studentId, string idempotencyKey, CancellationToken cancellationToken) =>
        db.Bookings.FirstOrDefaultAsync(b => b.TeacherId == teacherId && b.StudentId == studentId && b.IdempotencyKey == idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<Booking>> GetActiveBookingsForSlotsAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slotIds);
        if (slotIds.Count == 0)
        {
            return [];
        }

        var ids = slotIds.Distinct().ToList();
        return await db.Bookings
            .Where(b => ids.Contains(b.SlotId) && b.Status == BookingStatus.Confirmed)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Booking>> GetStudentBookingsAsync(string teacherId, string studentId, TimeRange range, CancellationToken cancellationToken) =>
        await db.Bookings
            .Where(b => b.TeacherId == teacherId && b.StudentId == studentId && b.StartsAt < range.End && b.EndsAt > range.Start)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<int> CountActiveBookingsStartingAsync(string teacherId, string studentId, TimeRange range, CancellationToken cancellationToken) =>
        db.Bookings.CountAsync(
            b => b.TeacherId == teacherId && b.StudentId == studentId && b.Status == BookingStatus.Confirmed && b.StartsAt >= range.Start && b.StartsAt < range.End,
            cancellationToken);

    public async Task<IReadOnlyList<Booking>> GetActiveTeacherBookingsAsync(string teacherId, TimeRange range, CancellationToken cancellationToken) =>
        await db.Bookings
            .Where(b => b.TeacherId == teacherId && b.Status == BookingStatus.Confirmed && b.StartsAt < range.End && b.EndsAt > range.Start)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Booking>> GetStudentFeedBookingsAsync(
        string teacherId, string studentId, DateTimeOffset confirmedEndingAfter, DateTimeOffset cancelledSince, CancellationToken cancellationToken) =>
        await db.Bookings
            .Where(b => b.TeacherId == teacherId && b.StudentId == studentId
                && ((b.Status == BookingStatus.Confirmed && b.EndsAt > confirmedEndingAfter)
                    || (b.Status == BookingStatus.Cancelled && b.CancelledAt >= cancelledSince)))
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public void AddBooking(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        Writable();
        booking.Id = NewIdIfEmpty(booking.Id);
        db.Bookings.Add(booking);
    }

    // ----- Share tokens -----

    public Task<ShareToken?> FindTokenByHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return db.ShareTokens.FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);
    }

    public Task<ShareToken?> FindUnrevokedTokenAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
        db.ShareTokens.FirstOrDefaultAsync(t => t.TeacherId == teacherId && t.StudentId == studentId && t.RevokedAt == null, cancellationToken);

    public async Task<IReadOnlyList<ShareToken>> GetUnrevokedTokensAsync(string teacherId, CancellationToken cancellationToken) =>
        await db.ShareTokens
            .Where(t => t.TeacherId == teacherId && t.RevokedAt == null)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public void AddToken(ShareToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Writable();
        token.Id = NewIdIfEmpty(token.Id);
        db.ShareTokens.Add(token);
    }

    public void AddTokenAccess(TokenAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        Writable();
        access.Id = NewIdIfEmpty(access.Id);
        db.TokenAccesses.Add(access);
    }

    public async Task<IReadOnlyList<TokenAccess>> GetTokenAccessesAsync(string teacherId, string? studentId, TimeRange range, CancellationToken cancellationToken)
    {
        var query = db.TokenAccesses.Where(a => a.TeacherId == teacherId && a.At >= range.Start && a.At < range.End);
        if (studentId is not null)
        {
            query = query.Where(a => a.StudentId == studentId);
        }

        return await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // ----- Teachers' calendar feeds -----

    public async Task<TeacherCalendarFeed?> FindCalendarFeedAsync(string teacherId, CancellationToken cancellationToken) =>
        await db.TeacherCalendarFeeds.FindAsync([teacherId], cancellationToken).ConfigureAwait(false);

    public Task<TeacherCalendarFeed?> FindCalendarFeedByHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return db.TeacherCalendarFeeds.FirstOrDefaultAsync(f => f.TokenHash == tokenHash, cancellationToken);
    }

    public void AddCalendarFeed(TeacherCalendarFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Writable();
        db.TeacherCalendarFeeds.Add(feed);
    }

    public void RemoveCalendarFeed(TeacherCalendarFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Writable();
        db.TeacherCalendarFeeds.Remove(feed);
    }

    // ----- Students' settings -----

    public async Task<IReadOnlyList<StudentSettings>> GetStudentSettingsAsync(string teacherId, CancellationToken cancellationToken) =>
        await db.StudentSettings
            .Where(x => x.TeacherId == teacherId)
            .OrderBy(x => x.StudentId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<StudentSettings?> FindStudentSettingsAsync(string teacherId, string studentId, CancellationToken cancellationToken) =>
        await db.StudentSettings.FindAsync([teacherId, studentId], cancellationToken).ConfigureAwait(false);

    public void AddStudentSettings(StudentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Writable();
        db.StudentSettings.Add(settings);
    }

    // ----- Outbox -----

    public void AddNotification(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Writable();
        notification.Id = NewIdIfEmpty(notification.Id);
        db.Notifications.Add(notification);
    }

    public async Task<IReadOnlyList<Notification>> GetPendingNotificationsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken) =>
        bookingIds.Count == 0
            ? []
            : await db.Notifications
                .Where(n => bookingIds.Contains(n.BookingId) && n.Status == NotificationStatus.Pending)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Notification>> GetBookingNotificationsAsync(Guid bookingId, CancellationToken cancellationToken) =>
        await db.Notifications
            .Where(n => n.BookingId == bookingId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Notification>> GetTeacherNoticesAsync(string teacherId, int max, CancellationToken cancellationToken) =>
        max <= 0
            ? []
            : await TeacherNotices(teacherId)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(max)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<TeacherNoticeVersion> GetTeacherNoticeVersionAsync(string teacherId, CancellationToken cancellationToken)
    {
        // One grouped query: the counts and the newest time come back as one row, or none when there is no notice.
        return await TeacherNotices(teacherId)
            .GroupBy(n => n.TeacherId)
            .Select(g => new TeacherNoticeVersion(
                g.Count(),
                g.Count(n => n.ReadAt == null),
                g.Count(n => n.Status == NotificationStatus.Dead),
                g.Max(n => (DateTimeOffset?)n.CreatedAt)))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Notification?> FindTeacherNoticeAsync(string teacherId, Guid notificationId, CancellationToken cancellationToken) =>
        TeacherNotices(teacherId).FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken);

    public Task<int> MarkTeacherNoticesReadAsync(string teacherId, DateTimeOffset? writtenUpTo, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        Writable();
        var unread = TeacherNotices(teacherId).Where(n => n.ReadAt == null);
        if (writtenUpTo is { } upTo)
        {
            unread = unread.Where(n => n.CreatedAt <= upTo);
        }

        return unread.ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, readAt), cancellationToken);
    }

    /// <summary>The rows that are notices to the teacher (see <see cref="IClassBookingSession.GetTeacherNoticesAsync"/>).</summary>
    private IQueryable<Notification> TeacherNotices(string teacherId) =>
        db.Notifications.Where(n => n.TeacherId == teacherId
            && (n.Kind == Core.Notifications.BookingEmailKind.TeacherStudentBooked || n.Kind == Core.Notifications.BookingEmailKind.TeacherStudentCancelled
                || n.Status == NotificationStatus.Dead));

    // ----- Policy and audit -----

    public async Task<TeacherPolicy?> FindPolicyAsync(string teacherId, CancellationToken cancellationToken) =>
        await db.TeacherPolicies.FindAsync([teacherId], cancellationToken).ConfigureAwait(false);

    public void AddPolicy(TeacherPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Writable();
        db.TeacherPolicies.Add(policy);
    }

    public void AddAudit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Writable();
        entry.Id = NewIdIfEmpty(entry.Id);
        db.AuditEntries.Add(entry);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string teacherId, TimeRange range, CancellationToken cancellationToken) =>
        await db.AuditEntries
            .Where(a => a.TeacherId == teacherId && a.At >= range.Start && a.At < range.End)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private static Guid NewIdIfEmpty(Guid id) => id == Guid.Empty ? Guid.CreateVersion7() : id;

    private void Writable()
    {
        if (readOnly)
        {
            throw new InvalidOperationException("This is a read-only session (IClassBookingStore.ReadAsync): make changes inside WriteAsync.");
        }
    }
}
