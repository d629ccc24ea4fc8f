using Salus.Platform.Audit;

namespace Salus.Modules.Pharmacovigilance.Domain;

public enum ProposalStatus
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>
/// A possible adverse event offered to the PV team: the source item as received (text quoted exactly), with what
/// screening or the person who flagged it detected. One per (<see cref="SourceType"/>, <see cref="SourceId"/>).
/// </summary>
public sealed class CaseProposal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string SourceType { get; set; } = "";

    public string SourceId { get; set; } = "";

    public Guid? ChannelId { get; set; }

    public string? Channel { get; set; }

    public string? Market { get; set; }

    public string? Language { get; set; }

    /// <summary>The text exactly as received.</summary>
    public string Text { get; set; } = "";

    [AuditRedact]
    public string? ReporterPlatformId { get; set; }

    [AuditRedact]
    public string? ReporterHandle { get; set; }

    [AuditRedact]
    public string? ReporterDisplayName { get; set; }

    public string? Permalink { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public DateTime ProposedUtc { get; set; }

    public string FlaggedBy { get; set; } = "";

    /// <summary>Detected products, JSON (<see cref="Contracts.SignalProduct"/>[]).</summary>
    public string ProductsJson { get; set; } = "[]";

    /// <summary>Detected reactions, JSON (<see cref="Contracts.SignalReaction"/>[]).</summary>
    public string ReactionsJson { get; set; } = "[]";

    public ProposalStatus Status { get; set; } = ProposalStatus.Pending;

    public string? DecisionReason { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public Guid? CaseId { get; set; }
}
