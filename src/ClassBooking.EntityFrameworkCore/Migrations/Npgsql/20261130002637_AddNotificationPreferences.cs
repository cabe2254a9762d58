using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    internal partial class AddNotificationPreferences : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int[]>(
                name: "muted_email_kinds",
                schema: "booking",
                table: "teacher_policies",
                type: "integer[]",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminders_stopped_at",
                schema: "booking",
                table: "student_settings",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "muted_email_kinds",
                schema: "booking",
                table: "teacher_policies");

            migrationBuilder.DropColumn(
                name: "reminders_stopped_at",
                schema: "booking",
                table: "student_settings");
        }
    }
}
