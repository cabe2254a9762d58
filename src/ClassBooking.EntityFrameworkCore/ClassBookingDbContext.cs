using ClassBooking.Core.Model;
using ClassBooking.EntityFrameworkCore.Infrastructure;
using ClassBooking.EntityFrameworkCore.Modeling;
using Microsoft.EntityFrameworkCore;

namespace ClassBooking.EntityFrameworkCore;

/// <summary>
/// ClassBooking's tables. Use the provider's subclass (<see cref="SqliteClassBookingDbContext"/> or
/// <see cref="NpgsqlClassBookingDbContext"/>), which carries that provider's migrations; normally made for you by
/// <c>AddEntityFrameworkStores</c> (resolve <see cref="IDbContextFactory{TContext}"/> of this type).
/// </summary>
public abstract class ClassBookingDbContext : DbContext
{
    private protected ClassBookingDbContext(DbContextOptions options)
        : base(options)
    {
        HostSettings = options.FindExtension<ClassBookingOptionsExtension>()?.Settings ?? HostProfileSettings.DesignTime;
    }

    /// <summary>Bookable times.</summary>
    public DbSet<TimeSlot> TimeSlots => Set<TimeSlot>();

    /// <summary>Weekly rules that slots were expanded from.</summary>
    public DbSet<SlotSeries> SlotSeries => Set<SlotSeries>();

    /// <summary>Students' seats.</summary>
    public DbSet<Booking> Bookings => Set<Booking>();

    /// <summary>Periods in which the teacher is busy (table <c>blocked_slots</c>).</summary>
    public DbSet<BlockedPeriod> BlockedPeriods => Set<BlockedPeriod>();

    /// <summary>Share links (hashes only).</summary>
    public DbSet<ShareToken> ShareTokens => Set<ShareToken>();

    /// <summary>Uses of share links (table <c>token_access_log</c>).</summary>
    public DbSet<TokenAccess> TokenAccesses => Set<TokenAccess>();

    /// <summary>The append-only audit log (table <c>audit_log</c>); the database refuses updates and deletes.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Teachers' booking rules.</summary>
    public DbSet<TeacherPolicy> TeacherPolicies => Set<TeacherPolicy>();

    /// <summary>What teachers set per student, e.g. the student's colour (table <c>student_settings</c>).</summary>
    public DbSet<StudentSettings> StudentSettings => Set<StudentSettings>();

    /// <summary>The outbox of booking e-mails.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Teachers' secret calendar feed addresses (hashes only).</summary>
    public DbSet<TeacherCalendarFeed> TeacherCalendarFeeds => Set<TeacherCalendarFeed>();

    internal abstract ClassBookingProvider Provider { get; }

    internal StoreNames Names => StoreNames.For(Provider);

    internal HostProfileSettings HostSettings { get; }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampSlotVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampSlotVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ClassBookingModel.Configure(modelBuilder, Names, HostSettings);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ClassBookingModel.ConfigureConventions(configurationBuilder, Provider);

    /// <summary>
    /// <see cref="TimeSlot.Version"/> is the slot's concurrency token: a new slot without one gets one, and an updated
    /// slot whose version the caller did not change gets a new one (the old one is still checked in the UPDATE).
    /// </summary>
    private void StampSlotVersions()
    {
        foreach (var entry in ChangeTracker.Entries<TimeSlot>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == Guid.Empty)
            {
                entry.Entity.Version = Guid.CreateVersion7();
            }
            else if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(s => s.Version);
                if (!version.IsModified)
                {
                    version.CurrentValue = Guid.CreateVersion7();
                }
            }
        }
    }
}

/// <summary>ClassBooking's tables on SQLite (tables named <c>booking_*</c>), with the SQLite migrations.</summary>
public sealed class SqliteClassBookingDbContext : ClassBookingDbContext
{
    /// <summary>Creates the context; the options come from <c>AddEntityFrameworkStores</c> or the design-time factory.</summary>
    public SqliteClassBookingDbContext(DbContextOptions<SqliteClassBookingDbContext> options)
        : base(options)
    {
    }

    internal override ClassBookingProvider Provider => ClassBookingProvider.Sqlite;
}

/// <summary>ClassBooking's tables on PostgreSQL (schema <c>booking</c>), with the PostgreSQL migrations.</summary>
public sealed class NpgsqlClassBookingDbContext : ClassBookingDbContext
{
    /// <summary>Creates the context; the options come from <c>AddEntityFrameworkStores</c> or the design-time factory.</summary>
    public NpgsqlClassBookingDbContext(DbContextOptions<NpgsqlClassBookingDbContext> options)
        : base(options)
    {
    }

    internal override ClassBookingProvider Provider => ClassBookingProvider.Npgsql;
}
