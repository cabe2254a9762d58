using System.Text;
using ClassBooking.Core.Model;
using ClassBooking.Core.Students;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClassBooking.EntityFrameworkCore.Modeling;

/// <summary>ClassBooking's tables, keys, indexes and checks, for one provider and one host profile table.</summary>
internal static class ClassBookingModel
{
    public static void Configure(ModelBuilder modelBuilder, StoreNames names, HostProfileSettings host)
    {
        var hostKey = HostKeyConverter(host.KeyType);
        if (names.Provider == ClassBookingProvider.Npgsql)
        {
            // In ClassBooking's own schema, so the host's public schema gains no functions.
            modelBuilder.HasPostgresExtension(names.Schema, "btree_gist");
        }

        if (host.CreateForeignKeys)
        {
            modelBuilder.Entity<HostProfile>(e =>
            {
                e.ToTable(host.Table, host.Schema, t => t.ExcludeFromMigrations());
                e.HasKey(p => p.Id);
                e.Property(p => p.Id).HasColumnName(host.KeyColumn).HasConversion(hostKey).ValueGeneratedNever();
            });
        }

        modelBuilder.Entity<SlotSeries>(e =>
        {
            e.ToTable(names.SlotSeries, names.Schema, t =>
            {
                t.HasCheckConstraint(names.SeriesCapacityCheck, "capacity >= 1");
                t.HasCheckConstraint(names.SeriesDurationCheck, "duration_minutes >= 1");
            });
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.TimeZoneId).HasMaxLength(64);
            e.PrimitiveCollection(s => s.SkippedDates);
            HostForeignKey(e, nameof(SlotSeries.TeacherId), host, hostKey);
        });

