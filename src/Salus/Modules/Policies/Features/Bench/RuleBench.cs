using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Rules;
using Salus.Modules.Screening.Contracts;
using Salus.Platform.Persistence;
using Salus.Platform.Results;
using Salus.Screening;
using Salus.Screening.Cli;

namespace Salus.Modules.Policies.Features.Bench;

public sealed record BenchRequest(string? Text, string? Context, string? Market, string? Lang, Guid? VersionId);

public sealed record BenchFinding(string Category, int Start, int End, string Text, string? Code, string? RuleId, string? Clause);

public sealed record BenchRule(string RuleId, string Clause, string Version, string Decision, string Message, string? RouteTo, int? DeadlineHours,
    string? AddDisclosure, bool OpenCase, string? SectionTitle);

public sealed record BenchResult(string Decision, string Language, string RulesFrom, IReadOnlyList<string> Categories,
    IReadOnlyList<BenchFinding> Findings, IReadOnlyList<BenchRule> Fired, IReadOnlyList<string> Clauses);

/// <summary>The rule test bench: a text, a context and a market under the rules in force (or those of one version).</summary>
public sealed class RuleBench(SalusDbContext db, IPolicyScreener screener)
{
    public async Task<Result<BenchResult>> RunAsync(BenchRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 20_000)
        {
            return Errors.Validation("bench.text", "Paste a text of at most 20,000 characters.", new Dictionary<string, string[]> { ["text"] = ["Required."] });
        }

        if (!JsonlScreening.TryParseContext(request.Context, out var context))
        {
            return Errors.Validation("bench.context", $"Unknown context '{request.Context}'.", new Dictionary<string, string[]> { ["context"] = ["Use inbound, outbound, employee-share, community or reply."] });
        }

        var lang = string.IsNullOrWhiteSpace(request.Lang) ? null : request.Lang.ToLowerInvariant();
        if (lang is not (null or "en" or "it"))
        {
            return Errors.Validation("bench.lang", "Use en or it, or leave the language empty to detect it.", new Dictionary<string, string[]> { ["lang"] = ["en or it."] });
        }

        var market = string.IsNullOrWhiteSpace(request.Market) ? null : request.Market.Trim().ToUpperInvariant();
        var screening = new ScreeningRequest(request.Text, lang, context, market);
        IReadOnlyList<CompiledRule> sources = [];
        var from = "published";
        if (request.VersionId is { } versionId)
        {
            var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var compilation = PolicyAuthoring.Compile(loaded.Value);
            if (!compilation.Succeeded)
            {
                return Errors.Validation("bench.rules-invalid", "This version's rules do not compile: " + string.Join(" | ", compilation.Errors));
            }

            sources = compilation.Rules;
            screening = screening with { RuleSet = compilation.RuleSet };
            from = compilation.RuleSet.PolicyVersion;
        }

        var result = screener.Screen(screening);
        if (request.VersionId is null)
        {
            from = result.Reasons.Select(r => r.PolicyVersion).FirstOrDefault() ?? "published";
        }

        return new BenchResult(JsonlScreening.DecisionName(result.Decision), result.Language, from, result.Categories,
            [.. result.Findings.Select(f => new BenchFinding(f.Category, f.Start, f.End, f.Text, f.Code, f.RuleId, f.ClauseRef))],
            [.. result.Reasons.Select(r => new BenchRule(r.RuleId, r.ClauseRef, r.PolicyVersion, JsonlScreening.DecisionName(r.Decision), r.Message,
                r.RouteTo, r.DeadlineHours, r.AddDisclosure, r.OpenCase, sources.FirstOrDefault(s => s.Rule.Id == r.RuleId)?.SectionTitle))],
            result.Clauses);
    }
}
