using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    internal partial class AddNotificationOutbox : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<int>>(
                name: "reminder_minutes",
                schema: "booking",
                table: "teacher_policies",
                type: "integer[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_token",
                schema: "booking",
                table: "share_tokens",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                schema: "booking",
                table: "bookings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    leased_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_offset = table.Column<TimeSpan>(type: "interval", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    previous_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    previous_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<int>(type: "integer", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_booking_id",
                        column: x => x.booking_id,
                        principalSchema: "booking",
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teacher_calendar_feeds",
                schema: "booking",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teacher_calendar_feeds", x => x.teacher_id);
                    table.ForeignKey(
                        name: "fk_teacher_calendar_feeds_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_booking_id",
                schema: "booking",
                table: "notifications",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_pending_next_attempt_at",
                schema: "booking",
                table: "notifications",
                column: "next_attempt_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_student_id",
                schema: "booking",
                table: "notifications",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_teacher_id_created_at",
                schema: "booking",
                table: "notifications",
                columns: new[] { "teacher_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_teacher_calendar_feeds_token_hash",
                schema: "booking",
                table: "teacher_calendar_feeds",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "teacher_calendar_feeds",
                schema: "booking");

            migrationBuilder.DropColumn(
                name: "reminder_minutes",
                schema: "booking",
                table: "teacher_policies");

            migrationBuilder.DropColumn(
                name: "protected_token",
                schema: "booking",
                table: "share_tokens");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                schema: "booking",
                table: "bookings");
        }
    }
}
