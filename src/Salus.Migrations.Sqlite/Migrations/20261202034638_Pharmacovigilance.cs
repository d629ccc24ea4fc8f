using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Pharmacovigilance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PvCaseAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvCaseAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PvCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", nullable: false),
                    Permalink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReporterPlatformId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterHandle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterDisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterPseudonym = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PatientInitials = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PatientSex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PatientAgeYears = table.Column<int>(type: "INTEGER", nullable: true),
                    ReporterDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterKnownUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PatientDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PatientKnownUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReactionDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReactionKnownUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProductDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProductKnownUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Day0Override = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Day0OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Death = table.Column<bool>(type: "INTEGER", nullable: false),
                    LifeThreatening = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hospitalisation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Disability = table.Column<bool>(type: "INTEGER", nullable: false),
                    CongenitalAnomaly = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherMedicallyImportant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Unexpected = table.Column<bool>(type: "INTEGER", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", nullable: true),
                    AwaitingFollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PseudonymisedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PvDuplicateSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SuggestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvDuplicateSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PvProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ReporterPlatformId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterHandle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReporterDisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Permalink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FlaggedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProductsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReactionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PvCaseProducts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Ingredients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvCaseProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PvCaseProducts_PvCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "PvCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PvCaseReactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReportedText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MedDraCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MedDraVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    OnsetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvCaseReactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PvCaseReactions_PvCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "PvCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PvFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    PlatformItemId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PvFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PvFollowUps_PvCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "PvCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PvCaseAlerts_CaseId_Kind_DueDate",
                table: "PvCaseAlerts",
                columns: new[] { "CaseId", "Kind", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PvCaseProducts_CaseId",
                table: "PvCaseProducts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PvCaseReactions_CaseId",
                table: "PvCaseReactions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PvCases_ChannelId_ReporterPlatformId",
                table: "PvCases",
                columns: new[] { "ChannelId", "ReporterPlatformId" });

            migrationBuilder.CreateIndex(
                name: "IX_PvCases_Number",
                table: "PvCases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PvCases_ProposalId",
                table: "PvCases",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PvDuplicateSuggestions_CaseId_OtherCaseId",
                table: "PvDuplicateSuggestions",
                columns: new[] { "CaseId", "OtherCaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PvFollowUps_CaseId",
                table: "PvFollowUps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PvProposals_SourceType_SourceId",
                table: "PvProposals",
                columns: new[] { "SourceType", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PvProposals_Status",
                table: "PvProposals",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PvCaseAlerts");

            migrationBuilder.DropTable(
                name: "PvCaseProducts");

            migrationBuilder.DropTable(
                name: "PvCaseReactions");

            migrationBuilder.DropTable(
                name: "PvDuplicateSuggestions");

            migrationBuilder.DropTable(
                name: "PvFollowUps");

            migrationBuilder.DropTable(
                name: "PvProposals");

            migrationBuilder.DropTable(
                name: "PvCases");
        }
    }
}
