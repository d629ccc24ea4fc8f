using Salus.Screening.Rules;

namespace Salus.Screening;

/// <summary>Where the text comes from or goes to.</summary>
public enum ScreeningContext
{
    /// <summary>A comment or message received on a channel.</summary>
    Inbound,

    /// <summary>A post the organisation is about to publish.</summary>
    Outbound,

    /// <summary>An employee sharing company content on a personal profile.</summary>
    EmployeeShare,

    /// <summary>A post in the patient community.</summary>
    Community,

    /// <summary>A reply by an agent to someone.</summary>
    Reply,
}

/// <summary>The decision, by increasing severity.</summary>
public enum Decision
{
    Allow = 0,
    Review = 1,
    Block = 2,
    Escalate = 3,
}

/// <summary>The fixed category vocabulary (kebab-case).</summary>
public static class Categories
{
    public const string AdverseEvent = "adverse-event";
    public const string DrugMention = "drug-mention";
    public const string MedicalInquiry = "medical-inquiry";
    public const string PersonalData = "personal-data";
    public const string Crisis = "crisis";
    public const string PromotionalClaim = "promotional-claim";
    public const string OffLabel = "off-label";
    public const string MissingDisclosure = "missing-disclosure";
    public const string Abuse = "abuse";

    public static IReadOnlyList<string> All { get; } =
    [
        AdverseEvent, DrugMention, MedicalInquiry, PersonalData, Crisis, PromotionalClaim, OffLabel, MissingDisclosure, Abuse,
    ];
}

/// <summary>A text to screen.</summary>
/// <param name="Text">The text as received.</param>
/// <param name="Language">"en", "it", or null to detect.</param>
/// <param name="Context">Where the text comes from or goes to.</param>
/// <param name="Market">"IT", "US", "EU"... (prescription status is looked up for this market).</param>
/// <param name="Channel">Channel name, for rules ("facebook", "linkedin"...).</param>
/// <param name="RuleSet">The compiled policy rules; null = <see cref="DefaultRules.RuleSet"/>.</param>
/// <param name="Product">
/// The medicine the text is known to be about, when the text does not have to name it: a review of the product, a comment
/// under a post about it. Every sentence then has its medicine, so a reaction told there can be an adverse event of it.
/// Null = unknown (the text must name or refer to a medicine).
/// </param>
/// <param name="Only">
/// The categories to look for (names from <see cref="Categories"/>); null = all nine. Only drug mentions (a firehose
/// pre-filter) skips every other detector; any other subset runs them all and reports the subset.
/// </param>
public sealed record ScreeningRequest(
    string Text,
    string? Language = null,
    ScreeningContext Context = ScreeningContext.Inbound,
    string? Market = null,
    string? Channel = null,
    RuleSet? RuleSet = null,
    string? Product = null,
    IReadOnlySet<string>? Only = null);

/// <summary>One thing found in the text.</summary>
/// <param name="Category">One of <see cref="Categories"/>.</param>
/// <param name="Start">UTF-16 start offset in the original text.</param>
/// <param name="End">UTF-16 end offset (exclusive) in the original text.</param>
/// <param name="Text">The original text of [Start, End).</param>
/// <param name="Code">A code: DrugBank id, AIC, reaction id, personal-data kind...</param>
/// <param name="Score">Confidence 0..1.</param>
/// <param name="Details">Facts: product, ingredients, rx-us, rx-it, prescription-only, reaction, kind...</param>
public sealed record Finding(
    string Category,
    int Start,
    int End,
    string Text,
    string? Code,
    double Score,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The rule that cited this finding's category, set after rule evaluation.</summary>
    public string? RuleId { get; init; }

    /// <summary>The policy clause of <see cref="RuleId"/>.</summary>
    public string? ClauseRef { get; init; }

    public string? Detail(string key) => Details.TryGetValue(key, out var v) ? v : null;
}

/// <summary>Why a decision was taken: a rule that fired.</summary>
public sealed record RuleReason(
    string RuleId,
    string ClauseRef,
    string PolicyVersion,
    Decision Decision,
    string Message,
    string? AddDisclosure = null,
    string? RouteTo = null,
    int? DeadlineHours = null,
    bool OpenCase = false);

/// <summary>The outcome of screening one text.</summary>
public sealed record ScreeningResult(
    IReadOnlyList<string> Categories,
    IReadOnlyList<Finding> Findings,
    Decision Decision,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<RuleReason> Reasons,
    string Language)
{
    /// <summary>The clauses cited ("clause ref @ policy version"), in rule order.</summary>
    public IReadOnlyList<string> Clauses => [.. Reasons.Select(r => $"{r.ClauseRef}@{r.PolicyVersion}").Distinct()];

    public bool Has(string category) => Categories.Contains(category);
}
