using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RulesOutputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosesWhen",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "flag_reasons",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_flag_reasons_Key",
                table: "flag_reasons",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flag_reasons_Key",
                table: "flag_reasons");

            migrationBuilder.DropColumn(
                name: "ClosesWhen",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "flag_reasons");
        }
    }
}
