using Salus.Modules.Channels.Contracts;

namespace Salus.Modules.Inbox.Domain;

/// <summary>
/// One platform item (comment, mention, message) in the state its events converge to, whatever their order:
/// the text of the latest edit, deleted once any deletion is seen, hidden once hiding is seen.
/// </summary>
public sealed class InboxItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public Guid ChannelId { get; set; }

    public string PlatformItemId { get; set; } = "";

    public InboundItemKind ItemKind { get; set; }

    public string? PlatformParentId { get; set; }

    public string AuthorPlatformId { get; set; } = "";

    public string? AuthorHandle { get; set; }

    public string? AuthorDisplayName { get; set; }

    public string Text { get; set; } = "";

    public string? Language { get; set; }

    public string? Permalink { get; set; }

    public DateTime OccurredUtc { get; set; }

    public DateTime ReceivedUtc { get; set; }

    /// <summary>When the platform wrote the text we hold: an older edit never overwrites a newer one.</summary>
    public DateTime TextVersionUtc { get; set; }

    /// <summary>False while only an edit or deletion has arrived; the creation fills in what they lacked.</summary>
    public bool CreationSeen { get; set; }

    public bool Edited { get; set; }

    public bool DeletedOnPlatform { get; set; }

    public DateTime? DeletedUtc { get; set; }

    public bool Hidden { get; set; }

    public DateTime? HiddenUtc { get; set; }

    public RiskPriority Priority { get; set; } = RiskPriority.Normal;

    /// <summary><c>|a|b|</c>, like <see cref="Conversation.Categories"/>.</summary>
    public string Categories { get; set; } = "";

    public string Decision { get; set; } = "allow";

    /// <summary>The findings as JSON (category, UTF-16 start/end, code, score, clause).</summary>
    public string FindingsJson { get; set; } = "[]";

    public string Clauses { get; set; } = "";

    /// <summary>Lower-cased, accent-free text and author for the search that works on SQLite and PostgreSQL alike.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Where routing sent it (pharmacovigilance, medical-information, urgent).</summary>
    public string? RoutedTo { get; set; }

    public Guid? PvCaseId { get; set; }

    public DateTime? PvProposedUtc { get; set; }

    public bool HasCategory(string category) => Categories.Contains($"|{category}|", StringComparison.Ordinal);
}

/// <summary>An inbound event already applied; its unique key makes redelivery a no-op.</summary>
[Salus.Platform.Audit.NotAudited]
public sealed class ProcessedInboundEvent
{
    public long Id { get; set; }

    public Guid ChannelId { get; set; }

    public string EventId { get; set; } = "";

    public DateTime ProcessedUtc { get; set; }
}
