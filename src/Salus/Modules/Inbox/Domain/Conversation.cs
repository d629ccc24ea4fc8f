namespace Salus.Modules.Inbox.Domain;

public enum ConversationStatus
{
    New,
    Open,
    Waiting,
    Resolved,
}

/// <summary>Risk order of the inbox: lower sorts first.</summary>
public enum RiskPriority
{
    Crisis = 0,
    AdverseEvent = 1,
    MedicalQuestion = 2,
    Normal = 3,
}

public enum SlaState
{
    Running,
    Warning,
    Breached,
    Met,
}

/// <summary>Where a conversation waits: the general team, medical information, or the urgent (crisis) queue.</summary>
public static class InboxQueues
{
    public const string General = "general";
    public const string MedicalInformation = "medical-information";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [General, MedicalInformation, Urgent];
}

/// <summary>One thread on one channel with one person: the unit the team works, assigns and measures.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public string ChannelKind { get; set; } = "";

    public string ChannelName { get; set; } = "";

    /// <summary>The platform thread id, the root item id, or <c>dm:author</c> for private messages.</summary>
    public string ThreadKey { get; set; } = "";

    public Guid PersonId { get; set; }

    public string Market { get; set; } = "";

    public string? Language { get; set; }

    public ConversationStatus Status { get; set; } = ConversationStatus.New;

    public RiskPriority Priority { get; set; } = RiskPriority.Normal;

    /// <summary>Screening categories of its items, as <c>|a|b|</c> so that one LIKE finds one category on every provider.</summary>
    public string Categories { get; set; } = "";

    public string Queue { get; set; } = InboxQueues.General;

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public DateTime? AssignedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastInboundUtc { get; set; }

    public DateTime? LastAgentReplyUtc { get; set; }

    public DateTime? FirstResponseUtc { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public DateTime? FirstResponseDueUtc { get; set; }

    public DateTime? NextResponseDueUtc { get; set; }

    public DateTime? ResolutionDueUtc { get; set; }

    public string SlaPolicyName { get; set; } = "";

    public SlaState SlaState { get; set; } = SlaState.Running;

    /// <summary>The shift (team and pattern) on duty when the conversation arrived, for metrics.</summary>
    public string? ShiftLabel { get; set; }

    public bool MovedToPrivate { get; set; }

    /// <summary>The start of the latest item's text, for the list.</summary>
    public string Preview { get; set; } = "";

    public bool HasCategory(string category) => Categories.Contains($"|{category}|", StringComparison.Ordinal);

    /// <summary>The earliest response deadline still open.</summary>
    public DateTime? ResponseDueUtc => Status == ConversationStatus.Resolved ? null : FirstResponseUtc is null ? FirstResponseDueUtc : NextResponseDueUtc;
}
