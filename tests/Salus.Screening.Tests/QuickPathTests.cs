using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Salus.Screening.Tests;

/// <summary>
/// The screener skips the detectors when no term that can start a finding matched. That shortcut must never change a
/// result: every text of the labelled sets, PsyTAR dev and the project's prose is screened with and without it, in
/// every context, and the results must be identical.
/// </summary>
public sealed class QuickPathTests
{
    [Fact]
    public void Skipping_the_detectors_never_changes_a_result()
    {
        var quick = Screener.CreateDefault();
        var full = new Screener(quick.Lexicon, quick.Classifier) { AlwaysAnalyse = true };
        var texts = Texts();
        Assert.True(texts.Count > 5000, $"only {texts.Count} texts");

        var contexts = Enum.GetValues<ScreeningContext>();
        var mismatches = new List<string>();
        int i = 0;
        foreach (var text in texts)
        {
            var context = contexts[i++ % contexts.Length];
            var market = (i % 3) switch { 0 => "IT", 1 => "US", _ => null };
            var request = new ScreeningRequest(text, null, context, market);
            string a = Describe(quick.Screen(request)), b = Describe(full.Screen(request));
            if (a != b && mismatches.Count < 5)
            {
                mismatches.Add($"{context} \"{text}\"\n  quick: {a}\n  full:  {b}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static List<string> Texts()
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(TestPaths.TestData, "labelled.*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                texts.Add(doc.RootElement.GetProperty("text").GetString()!);
            }
        }

        foreach (var split in (string[])["dev.csv", "train.csv"])
        {
            var path = Path.Combine(TestPaths.PsyTar, split);
            if (File.Exists(path))
            {
                texts.AddRange(File.ReadLines(path).Skip(1).Select(l => l.Split('\t')[0]).Where(t => t.Length > 0));
            }
        }

        // plain prose: the project's documentation, one paragraph line at a time
        foreach (var md in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Append(Path.Combine(TestPaths.RepoRoot, "README.md")))
        {
            texts.AddRange(File.ReadLines(md).Where(l => l.Length > 20));
        }

        // every fifth text in Title Case and with a relative named, so capitalised "full names" and named relatives meet
        // reactions and conditions (the health-data check the shortcut must not skip)
        int m = texts.Count;
        for (int k = 0; k < m; k += 5)
        {
            texts.Add(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(texts[k]));
            texts.Add((k % 2 == 0 ? "my son Luca: " : "mia figlia Giulia, ") + texts[k]);
        }

        // sentences stitched from different sources, so terms meet that never meet in one corpus
        int n = texts.Count;
        for (int k = 0; k + 2 < n; k += 7)
        {
            texts.Add(texts[k] + " " + texts[(k * 31) % n] + " " + texts[(k * 17 + 3) % n]);
        }

        return texts;
    }

    private static string Describe(ScreeningResult r)
    {
        var sb = new StringBuilder();
        sb.Append(r.Decision).Append('|').Append(r.Language).Append('|').AppendJoin(',', r.Categories).Append('|');
        foreach (var (k, v) in r.Scores.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').Append(v.ToString("0.###", CultureInfo.InvariantCulture)).Append(';');
        }

        foreach (var f in r.Findings)
        {
            sb.Append('[').Append(f.Category).Append(' ').Append(f.Start).Append('-').Append(f.End).Append(' ').Append(f.Code)
              .Append(' ').Append(f.Score.ToString("0.###", CultureInfo.InvariantCulture)).Append(' ').Append(f.RuleId).Append(']');
        }

        foreach (var reason in r.Reasons)
        {
            sb.Append('{').Append(reason.RuleId).Append('}');
        }

        return sb.ToString();
    }
}
