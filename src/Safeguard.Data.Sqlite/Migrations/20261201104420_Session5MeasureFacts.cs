using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Session5MeasureFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LocalAuthority",
                table: "teams",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "measure_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Bcu = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LocalAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measure_facts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_measure_facts_Measure_Month",
                table: "measure_facts",
                columns: new[] { "Measure", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_measure_facts_Stream",
                table: "measure_facts",
                column: "Stream");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "measure_facts");

            migrationBuilder.DropColumn(
                name: "LocalAuthority",
                table: "teams");
        }
    }
}
