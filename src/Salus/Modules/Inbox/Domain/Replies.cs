namespace Salus.Modules.Inbox.Domain;

public enum ReplyStatus
{
    Sent,
    PendingReview,
    Blocked,
    Rejected,
    Failed,
}

/// <summary>What an agent sent (or tried to send): kept with the screening decision that let it through or stopped it.</summary>
public sealed class OutboundReply
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public Guid? InReplyToItemId { get; set; }

    public string Text { get; set; } = "";

    public bool IsPrivate { get; set; }

    public Guid? SavedReplyId { get; set; }

    /// <summary>Comma-separated ids of the media items attached (links in the text, files uploaded or linked by the connector).</summary>
    public string MediaIds { get; set; } = "";

    public ReplyStatus Status { get; set; }

    public string Decision { get; set; } = "allow";

    public string Reasons { get; set; } = "";

    public string? PlatformId { get; set; }

    public string? Error { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? ReviewerName { get; set; }

    public DateTime? ReviewedUtc { get; set; }
}

public enum SavedReplyStatus
{
    Draft,
    Approved,
    Retired,
}

/// <summary>What a saved reply is for; routing offers the matching one.</summary>
public enum SavedReplyPurpose
{
    General,
    AdverseEventAcknowledgement,
    MoveToPrivate,
    PrivateFollowUp,
    Crisis,
}

/// <summary>A reusable answer in one language, usable only once MLR approved it and until it expires.</summary>
public sealed class SavedReply
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Groups the language versions of one answer.</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public string Language { get; set; } = "en";

    public string Body { get; set; } = "";

    public SavedReplyPurpose Purpose { get; set; }

    public SavedReplyStatus Status { get; set; } = SavedReplyStatus.Draft;

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTime? ApprovedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public bool IsUsableAt(DateTime nowUtc) => Status == SavedReplyStatus.Approved && ExpiresUtc is { } e && e > nowUtc;
}
