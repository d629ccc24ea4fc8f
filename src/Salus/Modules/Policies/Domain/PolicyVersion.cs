namespace Salus.Modules.Policies.Domain;

/// <summary>One version of a policy: ordered sections, a status, and (once published) its audience.</summary>
public sealed class PolicyVersion
{
    public Guid Id { get; set; }

    public Guid PolicyId { get; set; }

    public Policy? Policy { get; set; }

    public int Number { get; set; }

    public PolicyStatus Status { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? PublishedBy { get; set; }

    public DateTime? SupersededUtc { get; set; }

    /// <summary>SHA-256 of the canonical content at publication (what the signatures were checked against).</summary>
    public string? PublishedHash { get; set; }

    /// <summary>Who must acknowledge it: all employees, one department or one market.</summary>
    public AudienceKind AudienceKind { get; set; } = AudienceKind.All;

    public string? AudienceValue { get; set; }

    /// <summary>Share of quiz answers that must be right, per section, to acknowledge it.</summary>
    public int QuizPassMarkPercent { get; set; } = 80;

    public List<PolicySection> Sections { get; set; } = [];

    /// <summary>The version string cited by screening decisions, e.g. "smp-it/v3".</summary>
    public string Label(Policy policy) => $"{policy.Code}/v{Number}";
}

public enum AudienceKind
{
    All,
    Department,
    Market,
}
