using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EngineDerivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EffectiveAt",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "flag_reasons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RaisedAt",
                table: "flag_reasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "flag_reasons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "flag_reasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EffectiveAt",
                table: "alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "derivation_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EventTypes = table.Column<string>(type: "TEXT", nullable: false),
                    People = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AfterPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeopleDone = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_derivation_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DerivedFor = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    About = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_DerivedFor",
                table: "tasks",
                column: "DerivedFor");

            migrationBuilder.CreateIndex(
                name: "IX_flag_reasons_DerivedFor",
                table: "flag_reasons",
                column: "DerivedFor");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_DerivedFor",
                table: "alerts",
                column: "DerivedFor");

            migrationBuilder.CreateIndex(
                name: "IX_derivation_jobs_FinishedAt",
                table: "derivation_jobs",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_timers_DerivedFor",
                table: "timers",
                column: "DerivedFor");

            migrationBuilder.CreateIndex(
                name: "IX_timers_FiredAt_DueAt",
                table: "timers",
                columns: new[] { "FiredAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timers_Key",
                table: "timers",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "derivation_jobs");

            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropIndex(
                name: "IX_tasks_DerivedFor",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_flag_reasons_DerivedFor",
                table: "flag_reasons");

            migrationBuilder.DropIndex(
                name: "IX_alerts_DerivedFor",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "DerivedFor",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "EffectiveAt",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "DerivedFor",
                table: "flag_reasons");

            migrationBuilder.DropColumn(
                name: "RaisedAt",
                table: "flag_reasons");

            migrationBuilder.DropColumn(
                name: "WithdrawReason",
                table: "flag_reasons");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "flag_reasons");

            migrationBuilder.DropColumn(
                name: "DerivedFor",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "EffectiveAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "WithdrawReason",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "alerts");
        }
    }
}
