namespace Salus.Modules.Policies.Domain;

public enum ProposalStatus
{
    Open,
    Accepted,
    Rejected,
}

/// <summary>A stakeholder's proposed new text for a section; the owner accepts (text replaced) or rejects it.</summary>
public sealed class ChangeProposal
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public string SectionKey { get; set; } = "";

    public string ProposedBody { get; set; } = "";

    public string? Rationale { get; set; }

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public ProposalStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }
}
