using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClassBooking.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    internal partial class AddStudentSettings : ClassBookingMigration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "student_settings",
                schema: "booking",
                columns: table => new
                {
                    teacher_id = table.Column<string>(type: "text", nullable: false),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    color_key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_settings", x => new { x.teacher_id, x.student_id });
                    table.CheckConstraint("ck_student_settings_color_key", "color_key IN ('blue', 'red', 'green', 'purple', 'orange', 'teal', 'pink', 'olive')");
                    table.ForeignKey(
                        name: "fk_student_settings_student_id_host",
                        column: x => x.student_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_student_settings_teacher_id_host",
                        column: x => x.teacher_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_student_settings_student_id",
                schema: "booking",
                table: "student_settings",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "student_settings",
                schema: "booking");
        }
    }
}
