namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>The four minimum criteria of a valid ICSR (ICH E2D, GVP Module VI).</summary>
public enum Criterion
{
    Reporter,
    Patient,
    Reaction,
    Product,
}

/// <summary>What is known about one criterion and since when (null = not yet known).</summary>
public sealed record CriterionState(Criterion Criterion, string? Detail, DateTime? KnownUtc)
{
    public bool Known => KnownUtc is not null;
}

/// <summary>
/// Day 0 is the day the last of the four criteria became known to anyone in the company. An officer may set it
/// explicitly (with a reason), e.g. when the information reached a colleague before it was recorded here.
/// </summary>
public static class MinimumCriteria
{
    public static bool AllKnown(IEnumerable<CriterionState> criteria) => criteria.All(c => c.Known);

    /// <summary>The UTC date the last criterion became known, or null while one is missing.</summary>
    public static DateOnly? Day0(IReadOnlyCollection<CriterionState> criteria) =>
        criteria.Count == 4 && AllKnown(criteria) ? DateOnly.FromDateTime(criteria.Max(c => c.KnownUtc!.Value)) : null;
}
