using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasesProjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "People",
                table: "event_versions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventIds = table.Column<string>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => new { x.Type, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "event_references",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_references", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseType = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_actions_cases_CaseType_CaseId",
                        columns: x => new { x.CaseType, x.CaseId },
                        principalTable: "cases",
                        principalColumns: new[] { "Type", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_people",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseType = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_people_cases_CaseType_CaseId",
                        columns: x => new { x.CaseType, x.CaseId },
                        principalTable: "cases",
                        principalColumns: new[] { "Type", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_actions_CaseType_CaseId_Number",
                table: "case_actions",
                columns: new[] { "CaseType", "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_actions_Owner_Status_DueDate",
                table: "case_actions",
                columns: new[] { "Owner", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_case_people_CaseType_CaseId_PersonId_Role",
                table: "case_people",
                columns: new[] { "CaseType", "CaseId", "PersonId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_people_PersonId_CaseType",
                table: "case_people",
                columns: new[] { "PersonId", "CaseType" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_OpenedAt",
                table: "cases",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stream",
                table: "cases",
                column: "Stream");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Team_Status",
                table: "cases",
                columns: new[] { "Team", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Type_Status",
                table: "cases",
                columns: new[] { "Type", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_event_references_EventId",
                table: "event_references",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_event_references_Value_Field",
                table: "event_references",
                columns: new[] { "Value", "Field" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_actions");

            migrationBuilder.DropTable(
                name: "case_people");

            migrationBuilder.DropTable(
                name: "event_references");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropColumn(
                name: "People",
                table: "event_versions");
        }
    }
}
