namespace Salus.Modules.Policies.Domain;

/// <summary>A comment on a section, or on a passage of it (<see cref="Quote"/>); replies point to their parent.</summary>
public sealed class PolicyComment
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public string SectionKey { get; set; } = "";

    public Guid? ParentId { get; set; }

    /// <summary>The selected passage the comment is about, when any.</summary>
    public string? Quote { get; set; }

    public string Body { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public string? ResolvedBy { get; set; }
}
