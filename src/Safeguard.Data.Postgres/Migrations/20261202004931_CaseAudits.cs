using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Bcus = table.Column<List<string>>(type: "text[]", nullable: false),
                    CaseTypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    PerStratum = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    ReportDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audit_exercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_audit_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AuditType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bcu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Timescale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoneNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Overall = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Areas = table.Column<string>(type: "text", nullable: false),
                    GradedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GradedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GradedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
