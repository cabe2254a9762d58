using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    internal partial class AddBookingIdempotencyKey : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                schema: "booking",
                table: "bookings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_teacher_id_student_id_idempotency_key",
                schema: "booking",
                table: "bookings",
                columns: new[] { "teacher_id", "student_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_teacher_id_student_id_idempotency_key",
                schema: "booking",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                schema: "booking",
                table: "bookings");
        }
    }
}
