using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClassLogger.Data;

/// <summary>
/// The dashboard's own database: ASP.NET Core Identity's tables plus <c>profiles</c>, <c>enrollments</c>,
/// <c>class_logs</c> and <c>credit_balances</c>. Each database provider has a derived context
/// (<see cref="SqliteClassLoggerDbContext"/>, <see cref="PostgresClassLoggerDbContext"/>) with its own migrations.
/// </summary>
public abstract class ClassLoggerDbContext : IdentityDbContext<IdentityUser>
{
    private static readonly ValueConverter<DateTime, DateTime> UtcDateTime = new(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    protected ClassLoggerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<ClassLogEntry> ClassLogs => Set<ClassLogEntry>();

    public DbSet<CreditBalance> CreditBalances => Set<CreditBalance>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<Profile>(profile =>
        {
            profile.ToTable("profiles", table => table.HasCheckConstraint("ck_profiles_role", "role IN ('teacher', 'student')"));
            profile.HasKey(p => p.Id).HasName("pk_profiles");
            profile.Property(p => p.Id).HasColumnName("id");
            profile.Property(p => p.DisplayName).HasColumnName("display_name").HasMaxLength(200);
            profile.Property(p => p.Email).HasColumnName("email").HasMaxLength(256);
            profile.Property(p => p.Role).HasColumnName("role").HasMaxLength(16)
                .HasConversion(role => role == ProfileRole.Teacher ? "teacher" : "student",
                               value => value == "teacher" ? ProfileRole.Teacher : ProfileRole.Student);
            profile.Property(p => p.TimeZoneId).HasColumnName("time_zone").HasMaxLength(64);
            profile.Property(p => p.IdentityUserId).HasColumnName("identity_user_id");
            profile.HasIndex(p => p.Email).IsUnique().HasDatabaseName("ix_profiles_email");
            profile.HasIndex(p => p.IdentityUserId).IsUnique().HasDatabaseName("ix_profiles_identity_user_id");
            profile.HasOne<IdentityUser>().WithMany().HasForeignKey(p => p.IdentityUserId)
                .OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_profiles_identity_user");
        });

        builder.Entity<Enrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => e.Id).HasName("pk_enrollments");
            enrollment.Property(e => e.Id).HasColumnName("id");
            enrollment.Property(e => e.TeacherProfileId).HasColumnName("teacher_profile_id");
            enrollment.Property(e => e.StudentProfileId).HasColumnName("student_profile_id");
            enrollment.Property(e => e.StartedOn).HasColumnName("started_on");
            enrollment.Property(e => e.Active).HasColumnName("active");
            enrollment.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(100);
            enrollment.HasIndex(e => new { e.TeacherProfileId, e.StudentProfileId, e.Subject }).IsUnique()
                .HasDatabaseName("ix_enrollments_teacher_student_subject");
            enrollment.HasIndex(e => e.StudentProfileId).HasDatabaseName("ix_enrollments_student");
            enrollment.HasOne(e => e.Teacher).WithMany().HasForeignKey(e => e.TeacherProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_enrollments_teacher");
            enrollment.HasOne(e => e.Student).WithMany().HasForeignKey(e => e.StudentProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_enrollments_student");
        });

        builder.Entity<ClassLogEntry>(log =>
        {
            log.ToTable("class_logs", table =>
            {
                table.HasCheckConstraint("ck_class_logs_duration", "duration_minutes > 0");
                table.HasCheckConstraint("ck_class_logs_credits", "credits_used >= 0");
            });
            log.HasKey(l => l.Id).HasName("pk_class_logs");
            log.Property(l => l.Id).HasColumnName("id");
            log.Property(l => l.TeacherProfileId).HasColumnName("teacher_profile_id");
            log.Property(l => l.StudentProfileId).HasColumnName("student_profile_id");
            log.Property(l => l.StartedAt).HasColumnName("started_at").HasConversion(UtcDateTime);
            log.Property(l => l.DurationMinutes).HasColumnName("duration_minutes");
            log.Property(l => l.Notes).HasColumnName("notes").HasMaxLength(2000);
            log.Property(l => l.CreditsUsed).HasColumnName("credits_used");
            log.HasIndex(l => new { l.TeacherProfileId, l.StartedAt }).HasDatabaseName("ix_class_logs_teacher_started_at");
            log.HasIndex(l => l.StudentProfileId).HasDatabaseName("ix_class_logs_student");
            log.HasOne(l => l.Teacher).WithMany().HasForeignKey(l => l.TeacherProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_class_logs_teacher");
            log.HasOne(l => l.Student).WithMany().HasForeignKey(l => l.StudentProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_class_logs_student");
        });

        builder.Entity<CreditBalance>(balance =>
        {
            balance.ToTable("credit_balances");
            balance.HasKey(b => new { b.StudentProfileId, b.TeacherProfileId }).HasName("pk_credit_balances");
            balance.Property(b => b.StudentProfileId).HasColumnName("student_profile_id");
            balance.Property(b => b.TeacherProfileId).HasColumnName("teacher_profile_id");
            balance.Property(b => b.Balance).HasColumnName("balance");
            balance.HasIndex(b => b.TeacherProfileId).HasDatabaseName("ix_credit_balances_teacher");
            balance.HasOne(b => b.Student).WithMany().HasForeignKey(b => b.StudentProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_credit_balances_student");
            balance.HasOne(b => b.Teacher).WithMany().HasForeignKey(b => b.TeacherProfileId)
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_credit_balances_teacher");
        });
    }
}

/// <summary>The dashboard's database on SQLite (migrations in Data/Migrations/Sqlite).</summary>
public sealed class SqliteClassLoggerDbContext(DbContextOptions<SqliteClassLoggerDbContext> options)
    : ClassLoggerDbContext(options);

/// <summary>The dashboard's database on PostgreSQL (migrations in Data/Migrations/PostgreSql).</summary>
public sealed class PostgresClassLoggerDbContext(DbContextOptions<PostgresClassLoggerDbContext> options)
    : ClassLoggerDbContext(options);
