using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChannelProduct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Product",
                table: "Channels",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Product",
                table: "Channels");
        }
    }
}
