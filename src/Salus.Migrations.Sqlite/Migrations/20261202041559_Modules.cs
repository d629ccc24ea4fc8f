using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Modules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelRawEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelRawEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApiBaseUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PollIntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedCredentials = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TokenExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsSandbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxAssignmentCursors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastAssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxAssignmentCursors", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "InboxConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ThreadKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastInboundUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAgentReplyUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextResponseDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaPolicyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlaState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ShiftLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MovedToPrivate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Preview = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxHandoverNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxHandoverNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxHolidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxIdentities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AuthorPlatformId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Handle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxIdentities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlatformItemId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlatformParentId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AuthorPlatformId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AuthorHandle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AuthorDisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Permalink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TextVersionUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreationSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedOnPlatform = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    HiddenUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Clauses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    RoutedTo = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PvCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PvProposedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMedia",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMedia", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxProcessedEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxProcessedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InReplyToItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IsPrivate = table.Column<bool>(type: "INTEGER", nullable: false),
                    SavedReplyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MediaIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlatformId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxSavedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxSavedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    StartLocal = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndLocal = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    OnCall = table.Column<bool>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxShifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxSlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: true),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessHoursOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BusinessStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    BusinessEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WarnAtPercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxSlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Markets = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTeams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequiredSignOffs = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SectionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QuizScorePercent = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyAcknowledgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyChangeProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedBody = table.Column<string>(type: "TEXT", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChangeProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicySignOffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicySignOffs", x => x.Id);
                });

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
                name: "ChannelStates",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastSuccessUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastErrorUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    PollCursor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextPollUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastWebhookUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelStates", x => x.ChannelId);
                    table.ForeignKey(
                        name: "FK_ChannelStates_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SupersededUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AudienceKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AudienceValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QuizPassMarkPercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyVersions_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "PolicySections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    QuizJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicySections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicySections_PolicyVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "PolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRawEvents_ChannelId_EventId",
                table: "ChannelRawEvents",
                columns: new[] { "ChannelId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelRawEvents_ProcessedUtc",
                table: "ChannelRawEvents",
                column: "ProcessedUtc");

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

            migrationBuilder.CreateIndex(
                name: "IX_Policies_Code",
                table: "Policies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAcknowledgements_UserId_SectionKey_SectionHash",
                table: "PolicyAcknowledgements",
                columns: new[] { "UserId", "SectionKey", "SectionHash" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAcknowledgements_VersionId_UserId_SectionKey",
                table: "PolicyAcknowledgements",
                columns: new[] { "VersionId", "UserId", "SectionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChangeProposals_VersionId_SectionKey",
                table: "PolicyChangeProposals",
                columns: new[] { "VersionId", "SectionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyComments_VersionId_SectionKey",
                table: "PolicyComments",
                columns: new[] { "VersionId", "SectionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicySections_VersionId_Key",
                table: "PolicySections",
                columns: new[] { "VersionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicySignOffs_SignatureId",
                table: "PolicySignOffs",
                column: "SignatureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicySignOffs_VersionId",
                table: "PolicySignOffs",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyVersions_PolicyId_Number",
                table: "PolicyVersions",
                columns: new[] { "PolicyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyVersions_Status",
                table: "PolicyVersions",
                column: "Status");

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
                name: "ChannelRawEvents");

            migrationBuilder.DropTable(
                name: "ChannelStates");

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

            migrationBuilder.DropTable(
                name: "PolicyAcknowledgements");

            migrationBuilder.DropTable(
                name: "PolicyChangeProposals");

            migrationBuilder.DropTable(
                name: "PolicyComments");

            migrationBuilder.DropTable(
                name: "PolicySections");

            migrationBuilder.DropTable(
                name: "PolicySignOffs");

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
                name: "Channels");

            migrationBuilder.DropTable(
                name: "PolicyVersions");

            migrationBuilder.DropTable(
                name: "PvCases");

            migrationBuilder.DropTable(
                name: "Policies");
        }
    }
}
