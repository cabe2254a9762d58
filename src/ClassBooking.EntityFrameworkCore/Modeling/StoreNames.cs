namespace ClassBooking.EntityFrameworkCore.Modeling;

/// <summary>The database providers ClassBooking has migrations for.</summary>
internal enum ClassBookingProvider
{
    Sqlite,
    Npgsql,
}

/// <summary>
/// Names of ClassBooking's tables and constraints on one provider: on PostgreSQL the tables live in the
/// <c>booking</c> schema; on SQLite (no schemas) their names start with <c>booking_</c>. Constraint names contain the
/// table name, so they are unique in a SQLite file too.
/// </summary>
internal sealed class StoreNames
{
    /// <summary>ClassBooking's schema on PostgreSQL.</summary>
    public const string PostgresSchema = "booking";

    /// <summary>ClassBooking's own migrations history table.</summary>
    public const string MigrationsHistoryTable = "__classbooking_migrations";

    /// <summary>Suffix of the names of foreign keys to the host's profile table (how migrations recognise them).</summary>
    public const string HostForeignKeySuffix = "_host";

    /// <summary>Start of the error message ClassBooking's overlap triggers raise.</summary>
    public const string OverlapMessage = "classbooking:overlap";

    public static StoreNames Sqlite { get; } = new(ClassBookingProvider.Sqlite);

    public static StoreNames Npgsql { get; } = new(ClassBookingProvider.Npgsql);

    private StoreNames(ClassBookingProvider provider) => Provider = provider;

    public static StoreNames For(ClassBookingProvider provider) => provider == ClassBookingProvider.Sqlite ? Sqlite : Npgsql;

    public ClassBookingProvider Provider { get; }

    /// <summary>The schema of ClassBooking's tables: <c>booking</c> on PostgreSQL, none on SQLite.</summary>
    public string? Schema => Provider == ClassBookingProvider.Npgsql ? PostgresSchema : null;

    public string ShareTokens => Table("share_tokens");

    public string TimeSlots => Table("time_slots");

    public string SlotSeries => Table("slot_series");

    public string Bookings => Table("bookings");

    public string BlockedSlots => Table("blocked_slots");

    public string TokenAccessLog => Table("token_access_log");

    public string AuditLog => Table("audit_log");

    public string TeacherPolicies => Table("teacher_policies");

    public string StudentSettings => Table("student_settings");

    public string Notifications => Table("notifications");

    public string TeacherCalendarFeeds => Table("teacher_calendar_feeds");

    /// <summary>Every table ClassBooking owns, in creation order.</summary>
    public IReadOnlyList<string> AllTables => [ShareTokens, SlotSeries, TimeSlots, Bookings, BlockedSlots, TokenAccessLog, AuditLog, TeacherPolicies, StudentSettings, Notifications, TeacherCalendarFeeds];

    /// <summary>Unique index: one confirmed booking per (slot, student).</summary>
    public string ActiveBookingIndex => $"ix_{Bookings}_active_slot_student";

    /// <summary>Partial index of the outbox's pending rows by next attempt: what delivery leases from.</summary>
    public string PendingNotificationIndex => $"ix_{Notifications}_pending_next_attempt_at";

    /// <summary>Unique index on teacher_calendar_feeds.token_hash.</summary>
    public string FeedTokenHashIndex => $"ix_{TeacherCalendarFeeds}_token_hash";

    /// <summary>Unique index on share_tokens.token_hash.</summary>
    public string TokenHashIndex => $"ix_{ShareTokens}_token_hash";

    /// <summary>Unique index: one unrevoked token per (teacher, student).</summary>
    public string LiveTokenIndex => $"ix_{ShareTokens}_live_teacher_student";

    /// <summary>Check: booked_count between 0 and capacity.</summary>
    public string SlotBookedCountCheck => $"ck_{TimeSlots}_booked_count";

    /// <summary>Check: capacity at least 1.</summary>
    public string SlotCapacityCheck => $"ck_{TimeSlots}_capacity";

    /// <summary>Check: a slot ends after it starts.</summary>
    public string SlotRangeCheck => $"ck_{TimeSlots}_range";

    /// <summary>Check: a blocked period ends after it starts.</summary>
    public string BlockRangeCheck => $"ck_{BlockedSlots}_range";

    /// <summary>Check: a series has at least one seat.</summary>
    public string SeriesCapacityCheck => $"ck_{SlotSeries}_capacity";

    /// <summary>Check: a series' classes last at least a minute.</summary>
    public string SeriesDurationCheck => $"ck_{SlotSeries}_duration";

    /// <summary>Check: a student's colour is a key of the palette (or none).</summary>
    public string StudentColorCheck => $"ck_{StudentSettings}_color_key";

    /// <summary>PostgreSQL exclusion constraint: a teacher's open slots never overlap.</summary>
    public string SlotOverlapExclusion => $"ex_{TimeSlots}_no_overlap";

    /// <summary>Constraint name the PostgreSQL triggers report when a slot and a blocked period overlap.</summary>
    public string SlotBlockOverlap => $"ex_{TimeSlots}_{BlockedSlots}_overlap";

    /// <summary>A table name on this provider.</summary>
    public string Table(string name) => Provider == ClassBookingProvider.Sqlite ? "booking_" + name : name;

    /// <summary>A table name qualified with its schema, for raw SQL.</summary>
    public string Qualified(string table) => Schema is null ? table : $"{Schema}.{table}";
}
