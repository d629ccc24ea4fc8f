using System.Globalization;
using System.Text;
using System.Text.Json;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Screening.Contracts;
using Salus.Screening;

namespace Salus.Modules.Inbox.Features.Ingest;

/// <summary>A finding as stored with an item: enough to highlight it and cite the clause.</summary>
/// <param name="Product">
/// The channel's product credited to an adverse event whose text names no medicine (the engine's <c>product-from: request</c>);
/// null otherwise. Pharmacovigilance gets it as the suspect product, since no drug mention in the text names one.
/// </param>
/// <param name="MedicineNotNamed">
/// An adverse event read without any medicine named or known (the engine's <c>product-from: not-named</c>): the agent asks
/// which medicine, privately.
/// </param>
public sealed record StoredFinding(string Category, int Start, int End, string? Code, double Score, string? Clause, string? Product = null,
    bool MedicineNotNamed = false);

public sealed record ScreenedText(RiskPriority Priority, string Categories, string Decision, string FindingsJson, string Clauses, IReadOnlyList<RuleReason> Reasons, string? Language);

/// <summary>Screens inbound text under the published policy and turns the result into what an item stores.</summary>
public sealed class ItemScreening(IPolicyScreener screener)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="product">The medicine the channel is about (<see cref="Salus.Modules.Channels.Contracts.InboundItem.Product"/>), or null.</param>
    public ScreenedText Screen(string text, string? language, string market, string channel, string? product = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ScreenedText(RiskPriority.Normal, "", "allow", "[]", "", [], language);
        }

        var lang = language is "en" or "it" ? language : null;
        var result = screener.Screen(new ScreeningRequest(text, lang, ScreeningContext.Inbound, market, channel, Product: product));
        var findings = result.Findings.Select(f => new StoredFinding(f.Category, f.Start, f.End, f.Code, Math.Round(f.Score, 3),
            f.ClauseRef is null ? null : $"{f.ClauseRef}", ProductFromRequest(f), f.Detail("product-from") == "not-named")).ToList();
        return new ScreenedText(
            PriorityOf(result.Categories), Pipe(result.Categories), DecisionName(result.Decision),
            JsonSerializer.Serialize(findings, Json), string.Join(", ", result.Clauses), result.Reasons,
            result.Language is "en" or "it" ? result.Language : language);
    }

    private static string? ProductFromRequest(Finding finding) =>
        finding.Detail("product-from") == "request" ? finding.Detail("product") : null;

    public static IReadOnlyList<StoredFinding> Findings(string json) =>
        JsonSerializer.Deserialize<List<StoredFinding>>(json, Json) ?? [];

    /// <summary>Crisis first, then adverse events, medical questions, then the rest.</summary>
    public static RiskPriority PriorityOf(IEnumerable<string> categories)
    {
        var set = categories.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Categories.Crisis) ? RiskPriority.Crisis
            : set.Contains(Categories.AdverseEvent) ? RiskPriority.AdverseEvent
            : set.Contains(Categories.MedicalInquiry) || set.Contains(Categories.OffLabel) ? RiskPriority.MedicalQuestion
            : RiskPriority.Normal;
    }

    public static string Pipe(IEnumerable<string> categories)
    {
        var list = categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Unpipe(string categories) =>
        categories.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string DecisionName(Decision decision) => decision.ToString().ToLowerInvariant();

    /// <summary>Lower case without accents, so "perché" is found by "perche" with a plain LIKE on both databases.</summary>
    public static string SearchKey(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
