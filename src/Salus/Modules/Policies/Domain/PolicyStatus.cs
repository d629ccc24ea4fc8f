namespace Salus.Modules.Policies.Domain;

/// <summary>Where a policy version is in its review rounds.</summary>
public enum PolicyStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Published,
    Superseded,
}

/// <summary>
/// The review workflow: draft → in review → changes requested / approved → published → superseded.
/// Changes requested goes back to review after edits; nothing leaves superseded.
/// </summary>
public static class PolicyWorkflow
{
    private static readonly Dictionary<PolicyStatus, PolicyStatus[]> Allowed = new()
    {
        [PolicyStatus.Draft] = [PolicyStatus.InReview],
        [PolicyStatus.InReview] = [PolicyStatus.ChangesRequested, PolicyStatus.Approved],
        [PolicyStatus.ChangesRequested] = [PolicyStatus.InReview],
        [PolicyStatus.Approved] = [PolicyStatus.Published, PolicyStatus.ChangesRequested],
        [PolicyStatus.Published] = [PolicyStatus.Superseded],
        [PolicyStatus.Superseded] = [],
    };

    public static bool CanMove(PolicyStatus from, PolicyStatus to) => Allowed[from].Contains(to);

    /// <summary>Only a draft or a version sent back for changes may be edited: reviewers sign fixed text.</summary>
    public static bool IsEditable(PolicyStatus status) => status is PolicyStatus.Draft or PolicyStatus.ChangesRequested;

    /// <summary>Kebab-case name used in the API and the audit trail.</summary>
    public static string Name(PolicyStatus status) => status switch
    {
        PolicyStatus.Draft => "draft",
        PolicyStatus.InReview => "in-review",
        PolicyStatus.ChangesRequested => "changes-requested",
        PolicyStatus.Approved => "approved",
        PolicyStatus.Published => "published",
        PolicyStatus.Superseded => "superseded",
        _ => status.ToString(),
    };
}
