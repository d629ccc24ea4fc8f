using System.Text.Json;
using Salus.Screening;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Benchmarks;

/// <summary>`-- ae-dump OUT.jsonl`: per text and sentence, the engine's verdict, the classifier and the cues, for rule experiments.</summary>
internal static class AeDump
{
    public static void Run(string outPath)
    {
        var screener = Screener.CreateDefault();
        using var w = new StreamWriter(outPath);
        var sources = new List<(string Src, string Text, bool Gold, string? Lang, ScreeningContext Ctx)>();
        foreach (var f in new[] { "dev", "train" })
        {
            foreach (var (t, l) in Salus.Screening.Classification.ClassifierTrainer.ReadRows($"../shared/data/psytar/{f}.csv"))
            {
                sources.Add(("psytar-" + f, t, l, null, ScreeningContext.Inbound));
            }
        }

        foreach (var lang in new[] { "en", "it" })
        {
            foreach (var line in File.ReadLines($"tests/Salus.Screening.Tests/Data/labelled.{lang}.jsonl"))
            {
                var e = JsonDocument.Parse(line).RootElement;
                bool gold = e.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == "adverse-event");
                var ctx = e.TryGetProperty("context", out var c) ? c.GetString() switch
                {
                    "outbound" => ScreeningContext.Outbound, "employee-share" => ScreeningContext.EmployeeShare,
                    "community" => ScreeningContext.Community, _ => ScreeningContext.Inbound,
                } : ScreeningContext.Inbound;
                sources.Add(("lab-" + lang, e.GetProperty("text").GetString()!, gold, lang, ctx));
            }
        }

        var matches = new List<AutomatonMatch>();
        foreach (var (src, text, gold, lang, ctx) in sources)
        {
            var r = screener.Screen(new ScreeningRequest(text, lang, ctx));
            matches.Clear();
            using var n = TextNormalizer.Normalize(text);
            screener.Lexicon.Automaton.FindAll(n.Span, matches);
            var a = new TextAnalysis(text, n, screener.Lexicon, matches, lang);
            var sents = new List<object>();
            for (int s = 0; s < a.Sentences.Count; s++)
            {
                var ss = a.Sentences[s];
                var kinds = Enum.GetValues<LexiconKind>().Where(k => a.AnyInSentence(k, s)).Select(k => k.ToString()).ToList();
                sents.Add(new { p = screener.Classifier!.Predict(text[ss.Start..ss.End]), q = ss.IsQuestion, k = kinds });
            }

            w.WriteLine(JsonSerializer.Serialize(new { src, text, gold, lang = a.Language, ctx = ctx.ToString(), engine = r.Categories.Contains("adverse-event"), cats = r.Categories, s = sents }));
        }
    }

    /// <summary>`-- ae-why "TEXT"`: the hits of each sentence and which guard of the unnamed-medicine reading holds it back.</summary>
    public static void Why(string text)
    {
        var screener = Screener.CreateDefault();
        var r = screener.Screen(new ScreeningRequest(text, null, ScreeningContext.Inbound));
        Console.WriteLine($"categories: {string.Join(", ", r.Categories)}");
        var matches = new List<AutomatonMatch>();
        using var n = TextNormalizer.Normalize(text);
        screener.Lexicon.Automaton.FindAll(n.Span, matches);
        var a = new TextAnalysis(text, n, screener.Lexicon, matches, null);
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            var ss = a.Sentences[s];
            Console.WriteLine($"[{s}] p={screener.Classifier!.Predict(text[ss.Start..ss.End]):0.00} question={ss.IsQuestion} signal={UnnamedMedicine.HasSignal(a, s)} "
                + $"denial={a.AnyInSentence(LexiconKind.CausalityDenial, s)} allNegated={UnnamedMedicine.AllNegated(a, s)} otherCause={OtherCause.IsNamed(a, s)}");
            foreach (var kind in Enum.GetValues<LexiconKind>())
            {
                foreach (var h in a.InSentence(kind, s))
                {
                    Console.WriteLine($"    {kind} '{text[h.Start..h.End]}' term='{h.Info.Term}' tag={h.Info.Tag}");
                }
            }
        }
    }
}
