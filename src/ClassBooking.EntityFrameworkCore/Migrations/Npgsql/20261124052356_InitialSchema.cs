using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    internal partial class InitialSchema : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "booking");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:booking.btree_gist", ",,");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    actor_kind = table.Column<int>(type: "integer", nullable: false),
                    actor_id = table.Column<string>(type: "text", nullable: true),
                    action = table.Column<string>(type: "text", nullable: false),
                    target_type = table.Column<string>(type: "text", nullable: false),
                    target_id = table.Column<string>(type: "text", nullable: false),
                    client_address_hash = table.Column<string>(type: "text", nullable: true),
                    details = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "blocked_slots",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blocked_slots", x => x.id);
                    table.CheckConstraint("ck_blocked_slots_range", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_blocked_slots_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "share_tokens",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_share_tokens_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_share_tokens_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "slot_series",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    weekdays = table.Column<int>(type: "integer", nullable: false),
                    local_start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    first_date = table.Column<DateOnly>(type: "date", nullable: false),
                    last_date = table.Column<DateOnly>(type: "date", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    skipped_dates = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slot_series", x => x.id);
                    table.CheckConstraint("ck_slot_series_capacity", "capacity >= 1");
                    table.CheckConstraint("ck_slot_series_duration", "duration_minutes >= 1");
                    table.ForeignKey(
                        name: "fk_slot_series_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teacher_policies",
                schema: "booking",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    minimum_notice = table.Column<TimeSpan>(type: "interval", nullable: false),
                    booking_horizon = table.Column<TimeSpan>(type: "interval", nullable: false),
                    cancellation_window = table.Column<TimeSpan>(type: "interval", nullable: false),
                    buffer_before = table.Column<TimeSpan>(type: "interval", nullable: false),
                    buffer_after = table.Column<TimeSpan>(type: "interval", nullable: false),
                    max_bookings_per_student_per_week = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teacher_policies", x => x.teacher_id);
                    table.ForeignKey(
                        name: "fk_teacher_policies_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "token_access_log",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_address_hash = table.Column<string>(type: "text", nullable: true),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_token_access_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_token_access_log_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_token_access_log_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_token_access_log_token_id",
                        column: x => x.token_id,
                        principalSchema: "booking",
                        principalTable: "share_tokens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "time_slots",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    booked_count = table.Column<int>(type: "integer", nullable: false),
                    price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurrence_date = table.Column<DateOnly>(type: "date", nullable: true),
                    is_series_exception = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_slots", x => x.id);
                    table.CheckConstraint("ck_time_slots_booked_count", "booked_count >= 0 AND booked_count <= capacity");
                    table.CheckConstraint("ck_time_slots_capacity", "capacity >= 1");
                    table.CheckConstraint("ck_time_slots_range", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_time_slots_series_id",
                        column: x => x.series_id,
                        principalSchema: "booking",
                        principalTable: "slot_series",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_time_slots_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<int>(type: "integer", nullable: true),
                    cancellation_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_bookings_slot_id",
                        column: x => x.slot_id,
                        principalSchema: "booking",
                        principalTable: "time_slots",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_bookings_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bookings_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_teacher_id_at",
                schema: "booking",
                table: "audit_log",
                columns: new[] { "teacher_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_blocked_slots_teacher_id_starts_at",
                schema: "booking",
                table: "blocked_slots",
                columns: new[] { "teacher_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_active_slot_student",
                schema: "booking",
                table: "bookings",
                columns: new[] { "slot_id", "student_id" },
                unique: true,
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_slot_id",
                schema: "booking",
                table: "bookings",
                column: "slot_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_student_id",
                schema: "booking",
                table: "bookings",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_teacher_id_student_id_starts_at",
                schema: "booking",
                table: "bookings",
                columns: new[] { "teacher_id", "student_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_share_tokens_live_teacher_student",
                schema: "booking",
                table: "share_tokens",
                columns: new[] { "teacher_id", "student_id" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_share_tokens_student_id",
                schema: "booking",
                table: "share_tokens",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_share_tokens_token_hash",
                schema: "booking",
                table: "share_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_slot_series_teacher_id",
                schema: "booking",
                table: "slot_series",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_slots_series_id",
                schema: "booking",
                table: "time_slots",
                column: "series_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_slots_teacher_id_starts_at",
                schema: "booking",
                table: "time_slots",
                columns: new[] { "teacher_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_token_access_log_student_id",
                schema: "booking",
                table: "token_access_log",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_token_access_log_teacher_id_at",
                schema: "booking",
                table: "token_access_log",
                columns: new[] { "teacher_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_token_access_log_token_id",
                schema: "booking",
                table: "token_access_log",
                column: "token_id");

            // ----- Written by hand: the rules the model cannot express (kept in this migration, so they never drift). -----

            // A teacher's open slots (status 0) never overlap: ranges are half-open [starts_at, ends_at), so touching is
            // fine. Needs btree_gist (created above) for "teacher_id WITH =".
            migrationBuilder.Sql("""
                ALTER TABLE booking.time_slots
                    ADD CONSTRAINT ex_time_slots_no_overlap
                    EXCLUDE USING gist (teacher_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
                    WHERE (status = 0);
                """);

            // ... nor a blocked period. Two tables cannot share an exclusion constraint, so a trigger on each takes the
            // teacher's advisory lock (the key of WriteLock.Teacher) and then looks at the other table: two writers of one
            // teacher's slots and blocks run one after the other, and the second sees what the first committed (each
            // statement of a PL/pgSQL function reads a fresh snapshot under READ COMMITTED).
            migrationBuilder.Sql("""
                CREATE FUNCTION booking.time_slots_refuse_block_overlap() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('teacher:' || NEW.teacher_id::text, 0));
                    IF EXISTS (SELECT 1 FROM booking.blocked_slots b
                               WHERE b.teacher_id = NEW.teacher_id
                                 AND b.starts_at < NEW.ends_at AND b.ends_at > NEW.starts_at) THEN
                        RAISE EXCEPTION 'classbooking:overlap: open slot % of teacher % overlaps a blocked period', NEW.id, NEW.teacher_id
                            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'ex_time_slots_blocked_slots_overlap',
                                  SCHEMA = 'booking', TABLE = 'time_slots';
                    END IF;
                    RETURN NEW;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_time_slots_refuse_block_overlap
                    BEFORE INSERT OR UPDATE OF teacher_id, starts_at, ends_at, status ON booking.time_slots
                    FOR EACH ROW WHEN (NEW.status = 0)
                    EXECUTE FUNCTION booking.time_slots_refuse_block_overlap();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION booking.blocked_slots_refuse_slot_overlap() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('teacher:' || NEW.teacher_id::text, 0));
                    IF EXISTS (SELECT 1 FROM booking.time_slots s
                               WHERE s.teacher_id = NEW.teacher_id AND s.status = 0
                                 AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at) THEN
                        RAISE EXCEPTION 'classbooking:overlap: blocked period % of teacher % overlaps an open slot', NEW.id, NEW.teacher_id
                            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'ex_time_slots_blocked_slots_overlap',
                                  SCHEMA = 'booking', TABLE = 'blocked_slots';
                    END IF;
                    RETURN NEW;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_blocked_slots_refuse_slot_overlap
                    BEFORE INSERT OR UPDATE OF teacher_id, starts_at, ends_at ON booking.blocked_slots
                    FOR EACH ROW
                    EXECUTE FUNCTION booking.blocked_slots_refuse_slot_overlap();
                """);

            // A confirmed booking that disappears gives its seat back, so booked_count keeps equal to the slot's confirmed
            // bookings. ClassBooking itself never deletes bookings (cancelling is a status change, and the store releases the
            // seat itself); this is for the host deleting a student profile, whose bookings go with it through the foreign
            // key's ON DELETE CASCADE. The cascade's deletes and this trigger's update run inside the host's DELETE statement,
            // so the count is right when it commits. When a teacher profile is deleted, the slots are deleted by the cascade
            // before this AFTER trigger runs: the UPDATE then finds no row and does nothing.
            // It changes the slot's version too, as the store's own ReleaseSeat does: booked_count changed under anyone who
            // read the slot, so a teacher's edit saved from that read must fail with a concurrency error (and be retried on
            // fresh data) rather than be written over a slot whose count it did not see. Never below zero, like ReleaseSeat.
            migrationBuilder.Sql("""
                CREATE FUNCTION booking.bookings_release_seat_on_delete() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE booking.time_slots
                       SET booked_count = booked_count - 1, version = gen_random_uuid()
                     WHERE id = OLD.slot_id AND booked_count > 0;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_bookings_release_seat_on_delete
                    AFTER DELETE ON booking.bookings
                    FOR EACH ROW WHEN (OLD.status = 0)
                    EXECUTE FUNCTION booking.bookings_release_seat_on_delete();
                """);

            // The audit log is append-only: no UPDATE, DELETE or TRUNCATE.
            migrationBuilder.Sql("""
                CREATE FUNCTION booking.audit_log_refuse_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'classbooking:audit-log-is-append-only: % on booking.audit_log is not allowed', TG_OP;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_audit_log_append_only
                    BEFORE UPDATE OR DELETE ON booking.audit_log
                    FOR EACH ROW
                    EXECUTE FUNCTION booking.audit_log_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER trg_audit_log_no_truncate
                    BEFORE TRUNCATE ON booking.audit_log
                    FOR EACH STATEMENT
                    EXECUTE FUNCTION booking.audit_log_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Written by hand: what the end of Up added (dropping the tables drops their triggers and constraints, not the functions).
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_audit_log_no_truncate ON booking.audit_log;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_audit_log_append_only ON booking.audit_log;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_bookings_release_seat_on_delete ON booking.bookings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_blocked_slots_refuse_slot_overlap ON booking.blocked_slots;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_time_slots_refuse_block_overlap ON booking.time_slots;");
            migrationBuilder.Sql("ALTER TABLE booking.time_slots DROP CONSTRAINT IF EXISTS ex_time_slots_no_overlap;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS booking.audit_log_refuse_change();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS booking.bookings_release_seat_on_delete();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS booking.blocked_slots_refuse_slot_overlap();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS booking.time_slots_refuse_block_overlap();");

            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "blocked_slots",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "teacher_policies",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "token_access_log",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "time_slots",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "share_tokens",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "slot_series",
                schema: "booking");

            // Drop btree_gist only where Up created it (in ClassBooking's schema); a host's own copy stays.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                               WHERE e.extname = 'btree_gist' AND n.nspname = 'booking') THEN
                        DROP EXTENSION btree_gist;
                    END IF;
                END $$;
                """);
        }
    }
}
