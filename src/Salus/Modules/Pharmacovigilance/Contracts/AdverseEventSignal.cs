namespace Salus.Modules.Pharmacovigilance.Contracts;

/// <summary>A product detected in the source text (linked to the drug lexicon where possible).</summary>
public sealed record SignalProduct(string Name, string? Code, IReadOnlyList<string> Ingredients);

/// <summary>A suspected reaction as written, with the engine's reaction term when it recognised one.</summary>
public sealed record SignalReaction(string Text, string? Term);

/// <summary>
/// An item flagged as a possible adverse event (by screening or by a person), offered to pharmacovigilance as a case
/// proposal. <see cref="Text"/> is the text exactly as received. Idempotent on (<see cref="SourceType"/>, <see cref="SourceId"/>).
/// </summary>
public sealed record AdverseEventSignal(
    string SourceType,
    string SourceId,
    string? Channel,
    string? Market,
    string? Language,
    string Text,
    string? ReporterPlatformId,
    string? ReporterHandle,
    string? ReporterDisplayName,
    string? Permalink,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<SignalProduct> Products,
    IReadOnlyList<SignalReaction> Reactions,
    string FlaggedBy)
{
    /// <summary>The connected channel the item came from, when known: follow-up requests go back through it.</summary>
    public Guid? ChannelId { get; init; }
}

/// <summary>A private message from a reporter that may answer a case's follow-up request.</summary>
public sealed record FollowUpMessage(Guid ChannelId, string ReporterPlatformId, string PlatformItemId, string Text, DateTimeOffset ReceivedAt);
