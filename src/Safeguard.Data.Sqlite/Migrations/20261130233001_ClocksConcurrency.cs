using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClocksConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "person_merges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "match_reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "flags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "FromFlagId",
                table: "flag_history",
                type: "TEXT",
                nullable: true);

            // Records merged before this version could hold two live flags of one code: keep the stronger
            // (confirmed over suggested, then the oldest) and mark the others merged, so the unique index can be made.
            migrationBuilder.Sql(@"UPDATE flags SET ""Status"" = 'merged'
WHERE ""Status"" IN ('suggested', 'confirmed') AND EXISTS (
  SELECT 1 FROM flags f2 WHERE f2.""PersonId"" = flags.""PersonId"" AND f2.""Code"" = flags.""Code"" AND f2.""Id"" <> flags.""Id""
    AND f2.""Status"" IN ('suggested', 'confirmed')
    AND ((CASE f2.""Status"" WHEN 'confirmed' THEN 0 ELSE 1 END) < (CASE flags.""Status"" WHEN 'confirmed' THEN 0 ELSE 1 END)
      OR (f2.""Status"" = flags.""Status"" AND (f2.""Since"" < flags.""Since"" OR (f2.""Since"" = flags.""Since"" AND f2.""Id"" < flags.""Id"")))));");

            migrationBuilder.CreateIndex(
                name: "IX_flags_one_live_per_code",
                table: "flags",
                columns: new[] { "PersonId", "Code" },
                unique: true,
                filter: "\"Status\" IN ('suggested', 'confirmed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flags_one_live_per_code",
                table: "flags");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "person_merges");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "match_reviews");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "flags");

            migrationBuilder.DropColumn(
                name: "FromFlagId",
                table: "flag_history");
        }
    }
}
