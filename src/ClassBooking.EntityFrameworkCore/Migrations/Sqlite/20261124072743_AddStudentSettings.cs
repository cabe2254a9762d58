using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddStudentSettings : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_student_settings",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "TEXT", nullable: false),
                    student_id = table.Column<string>(type: "TEXT", nullable: false),
                    color_key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_student_settings", x => new { x.teacher_id, x.student_id });
                    table.CheckConstraint("ck_booking_student_settings_color_key", "color_key IN ('blue', 'red', 'green', 'purple', 'orange', 'teal', 'pink', 'olive')");
                    table.ForeignKey(
                        name: "fk_booking_student_settings_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_booking_student_settings_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_student_settings_student_id",
                table: "booking_student_settings",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_student_settings");
        }
    }
}
