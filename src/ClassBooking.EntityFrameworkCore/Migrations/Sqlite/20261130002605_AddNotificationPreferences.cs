using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddNotificationPreferences : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "muted_email_kinds",
                table: "booking_teacher_policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reminders_stopped_at",
                table: "booking_student_settings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "muted_email_kinds",
                table: "booking_teacher_policies");

            migrationBuilder.DropColumn(
                name: "reminders_stopped_at",
                table: "booking_student_settings");
        }
    }
}
