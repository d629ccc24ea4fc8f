using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features.Review;
using Salus.Modules.Policies.Rules;

namespace Salus.Modules.Policies.Features;

public sealed record SectionView(string Key, string Number, string Title, string Body, IReadOnlyList<QuizQuestion> Quiz);

public sealed record VersionView(
    Guid Id, Guid PolicyId, string PolicyCode, string PolicyTitle, string Market, int Number, string Label, string Status,
    string ContentHash, DateTime CreatedUtc, DateTime? PublishedUtc, string Audience, string? AudienceValue,
    IReadOnlyList<SectionView> Sections, IReadOnlyList<SignatureView> Signatures, IReadOnlyList<SignOffState> SignOffs,
    IReadOnlyList<RuleCompileError> RuleErrors, int RuleCount);

public sealed record PolicySummary(Guid Id, string Code, string Title, string Market, string Language, IReadOnlyList<string> RequiredSignOffs,
    IReadOnlyList<VersionSummary> Versions);

public sealed record VersionSummary(Guid Id, int Number, string Status, DateTime CreatedUtc, DateTime? PublishedUtc);

internal static class PolicyViews
{
    public static async Task<VersionView> VersionAsync(PolicyVersion v, PolicyReview review, CancellationToken ct)
    {
        var policy = v.Policy!;
        var compilation = Authoring.PolicyAuthoring.Compile(v);
        return new VersionView(v.Id, policy.Id, policy.Code, policy.Title, policy.Market, v.Number, v.Label(policy), PolicyWorkflow.Name(v.Status),
            PolicyContent.Hash(policy, v), v.CreatedUtc, v.PublishedUtc, v.AudienceKind.ToString().ToLowerInvariant(), v.AudienceValue,
            [.. v.Sections.OrderBy(s => s.Order).Select(s => new SectionView(s.Key, s.Number, s.Title, s.Body, s.Quiz))],
            await review.SignaturesAsync(v, ct), await review.SignOffsAsync(v, ct), compilation.Errors, compilation.Rules.Count);
    }

    public static PolicySummary Summary(Policy p) => new(p.Id, p.Code, p.Title, p.Market, p.Language, [.. p.RequiredFunctions.Select(f => f.ToString())],
        [.. p.Versions.OrderByDescending(v => v.Number).Select(v => new VersionSummary(v.Id, v.Number, PolicyWorkflow.Name(v.Status), v.CreatedUtc, v.PublishedUtc))]);
}
