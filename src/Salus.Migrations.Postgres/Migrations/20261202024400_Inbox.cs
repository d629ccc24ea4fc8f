using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Salus.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Inbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxAssignmentCursors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastAssignedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxAssignmentCursors", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "InboxConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChannelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ThreadKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Market = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Queue = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssignedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastInboundUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAgentReplyUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextResponseDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlaPolicyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlaState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ShiftLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MovedToPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    Preview = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxHandoverNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxHandoverNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxHolidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Market = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxIdentities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthorPlatformId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Handle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxIdentities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlatformItemId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ItemKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlatformParentId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AuthorPlatformId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AuthorHandle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AuthorDisplayName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Permalink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TextVersionUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreationSeen = table.Column<bool>(type: "boolean", nullable: false),
                    Edited = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedOnPlatform = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    HiddenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FindingsJson = table.Column<string>(type: "text", nullable: false),
                    Clauses = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    RoutedTo = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PvCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    PvProposedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMedia",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMedia", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Market = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxProcessedEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxProcessedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InReplyToItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    IsPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    SavedReplyId = table.Column<Guid>(type: "uuid", nullable: true),
                    MediaIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PlatformId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxSavedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxSavedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    StartLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    OnCall = table.Column<bool>(type: "boolean", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxShifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxSlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: true),
                    Market = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: false),
                    BusinessHoursOnly = table.Column<bool>(type: "boolean", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BusinessStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    BusinessEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WarnAtPercent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxSlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Markets = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTeams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxConversations_AssigneeId",
                table: "InboxConversations",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxConversations_ChannelId_ThreadKey",
                table: "InboxConversations",
                columns: new[] { "ChannelId", "ThreadKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxConversations_PersonId",
                table: "InboxConversations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxConversations_Status_Priority",
                table: "InboxConversations",
                columns: new[] { "Status", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxHandoverNotes_TeamId",
                table: "InboxHandoverNotes",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxIdentities_ChannelId_AuthorPlatformId",
                table: "InboxIdentities",
                columns: new[] { "ChannelId", "AuthorPlatformId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxIdentities_PersonId",
                table: "InboxIdentities",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_ChannelId_PlatformItemId",
                table: "InboxItems",
                columns: new[] { "ChannelId", "PlatformItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_ConversationId",
                table: "InboxItems",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxNotes_ConversationId",
                table: "InboxNotes",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxNotifications_RecipientId",
                table: "InboxNotifications",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxProcessedEvents_ChannelId_EventId",
                table: "InboxProcessedEvents",
                columns: new[] { "ChannelId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxReplies_ConversationId",
                table: "InboxReplies",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxReplies_Status",
                table: "InboxReplies",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_InboxSavedReplies_Key_Language",
                table: "InboxSavedReplies",
                columns: new[] { "Key", "Language" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxShifts_TeamId",
                table: "InboxShifts",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxAssignmentCursors");

            migrationBuilder.DropTable(
                name: "InboxConversations");

            migrationBuilder.DropTable(
                name: "InboxHandoverNotes");

            migrationBuilder.DropTable(
                name: "InboxHolidays");

            migrationBuilder.DropTable(
                name: "InboxIdentities");

            migrationBuilder.DropTable(
                name: "InboxItems");

            migrationBuilder.DropTable(
                name: "InboxMedia");

            migrationBuilder.DropTable(
                name: "InboxNotes");

            migrationBuilder.DropTable(
                name: "InboxNotifications");

            migrationBuilder.DropTable(
                name: "InboxPeople");

            migrationBuilder.DropTable(
                name: "InboxProcessedEvents");

            migrationBuilder.DropTable(
                name: "InboxReplies");

            migrationBuilder.DropTable(
                name: "InboxSavedReplies");

            migrationBuilder.DropTable(
                name: "InboxShifts");

            migrationBuilder.DropTable(
                name: "InboxSlaPolicies");

            migrationBuilder.DropTable(
                name: "InboxTeams");
        }
    }
}
