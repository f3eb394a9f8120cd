using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Work8TaskActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedUser",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionNote",
                table: "tasks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgeNote",
                table: "alerts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "worklist_looks",
                columns: table => new
                {
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_worklist_looks", x => x.ActorId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "worklist_looks");

            migrationBuilder.DropColumn(
                name: "AssignedUser",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "CompletedBy",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "CompletionNote",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "AcknowledgeNote",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "alerts");
        }
    }
}
