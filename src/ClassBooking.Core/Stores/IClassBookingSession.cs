using ClassBooking.Core.Model;

namespace ClassBooking.Core.Stores;

/// <summary>
/// The queries and changes one unit of work may make. Entities returned by a write session are tracked: changes
/// made to them are saved when the work succeeds. Time ranges are half-open: an item overlaps a range when it
/// starts before the range ends and ends after the range starts.
/// </summary>
public interface IClassBookingSession
{
    // ----- Slots -----

    /// <summary>The slot with this id, open or cancelled.</summary>
    Task<TimeSlot?> FindSlotAsync(Guid slotId, CancellationToken cancellationToken);

    /// <summary>The teacher's open slots overlapping <paramref name="range"/>, by start.</summary>
    Task<IReadOnlyList<TimeSlot>> GetOpenSlotsAsync(string teacherId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>The open slots of a series, by start.</summary>
    Task<IReadOnlyList<TimeSlot>> GetSeriesSlotsAsync(Guid seriesId, CancellationToken cancellationToken);

    /// <summary>Adds a new slot.</summary>
    void AddSlot(TimeSlot slot);

    /// <summary>
    /// Takes one seat of an open slot with a conditional update (<c>booked_count &lt; capacity</c>, and the slot still at
    /// <paramref name="expectedRange"/>, the time the caller checked its policy against) that the database evaluates
    /// atomically; false when the slot is full, cancelled, moved or missing. Changes the slot's version.
    /// </summary>
    Task<bool> TryTakeSeatAsync(Guid slotId, TimeRange expectedRange, CancellationToken cancellationToken);

    /// <summary>Gives one seat back (never below zero). Changes the slot's version.</summary>
    Task ReleaseSeatAsync(Guid slotId, CancellationToken cancellationToken);

    // ----- Series -----

    /// <summary>The series with this id.</summary>
    Task<SlotSeries?> FindSeriesAsync(Guid seriesId, CancellationToken cancellationToken);

    /// <summary>Adds a new series.</summary>
    void AddSeries(SlotSeries series);

    // ----- Blocked periods -----

    /// <summary>The blocked period with this id.</summary>
    Task<BlockedPeriod?> FindBlockAsync(Guid blockId, CancellationToken cancellationToken);

    /// <summary>The teacher's blocked periods overlapping <paramref name="range"/>, by start.</summary>
    Task<IReadOnlyList<BlockedPeriod>> GetBlocksAsync(string teacherId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>Adds a blocked period.</summary>
    void AddBlock(BlockedPeriod block);

    /// <summary>Deletes a blocked period.</summary>
    void RemoveBlock(BlockedPeriod block);

    // ----- Bookings -----

    /// <summary>The booking with this id.</summary>
    Task<Booking?> FindBookingAsync(Guid bookingId, CancellationToken cancellationToken);

    /// <summary>The student's confirmed booking in a slot, if any.</summary>
    Task<Booking?> FindActiveBookingAsync(Guid slotId, string studentId, CancellationToken cancellationToken);

    /// <summary>The booking a student made with a teacher under an idempotency key, confirmed or not.</summary>
    Task<Booking?> FindBookingByIdempotencyKeyAsync(string teacherId, string studentId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The confirmed bookings of the given slots.</summary>
    Task<IReadOnlyList<Booking>> GetActiveBookingsForSlotsAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken cancellationToken);

    /// <summary>A student's bookings with a teacher (confirmed and cancelled) whose class overlaps <paramref name="range"/>, by start.</summary>
    Task<IReadOnlyList<Booking>> GetStudentBookingsAsync(string teacherId, string studentId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>Number of a student's confirmed bookings with a teacher whose class starts in <paramref name="range"/>.</summary>
    Task<int> CountActiveBookingsStartingAsync(string teacherId, string studentId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>The teacher's confirmed bookings (every student's) whose class overlaps <paramref name="range"/>, by start.</summary>
    Task<IReadOnlyList<Booking>> GetActiveTeacherBookingsAsync(string teacherId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>
    /// A student's bookings with a teacher that a calendar feed shows: the confirmed ones whose class ends after
    /// <paramref name="confirmedEndingAfter"/>, and the cancelled ones cancelled at or after
    /// <paramref name="cancelledSince"/>; by start.
    /// </summary>
    Task<IReadOnlyList<Booking>> GetStudentFeedBookingsAsync(
        string teacherId, string studentId, DateTimeOffset confirmedEndingAfter, DateTimeOffset cancelledSince, CancellationToken cancellationToken);

    /// <summary>Adds a booking (the caller has taken the seat with <see cref="TryTakeSeatAsync"/>).</summary>
    void AddBooking(Booking booking);

    // ----- Share tokens -----

    /// <summary>The token whose SHA-256 is <paramref name="tokenHash"/> (live or not).</summary>
    Task<ShareToken?> FindTokenByHashAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>The student's token with the teacher that has not been revoked (it may have expired).</summary>
    Task<ShareToken?> FindUnrevokedTokenAsync(string teacherId, string studentId, CancellationToken cancellationToken);

    /// <summary>The teacher's tokens that have not been revoked.</summary>
    Task<IReadOnlyList<ShareToken>> GetUnrevokedTokensAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>Adds a token.</summary>
    void AddToken(ShareToken token);

    /// <summary>Records one use of a token.</summary>
    void AddTokenAccess(TokenAccess access);

    /// <summary>Uses of the teacher's tokens in <paramref name="range"/>, newest first; one student's when <paramref name="studentId"/> is given.</summary>
    Task<IReadOnlyList<TokenAccess>> GetTokenAccessesAsync(string teacherId, string? studentId, TimeRange range, CancellationToken cancellationToken);

    // ----- Teachers' calendar feeds -----

    /// <summary>The teacher's calendar feed address, if they made one (at most one per teacher).</summary>
    Task<TeacherCalendarFeed?> FindCalendarFeedAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>The calendar feed whose token's SHA-256 is <paramref name="tokenHash"/>.</summary>
    Task<TeacherCalendarFeed?> FindCalendarFeedByHashAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a teacher's calendar feed. A teacher has at most one: a feed removed with
    /// <see cref="RemoveCalendarFeed"/> earlier in the same unit of work may be replaced this way.
    /// </summary>
    void AddCalendarFeed(TeacherCalendarFeed feed);

    /// <summary>Deletes a teacher's calendar feed (loaded by this session); its address stops working when the work commits.</summary>
    void RemoveCalendarFeed(TeacherCalendarFeed feed);

    // ----- Students' settings -----

    /// <summary>The settings the teacher stored for their students (at most one row per student).</summary>
    Task<IReadOnlyList<StudentSettings>> GetStudentSettingsAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>The settings the teacher stored for one student, if any.</summary>
    Task<StudentSettings?> FindStudentSettingsAsync(string teacherId, string studentId, CancellationToken cancellationToken);

    /// <summary>Stores settings for a student who had none.</summary>
    void AddStudentSettings(StudentSettings settings);

    // ----- Outbox -----

    /// <summary>Adds a message to the outbox; it commits with the unit of work or not at all.</summary>
    void AddNotification(Notification notification);

    /// <summary>The pending (not yet delivered) messages of the given bookings, e.g. reminders to cancel or move.</summary>
    Task<IReadOnlyList<Notification>> GetPendingNotificationsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken);

    /// <summary>All messages of one booking, oldest first.</summary>
    Task<IReadOnlyList<Notification>> GetBookingNotificationsAsync(Guid bookingId, CancellationToken cancellationToken);

    /// <summary>
    /// The teacher's notices, newest first (by <see cref="Notification.CreatedAt"/>, then id), at most
    /// <paramref name="max"/>. A notice is a row of the teacher whose kind is
    /// <see cref="Notifications.BookingEmailKind.TeacherStudentBooked"/> or
    /// <see cref="Notifications.BookingEmailKind.TeacherStudentCancelled"/> (whatever its delivery status), or any row
    /// of the teacher with status <see cref="NotificationStatus.Dead"/>.
    /// </summary>
    Task<IReadOnlyList<Notification>> GetTeacherNoticesAsync(string teacherId, int max, CancellationToken cancellationToken);

    /// <summary>The fingerprint of the teacher's notices, computed in the database without loading them.</summary>
    Task<TeacherNoticeVersion> GetTeacherNoticeVersionAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>One of the teacher's notices (tracked in a write), or null when the row is not the teacher's or not a notice.</summary>
    Task<Notification?> FindTeacherNoticeAsync(string teacherId, Guid notificationId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <see cref="Notification.ReadAt"/> to <paramref name="readAt"/> on the teacher's unread notices written at or
    /// before <paramref name="writtenUpTo"/> (all of them when null), in the database; returns how many it changed.
    /// </summary>
    Task<int> MarkTeacherNoticesReadAsync(string teacherId, DateTimeOffset? writtenUpTo, DateTimeOffset readAt, CancellationToken cancellationToken);

    // ----- Policy and audit -----

    /// <summary>The teacher's stored policy, if the teacher ever changed the defaults.</summary>
    Task<TeacherPolicy?> FindPolicyAsync(string teacherId, CancellationToken cancellationToken);

    /// <summary>Stores a policy for a teacher who had none.</summary>
    void AddPolicy(TeacherPolicy policy);

    /// <summary>Appends an audit row (never updated or deleted).</summary>
    void AddAudit(AuditEntry entry);

    /// <summary>The teacher's audit rows in <paramref name="range"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string teacherId, TimeRange range, CancellationToken cancellationToken);
}
