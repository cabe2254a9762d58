using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class InitialSchema : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    target_type = table.Column<string>(type: "TEXT", nullable: false),
                    target_id = table.Column<string>(type: "TEXT", nullable: false),
                    client_address_hash = table.Column<string>(type: "TEXT", nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_blocked_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_blocked_slots", x => x.id);
                    table.CheckConstraint("ck_booking_blocked_slots_range", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_booking_blocked_slots_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_share_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    student_id = table.Column<string>(type: "TEXT", nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_share_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_share_tokens_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_share_tokens_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_slot_series",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    local_start_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    first_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    skipped_dates = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_slot_series", x => x.id);
                    table.CheckConstraint("ck_booking_slot_series_capacity", "capacity >= 1");
                    table.CheckConstraint("ck_booking_slot_series_duration", "duration_minutes >= 1");
                    table.ForeignKey(
                        name: "fk_booking_slot_series_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_teacher_policies",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    minimum_notice = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    booking_horizon = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    cancellation_window = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    buffer_before = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    buffer_after = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    max_bookings_per_student_per_week = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_teacher_policies", x => x.teacher_id);
                    table.ForeignKey(
                        name: "fk_booking_teacher_policies_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_token_access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    student_id = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    client_address_hash = table.Column<string>(type: "TEXT", nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_token_access_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_token_access_log_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_token_access_log_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_token_access_log_token_id",
                        column: x => x.token_id,
                        principalTable: "booking_share_tokens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_time_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    booked_count = table.Column<int>(type: "INTEGER", nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    series_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    occurrence_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_series_exception = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_time_slots", x => x.id);
                    table.CheckConstraint("ck_booking_time_slots_booked_count", "booked_count >= 0 AND booked_count <= capacity");
                    table.CheckConstraint("ck_booking_time_slots_capacity", "capacity >= 1");
                    table.CheckConstraint("ck_booking_time_slots_range", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_booking_time_slots_series_id",
                        column: x => x.series_id,
                        principalTable: "booking_slot_series",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_booking_time_slots_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    student_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancelled_by = table.Column<int>(type: "INTEGER", nullable: true),
                    cancellation_reason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_bookings_slot_id",
                        column: x => x.slot_id,
                        principalTable: "booking_time_slots",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_booking_bookings_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_bookings_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_audit_log_teacher_id_at",
                table: "booking_audit_log",
                columns: new[] { "teacher_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_blocked_slots_teacher_id_starts_at",
                table: "booking_blocked_slots",
                columns: new[] { "teacher_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_bookings_active_slot_student",
                table: "booking_bookings",
                columns: new[] { "slot_id", "student_id" },
                unique: true,
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_booking_bookings_slot_id",
                table: "booking_bookings",
                column: "slot_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_bookings_student_id",
                table: "booking_bookings",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_bookings_teacher_id_student_id_starts_at",
                table: "booking_bookings",
                columns: new[] { "teacher_id", "student_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_share_tokens_live_teacher_student",
                table: "booking_share_tokens",
                columns: new[] { "teacher_id", "student_id" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_booking_share_tokens_student_id",
                table: "booking_share_tokens",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_share_tokens_token_hash",
                table: "booking_share_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_slot_series_teacher_id",
                table: "booking_slot_series",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_time_slots_series_id",
                table: "booking_time_slots",
                column: "series_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_time_slots_teacher_id_starts_at",
                table: "booking_time_slots",
                columns: new[] { "teacher_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_token_access_log_student_id",
                table: "booking_token_access_log",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_token_access_log_teacher_id_at",
                table: "booking_token_access_log",
                columns: new[] { "teacher_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_token_access_log_token_id",
                table: "booking_token_access_log",
                column: "token_id");

            // ----- Written by hand: the rules the model cannot express (kept in this migration, so they never drift). -----

            // A teacher's open slots (status 0) never overlap each other or a blocked period. Ranges are half-open
            // [starts_at, ends_at), so touching is fine. Instants are INTEGER UTC ticks, so these are number comparisons.
            // SQLite serializes writers (BEGIN IMMEDIATE), so checking inside the write is race-free.
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_time_slots_overlap_insert
                BEFORE INSERT ON booking_time_slots
                FOR EACH ROW WHEN NEW.status = 0
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:overlap')
                    WHERE EXISTS (SELECT 1 FROM booking_time_slots s
                                  WHERE s.teacher_id = NEW.teacher_id AND s.status = 0 AND s.id <> NEW.id
                                    AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at)
                       OR EXISTS (SELECT 1 FROM booking_blocked_slots b
                                  WHERE b.teacher_id = NEW.teacher_id
                                    AND b.starts_at < NEW.ends_at AND b.ends_at > NEW.starts_at);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_time_slots_overlap_update
                BEFORE UPDATE OF teacher_id, starts_at, ends_at, status ON booking_time_slots
                FOR EACH ROW WHEN NEW.status = 0
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:overlap')
                    WHERE EXISTS (SELECT 1 FROM booking_time_slots s
                                  WHERE s.teacher_id = NEW.teacher_id AND s.status = 0 AND s.id <> NEW.id
                                    AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at)
                       OR EXISTS (SELECT 1 FROM booking_blocked_slots b
                                  WHERE b.teacher_id = NEW.teacher_id
                                    AND b.starts_at < NEW.ends_at AND b.ends_at > NEW.starts_at);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_blocked_slots_overlap_insert
                BEFORE INSERT ON booking_blocked_slots
                FOR EACH ROW
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:overlap')
                    WHERE EXISTS (SELECT 1 FROM booking_time_slots s
                                  WHERE s.teacher_id = NEW.teacher_id AND s.status = 0
                                    AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_blocked_slots_overlap_update
                BEFORE UPDATE OF teacher_id, starts_at, ends_at ON booking_blocked_slots
                FOR EACH ROW
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:overlap')
                    WHERE EXISTS (SELECT 1 FROM booking_time_slots s
                                  WHERE s.teacher_id = NEW.teacher_id AND s.status = 0
                                    AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at);
                END;
                """);

            // A confirmed booking that disappears gives its seat back, so booked_count keeps equal to the slot's confirmed
            // bookings. ClassBooking itself never deletes bookings (cancelling is a status change, and the store releases the
            // seat itself); this is for the host deleting a student profile, whose bookings go with it through the foreign
            // key's ON DELETE CASCADE (SQLite fires triggers for cascaded deletes). It all happens inside the host's DELETE
            // statement. When a teacher profile is deleted, SQLite happens to cascade to the bookings first, so a slot is
            // counted down just before the cascade deletes it; in the other order the slot would simply not be found. Either
            // way is harmless.
            // It changes the slot's version too, as the store's own ReleaseSeat does: booked_count changed under anyone who
            // read the slot, so a teacher's edit saved from that read must fail with a concurrency error (and be retried on
            // fresh data) rather than be written over a slot whose count it did not see. The new version is a random
            // (version 4) Guid in the form the provider stores Guids in: upper-case text with hyphens, which is also how it
            // binds the Guid parameter the concurrency check compares it to. Never below zero, like ReleaseSeat.
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_bookings_release_seat_on_delete
                AFTER DELETE ON booking_bookings
                FOR EACH ROW WHEN OLD.status = 0
                BEGIN
                    UPDATE booking_time_slots
                       SET booked_count = booked_count - 1,
                           version = (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
                                             || substr('89AB', (random() & 3) + 1, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
                                      FROM (SELECT hex(randomblob(16)) AS h))
                     WHERE id = OLD.slot_id AND booked_count > 0;
                END;
                """);

            // The audit log is append-only.
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_audit_log_no_update
                BEFORE UPDATE ON booking_audit_log
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:audit-log-is-append-only');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_booking_audit_log_no_delete
                BEFORE DELETE ON booking_audit_log
                BEGIN
                    SELECT RAISE(ABORT, 'classbooking:audit-log-is-append-only');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the triggers added at the end of Up.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_audit_log_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_audit_log_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_bookings_release_seat_on_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_blocked_slots_overlap_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_blocked_slots_overlap_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_time_slots_overlap_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_booking_time_slots_overlap_insert;");

            migrationBuilder.DropTable(
                name: "booking_audit_log");

            migrationBuilder.DropTable(
                name: "booking_blocked_slots");

            migrationBuilder.DropTable(
                name: "booking_bookings");

            migrationBuilder.DropTable(
                name: "booking_teacher_policies");

            migrationBuilder.DropTable(
                name: "booking_token_access_log");

            migrationBuilder.DropTable(
                name: "booking_time_slots");

            migrationBuilder.DropTable(
                name: "booking_share_tokens");

            migrationBuilder.DropTable(
                name: "booking_slot_series");
        }
    }
}
