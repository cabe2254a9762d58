using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddNotificationOutbox : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reminder_minutes",
                table: "booking_teacher_policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_token",
                table: "booking_share_tokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "booking_bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "booking_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    student_id = table.Column<string>(type: "TEXT", nullable: false),
                    booking_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    leased_until = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reminder_offset = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_starts_at = table.Column<long>(type: "INTEGER", nullable: true),
                    previous_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancelled_by = table.Column<int>(type: "INTEGER", nullable: true),
                    cancellation_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_booking_notifications_booking_id",
                        column: x => x.booking_id,
                        principalTable: "booking_bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_notifications_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_notifications_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_teacher_calendar_feeds",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_teacher_calendar_feeds", x => x.teacher_id);
                    table.ForeignKey(
                        name: "fk_booking_teacher_calendar_feeds_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_notifications_booking_id",
                table: "booking_notifications",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_notifications_pending_next_attempt_at",
                table: "booking_notifications",
                column: "next_attempt_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_booking_notifications_student_id",
                table: "booking_notifications",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_notifications_teacher_id_created_at",
                table: "booking_notifications",
                columns: new[] { "teacher_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_teacher_calendar_feeds_token_hash",
                table: "booking_teacher_calendar_feeds",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_notifications");

            migrationBuilder.DropTable(
                name: "booking_teacher_calendar_feeds");

            migrationBuilder.DropColumn(
                name: "reminder_minutes",
                table: "booking_teacher_policies");

            migrationBuilder.DropColumn(
                name: "protected_token",
                table: "booking_share_tokens");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                table: "booking_bookings");
        }
    }
}
