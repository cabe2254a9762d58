using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddBookingIdempotencyKey : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "booking_bookings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_bookings_teacher_id_student_id_idempotency_key",
                table: "booking_bookings",
                columns: new[] { "teacher_id", "student_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_booking_bookings_teacher_id_student_id_idempotency_key",
                table: "booking_bookings");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "booking_bookings");
        }
    }
}
