using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchAliasKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_alias_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_alias_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_alias_keys_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_ForenameKey",
                table: "people",
                column: "ForenameKey");

            migrationBuilder.CreateIndex(
                name: "IX_person_alias_keys_Key",
                table: "person_alias_keys",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_person_alias_keys_PersonId",
                table: "person_alias_keys",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_alias_keys");

            migrationBuilder.DropIndex(
                name: "IX_people_ForenameKey",
                table: "people");
        }
    }
}
