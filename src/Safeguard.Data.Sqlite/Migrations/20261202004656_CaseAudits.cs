using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_audit_exercises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Bcus = table.Column<string>(type: "TEXT", nullable: false),
                    CaseTypes = table.Column<string>(type: "TEXT", nullable: false),
                    PerStratum = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit_exercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_audit_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Bcu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_audit_cases_case_audit_exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "case_audit_exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_audit_recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Timescale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_audit_recommendations_case_audit_exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "case_audit_exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_audit_gradings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuditCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", nullable: false),
                    GradedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GradedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit_gradings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_audit_gradings_case_audit_cases_AuditCaseId",
                        column: x => x.AuditCaseId,
                        principalTable: "case_audit_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_cases_ExerciseId_CaseType_CaseId",
                table: "case_audit_cases",
                columns: new[] { "ExerciseId", "CaseType", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_cases_ExerciseId_Number",
                table: "case_audit_cases",
                columns: new[] { "ExerciseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_exercises_CreatedAt",
                table: "case_audit_exercises",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_gradings_AuditCaseId_Kind",
                table: "case_audit_gradings",
                columns: new[] { "AuditCaseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_gradings_ExerciseId",
                table: "case_audit_gradings",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_audit_recommendations_ExerciseId_Number",
                table: "case_audit_recommendations",
                columns: new[] { "ExerciseId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_audit_gradings");

            migrationBuilder.DropTable(
                name: "case_audit_recommendations");

            migrationBuilder.DropTable(
                name: "case_audit_cases");

            migrationBuilder.DropTable(
                name: "case_audit_exercises");
        }
    }
}
