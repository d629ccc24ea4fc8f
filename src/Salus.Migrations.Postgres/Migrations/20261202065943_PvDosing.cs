using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Postgres.Migrations
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoseUnit",
                table: "PvCaseProducts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DoseValue",
                table: "PvCaseProducts",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frequency",
                table: "PvCaseProducts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Indication",
                table: "PvCaseProducts",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "PvCaseProducts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TherapyStart",
                table: "PvCaseProducts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TherapyStop",
                table: "PvCaseProducts",
                type: "date",
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
