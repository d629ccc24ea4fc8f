using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PvDosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Action",
                table: "PvCaseProducts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoseUnit",
                table: "PvCaseProducts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DoseValue",
                table: "PvCaseProducts",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frequency",
                table: "PvCaseProducts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Indication",
                table: "PvCaseProducts",
                type: "TEXT",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "PvCaseProducts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TherapyStart",
                table: "PvCaseProducts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TherapyStop",
                table: "PvCaseProducts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Action",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "DoseUnit",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "DoseValue",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "Frequency",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "Indication",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "TherapyStart",
                table: "PvCaseProducts");

            migrationBuilder.DropColumn(
                name: "TherapyStop",
                table: "PvCaseProducts");
        }
    }
}
