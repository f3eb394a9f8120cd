using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Session4CasesPartnersAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Skills",
                table: "teams",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "retention_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_terms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_terms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schools",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LocalAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyAdultName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyAdultContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schools", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "shares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OrganisationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SharedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SharedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EndedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shares", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retention_decisions_PersonId_DecidedAt",
                table: "retention_decisions",
                columns: new[] { "PersonId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_terms_LocalAuthority_StartDate",
                table: "school_terms",
                columns: new[] { "LocalAuthority", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_schools_LocalAuthority",
                table: "schools",
                column: "LocalAuthority");

            migrationBuilder.CreateIndex(
                name: "IX_shares_OrganisationCode_EndedAt",
                table: "shares",
                columns: new[] { "OrganisationCode", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_shares_PersonId",
                table: "shares",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_decisions");

            migrationBuilder.DropTable(
                name: "school_terms");

            migrationBuilder.DropTable(
                name: "schools");

            migrationBuilder.DropTable(
                name: "shares");

            migrationBuilder.DropColumn(
                name: "Skills",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "audit");
        }
    }
}
