using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchAliasKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SurnameKey",
                table: "people",
                type: "text",
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "person_alias_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
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

            migrationBuilder.AlterColumn<string>(
                name: "SurnameKey",
                table: "people",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldCollation: "C");
        }
    }
}
