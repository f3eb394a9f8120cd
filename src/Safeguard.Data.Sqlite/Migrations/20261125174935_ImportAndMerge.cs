using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportAndMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    System = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    InputHash = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLineDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleLinked = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleQueued = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleAlreadyImported = table.Column<int>(type: "INTEGER", nullable: false),
                    EventsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    EventsAlreadyImported = table.Column<int>(type: "INTEGER", nullable: false),
                    BadRows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncomingPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidatePersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MovedRows = table.Column<string>(type: "TEXT", nullable: false),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", nullable: true),
                    UndoReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_merges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_import_runs_System_InputHash",
                table: "import_runs",
                columns: new[] { "System", "InputHash" });

            migrationBuilder.CreateIndex(
                name: "IX_match_reviews_IncomingPersonId_CandidatePersonId",
                table: "match_reviews",
                columns: new[] { "IncomingPersonId", "CandidatePersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_match_reviews_Status_CreatedAt",
                table: "match_reviews",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_person_merges_MergedId",
                table: "person_merges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_person_merges_SurvivorId",
                table: "person_merges",
                column: "SurvivorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "match_reviews");

            migrationBuilder.DropTable(
                name: "person_merges");
        }
    }
}
