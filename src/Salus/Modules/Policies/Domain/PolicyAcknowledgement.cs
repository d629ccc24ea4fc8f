namespace Salus.Modules.Policies.Domain;

/// <summary>An employee acknowledged one section of one version (after passing its quiz, when it has one).</summary>
public sealed class PolicyAcknowledgement
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public string SectionKey { get; set; } = "";

    /// <summary>Hash of the section content acknowledged: a later version with the same hash needs no new acknowledgement.</summary>
    public string SectionHash { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime AcknowledgedUtc { get; set; }

    public int? QuizScorePercent { get; set; }
}
