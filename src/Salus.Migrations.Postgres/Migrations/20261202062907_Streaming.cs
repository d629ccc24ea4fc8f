using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Streaming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StreamConnectedUtc",
                table: "ChannelStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Streaming",
                table: "Channels",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StreamConnectedUtc",
                table: "ChannelStates");

            migrationBuilder.DropColumn(
                name: "Streaming",
                table: "Channels");
        }
    }
}
