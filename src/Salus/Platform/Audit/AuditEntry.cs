namespace Salus.Platform.Audit;

/// <summary>
/// One row of the append-only audit trail. <see cref="Hash"/> covers every other field and the previous
/// row's hash, so changing, deleting or reordering any row breaks the chain from that row on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, assigned under the chain lock (1, 2, 3 ...).</summary>
    public long Sequence { get; set; }

    public DateTime TimestampUtc { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or a domain event such as <c>signature.failed</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>JSON object of the changed properties before the change (null for creations).</summary>
    public string? OldValues { get; set; }

    /// <summary>JSON object of the changed properties after the change (null for deletions).</summary>
    public string? NewValues { get; set; }

    public string? Reason { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
