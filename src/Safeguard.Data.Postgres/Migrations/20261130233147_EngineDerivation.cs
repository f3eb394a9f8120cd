using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EffectiveAt",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "flag_reasons",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RaisedAt",
                table: "flag_reasons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "flag_reasons",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "flag_reasons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DerivedFor",
                table: "alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EffectiveAt",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "derivation_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Cause = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EventTypes = table.Column<string>(type: "text", nullable: false),
                    People = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    AfterPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PeopleDone = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_derivation_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    DerivedFor = table.Column<Guid>(type: "uuid", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    About = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
