using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Media : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedByName",
                table: "InboxMedia",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedUtc",
                table: "InboxMedia",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "InboxMedia",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedByName",
                table: "InboxMedia",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedUtc",
                table: "InboxMedia",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresUtc",
                table: "InboxMedia",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "InboxMedia",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Length",
                table: "InboxMedia",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sha256",
                table: "InboxMedia",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "InboxMedia",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "InboxMediaShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MediaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMediaShares", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMedia_Sha256",
                table: "InboxMedia",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMediaShares_MediaId",
                table: "InboxMediaShares",
                column: "MediaId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMediaShares_Token",
                table: "InboxMediaShares",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxMediaShares");

            migrationBuilder.DropIndex(
                name: "IX_InboxMedia_Sha256",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "ApprovedByName",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "ApprovedUtc",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "DeletedByName",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "DeletedUtc",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "ExpiresUtc",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "FileName",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "Length",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "Sha256",
                table: "InboxMedia");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "InboxMedia");
        }
    }
}