        modelBuilder.Entity<TimeSlot>(e =>
        {
            e.ToTable(names.TimeSlots, names.Schema, t =>
            {
                t.HasCheckConstraint(names.SlotCapacityCheck, "capacity >= 1");
                t.HasCheckConstraint(names.SlotBookedCountCheck, "booked_count >= 0 AND booked_count <= capacity");
                t.HasCheckConstraint(names.SlotRangeCheck, "ends_at > starts_at");
            });
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.Ignore(s => s.SeatsLeft);
            e.Ignore(s => s.Range);
            e.HasIndex(s => new { s.TeacherId, s.StartsAt });
            e.HasIndex(s => s.SeriesId);
            e.HasOne<SlotSeries>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.NoAction);
            HostForeignKey(e, nameof(TimeSlot.TeacherId), host, hostKey);
        });

        modelBuilder.Entity<Booking>(e =>
        {
            e.ToTable(names.Bookings, names.Schema);
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).ValueGeneratedNever();
            e.HasIndex(b => new { b.SlotId, b.StudentId })
                .IsUnique()
                .HasFilter("status = 0")
                .HasDatabaseName(names.ActiveBookingIndex);
            e.HasIndex(b => new { b.TeacherId, b.StudentId, b.StartsAt });
            e.HasIndex(b => b.SlotId);
            // A cancellation updates "WHERE status = <as read>": two cancellations of one booking under different
            // locks (teacher withdrawing the slot, student cancelling) cannot both succeed.
            e.Property(b => b.Status).IsConcurrencyToken();
            e.Property(b => b.IdempotencyKey).HasMaxLength(ClassBooking.Core.Services.BookingService.MaxIdempotencyKeyLength);
            e.HasIndex(b => new { b.TeacherId, b.StudentId, b.IdempotencyKey })
                .IsUnique()
                .HasFilter("idempotency_key IS NOT NULL");
            e.HasOne<TimeSlot>().WithMany().HasForeignKey(b => b.SlotId).OnDelete(DeleteBehavior.NoAction);
            HostForeignKey(e, nameof(Booking.TeacherId), host, hostKey);
            HostForeignKey(e, nameof(Booking.StudentId), host, hostKey);
        });

        modelBuilder.Entity<BlockedPeriod>(e =>
        {
            e.ToTable(names.BlockedSlots, names.Schema, t => t.HasCheckConstraint(names.BlockRangeCheck, "ends_at > starts_at"));
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Ignore(b => b.Range);
            e.HasIndex(b => new { b.TeacherId, b.StartsAt });
            HostForeignKey(e, nameof(BlockedPeriod.TeacherId), host, hostKey);
        });

        modelBuilder.Entity<ShareToken>(e =>
        {
            e.ToTable(names.ShareTokens, names.Schema);
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName(names.TokenHashIndex);
            e.HasIndex(t => new { t.TeacherId, t.StudentId })
                .IsUnique()
                .HasFilter("revoked_at IS NULL")
                .HasDatabaseName(names.LiveTokenIndex);
            HostForeignKey(e, nameof(ShareToken.TeacherId), host, hostKey);
            HostForeignKey(e, nameof(ShareToken.StudentId), host, hostKey);
        });

        modelBuilder.Entity<TokenAccess>(e =>
        {
            e.ToTable(names.TokenAccessLog, names.Schema);
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.UserAgent).HasMaxLength(512);
            e.HasIndex(a => new { a.TeacherId, a.At });
            e.HasOne<ShareToken>().WithMany().HasForeignKey(a => a.TokenId).OnDelete(DeleteBehavior.Cascade);
            HostForeignKey(e, nameof(TokenAccess.TeacherId), host, hostKey);
            HostForeignKey(e, nameof(TokenAccess.StudentId), host, hostKey);
        });

        // The audit log is append-only and outlives the rows it describes (and the profiles): plain text ids, no foreign keys.
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(names.AuditLog, names.Schema);
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => new { a.TeacherId, a.At });
        });

        modelBuilder.Entity<TeacherPolicy>(e =>
        {
            e.ToTable(names.TeacherPolicies, names.Schema);
            e.HasKey(p => p.TeacherId);
            e.Property(p => p.TimeZoneId).HasMaxLength(64);
            e.PrimitiveCollection(p => p.ReminderMinutes);
            e.PrimitiveCollection(p => p.MutedEmailKinds);
            HostForeignKey(e, nameof(TeacherPolicy.TeacherId), host, hostKey);
        });

        // A teacher's settings per student: one row per (teacher, student); the database accepts palette keys only.
        modelBuilder.Entity<StudentSettings>(e =>
        {
            e.ToTable(names.StudentSettings, names.Schema, t => t.HasCheckConstraint(names.StudentColorCheck, StudentColorCheckSql));
            e.HasKey(x => new { x.TeacherId, x.StudentId });
            e.Property(x => x.ColorKey).HasMaxLength(MaxColorKeyLength);
            HostForeignKey(e, nameof(StudentSettings.TeacherId), host, hostKey);
            HostForeignKey(e, nameof(StudentSettings.StudentId), host, hostKey);
        });

        // The outbox outlives nothing it describes: rows go with the booking's teacher and student.
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable(names.Notifications, names.Schema);
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.LeaseOwner).HasMaxLength(MaxLeaseOwnerLength);
            e.Property(n => n.LastError).HasMaxLength(MaxNotificationErrorLength);
            e.Property(n => n.CancellationReason).HasMaxLength(2000);
            e.Property(n => n.Note).HasMaxLength(2000);
            e.Ignore(n => n.IsToTeacher);
            e.HasIndex(n => n.NextAttemptAt).HasFilter("status = 0").HasDatabaseName(names.PendingNotificationIndex);
            e.HasIndex(n => n.BookingId);
            e.HasIndex(n => new { n.TeacherId, n.CreatedAt });
            e.HasOne<Booking>().WithMany().HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
            HostForeignKey(e, nameof(Notification.TeacherId), host, hostKey);
            HostForeignKey(e, nameof(Notification.StudentId), host, hostKey);
        });

        modelBuilder.Entity<TeacherCalendarFeed>(e =>
        {
            e.ToTable(names.TeacherCalendarFeeds, names.Schema);
            e.HasKey(f => f.TeacherId);
            e.HasIndex(f => f.TokenHash).IsUnique().HasDatabaseName(names.FeedTokenHashIndex);
            HostForeignKey(e, nameof(TeacherCalendarFeed.TeacherId), host, hostKey);
        });

        ApplySnakeCaseNames(modelBuilder);
    }

    /// <summary>Longest delivering-instance name the outbox stores.</summary>
    public const int MaxLeaseOwnerLength = 200;

    /// <summary>Longest delivery error the outbox stores.</summary>
    public const int MaxNotificationErrorLength = 1000;

    /// <summary>Longest palette key the column holds.</summary>
    public const int MaxColorKeyLength = 32;

    /// <summary>
    /// <c>color_key IN ('blue', ...)</c> over <see cref="StudentColors.Keys"/>: a palette change changes the model, so
    /// the migrations test asks for a migration that replaces the check.
    /// </summary>
    public static string StudentColorCheckSql =>
        $"color_key IN ({string.Join(", ", StudentColors.Keys.Select(k => $"'{k}'"))})";

    /// <summary>Converts ClassBooking's string ids to the host's key type (none for string keys).</summary>
    public static ValueConverter? HostKeyConverter(Type keyType) =>
        keyType == typeof(string) ? null
        : keyType == typeof(int) ? new StringToNumberConverter<int>()
        : keyType == typeof(long) ? new StringToNumberConverter<long>()
        : keyType == typeof(Guid) ? new StringToGuidConverter()
        : throw new NotSupportedException($"Host profile key type {keyType} is not supported.");

    private static void HostForeignKey<TEntity>(EntityTypeBuilder<TEntity> entity, string property, HostProfileSettings host, ValueConverter? hostKey)
        where TEntity : class
    {
        entity.Property<string>(property).HasConversion(hostKey);
        if (host.CreateForeignKeys)
        {
            entity.HasOne<HostProfile>().WithMany().HasForeignKey(property).OnDelete(DeleteBehavior.Cascade);
        }
    }

    /// <summary>snake_case columns; pk_/fk_/ix_ names that contain the table name; host foreign keys end with <c>_host</c>.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.ClrType == typeof(HostProfile))
            {
                continue;
            }

            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            entity.FindPrimaryKey()!.SetName($"pk_{table}");
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var columns = string.Join("_", foreignKey.Properties.Select(p => SnakeCase(p.Name)));
                var toHost = foreignKey.PrincipalEntityType.ClrType == typeof(HostProfile);
                foreignKey.SetConstraintName($"fk_{table}_{columns}{(toHost ? StoreNames.HostForeignKeySuffix : "")}");
            }

            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() is { } name && name.StartsWith("ix_", StringComparison.Ordinal) && name.Contains(table, StringComparison.Ordinal))
                {
                    continue;
                }

                index.SetDatabaseName($"ix_{table}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }

    }

    /// <summary><c>StartsAt</c> → <c>starts_at</c>.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Provider conventions: how instants and decimals are stored.</summary>
    public static void ConfigureConventions(ModelConfigurationBuilder configuration, ClassBookingProvider provider)
    {
        if (provider == ClassBookingProvider.Sqlite)
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configuration.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
        }
        else
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
            configuration.Properties<decimal>().HavePrecision(18, 4);
        }
    }
}
