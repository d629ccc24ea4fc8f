using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Salus.Screening.Tests;

/// <summary>Per-category precision/recall on the hand-labelled EN/IT sets, and drug recall.</summary>
public sealed class QualityTests(ITestOutputHelper output)
{
    internal sealed record Labelled(string Id, string Text, string? Lang, string? Context, string? Market, HashSet<string> Categories, List<string> Drugs, string? Note);

    internal static List<Labelled> Load(string file)
    {
        var list = new List<Labelled>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? S(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var cats = r.TryGetProperty("categories", out var c) ? c.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var drugs = r.TryGetProperty("drugs", out var d) ? d.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            list.Add(new Labelled(S("id") ?? "", S("text") ?? "", S("lang"), S("context"), S("market"), cats, drugs, S("note")));
        }

        return list;
    }

    internal sealed record Report(Dictionary<string, (int Tp, int Fp, int Fn)> PerCategory, int DrugFound, int DrugTotal, List<string> Errors);

    internal static Report Evaluate(IEnumerable<Labelled> items, bool passLanguage = true)
    {
        var screener = Screener.CreateDefault();
        var per = Categories.All.ToDictionary(c => c, _ => (0, 0, 0));
        int found = 0, total = 0;
        var errors = new List<string>();
        foreach (var it in items)
        {
            _ = Cli.JsonlScreening.TryParseContext(it.Context, out var ctx);
            var r = screener.Screen(new ScreeningRequest(it.Text, passLanguage ? it.Lang : null, ctx, it.Market));
            foreach (var cat in Categories.All)
            {
                bool exp = it.Categories.Contains(cat), got = r.Categories.Contains(cat);
                var (tp, fp, fn) = per[cat];
                per[cat] = (tp + (exp && got ? 1 : 0), fp + (!exp && got ? 1 : 0), fn + (exp && !got ? 1 : 0));
                if (exp != got)
                {
                    errors.Add($"{it.Id} {(exp ? "MISSED" : "FALSE")} {cat}: {it.Text}  [{it.Note}] got [{string.Join(",", r.Categories)}]");
                }
            }

            foreach (var drug in it.Drugs)
            {
                total++;
                int idx = it.Text.IndexOf(drug, StringComparison.Ordinal);
                if (r.Findings.Any(f => f.Category == Categories.DrugMention && (idx < 0 ? f.Text.Equals(drug, StringComparison.OrdinalIgnoreCase) : f.Start < idx + drug.Length && idx < f.End)))
                {
                    found++;
                }
                else
                {
                    errors.Add($"{it.Id} DRUG NOT FOUND {drug}: {it.Text}");
                }
            }
        }

        return new Report(per, found, total, errors);
    }

    internal static string Table(Report rep)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| category | n | precision | recall | F1 |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (cat, (tp, fp, fn)) in rep.PerCategory)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {cat} | {tp + fn} | {P(tp, fp):0.00} | {R(tp, fn):0.00} | {F(tp, fp, fn):0.00} |");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"drug recall: {rep.DrugFound}/{rep.DrugTotal} = {(double)rep.DrugFound / Math.Max(1, rep.DrugTotal):0.000}");
        return sb.ToString();
    }

    internal static double P(int tp, int fp) => tp + fp == 0 ? 1 : (double)tp / (tp + fp);

    internal static double R(int tp, int fn) => tp + fn == 0 ? 1 : (double)tp / (tp + fn);

    internal static double F(int tp, int fp, int fn) => 2 * P(tp, fp) * R(tp, fn) / Math.Max(1e-9, P(tp, fp) + R(tp, fn));

    // Floors: deliberately below the measured values (docs/screening.md) so that a regression fails.
    private static readonly Dictionary<string, (double P, double R)> Floors = new()
    {
        [Categories.AdverseEvent] = (0.70, 0.70),
        [Categories.DrugMention] = (0.85, 0.90),
        [Categories.MedicalInquiry] = (0.65, 0.65),
        [Categories.PersonalData] = (0.75, 0.70),
        [Categories.Crisis] = (0.75, 0.75),
        [Categories.PromotionalClaim] = (0.60, 0.60),
        [Categories.OffLabel] = (0.40, 0.40),
        [Categories.MissingDisclosure] = (0.80, 0.80),
        [Categories.Abuse] = (0.70, 0.70),
    };

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("it")]
    public void Labelled_set_meets_per_category_precision_recall_floors_and_drug_recall(string lang)
    {
        var file = Path.Combine(TestPaths.TestData, $"labelled.{lang}.jsonl");
        Skip.IfNot(File.Exists(file), $"{file} not written yet");
        var rep = Evaluate(Load(file));
        output.WriteLine(Table(rep));
        foreach (var e in rep.Errors)
        {
            output.WriteLine(e);
        }

        Assert.True((double)rep.DrugFound / Math.Max(1, rep.DrugTotal) >= 0.95, $"drug recall {rep.DrugFound}/{rep.DrugTotal}");
        var failures = new List<string>();
        foreach (var (cat, (tp, fp, fn)) in rep.PerCategory)
        {
            if (tp + fn == 0)
            {
                continue;
            }

            var (pf, rf) = Floors[cat];
            if (P(tp, fp) < pf || R(tp, fn) < rf)
            {
                failures.Add($"{cat}: P {P(tp, fp):0.00} (floor {pf}) R {R(tp, fn):0.00} (floor {rf})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
