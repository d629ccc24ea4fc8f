using System.Diagnostics;
using Salus.Screening;
using Salus.Screening.Cli;

namespace Salus.Benchmarks;

/// <summary>`-- profile FILE.jsonl [N]`: CPU time per stage over the first N lines, one thread (robust on a busy machine).</summary>
internal static class CliProfile
{
    public static void Run(string path, int n)
    {
        var screener = Screener.CreateDefault();
        var lines = File.ReadLines(path).Take(n).ToList();
        var requests = new List<ScreeningRequest>(lines.Count);
        double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var c0 = Cpu();
        foreach (var l in lines)
        {
            requests.Add(JsonlScreening.Parse(l, out _, out _)!);
        }

        var c1 = Cpu();
        foreach (var r in requests)
        {
            screener.Screen(r);
        }

        var c2 = Cpu();
        foreach (var r in requests)
        {
            screener.Screen(r);
        }

        var c3 = Cpu();
        var nc = screener.Classifier;
        var bare = new Screener(screener.Lexicon, null);
        foreach (var r in requests)
        {
            bare.Screen(r);
        }

        var c4 = Cpu();
        Stages(screener, requests);
        double mb = lines.Sum(l => l.Length) / 1e6;
        Console.WriteLine($"{lines.Count} lines, {mb:0.0} MB: parse {c1 - c0:0} ms, screen {c2 - c1:0} ms (warm {c3 - c2:0} ms = {(c3 - c2) * 1000 / lines.Count:0.0} us/line), screen without classifier {c4 - c3:0} ms");
    }

    private static void Stages(Screener screener, List<ScreeningRequest> requests)
    {
        var t = new double[12];
        var matches = new List<Salus.Screening.Matching.AutomatonMatch>();
        for (int pass = 0; pass < 2; pass++)
        {
            Array.Clear(t);
            foreach (var r in requests)
            {
                long s0 = Stopwatch.GetTimestamp();
                matches.Clear();
                using var n = Salus.Screening.Normalization.TextNormalizer.Normalize(r.Text);
                screener.Lexicon.Automaton.FindAll(n.Span, matches);
                long s1 = Stopwatch.GetTimestamp();
                var a = new Salus.Screening.Detectors.TextAnalysis(r.Text, n, screener.Lexicon, matches, null);
                long s2 = Stopwatch.GetTimestamp();
                var findings = new List<Finding>();
                var drugs = Salus.Screening.Detectors.EngineDetectors.Drugs(a, r.Market, findings);
                long s3 = Stopwatch.GetTimestamp();
                Salus.Screening.Detectors.EngineDetectors.AdverseEvents(a, r.Context, drugs, screener.Classifier, findings);
                long s4 = Stopwatch.GetTimestamp();
                Salus.Screening.Detectors.EngineDetectors.Inquiries(a, r.Context, drugs, findings);
                Salus.Screening.Detectors.EngineDetectors.Crisis(a, r.Context, findings);
                long s5 = Stopwatch.GetTimestamp();
                Salus.Screening.Detectors.PersonalDataDetector.Detect(a, drugs, findings);
                long s6 = Stopwatch.GetTimestamp();
                var claims = Salus.Screening.Detectors.EngineDetectors.Promotional(a, r.Context, findings);
                Salus.Screening.Detectors.EngineDetectors.OffLabel(a, r.Context, claims, drugs, r.Market, findings);
                Salus.Screening.Detectors.EngineDetectors.Disclosure(r.Context, a.Of(Salus.Screening.Lexicons.LexiconKind.Disclosure).Count > 0, companyContent: true, findings);
                Salus.Screening.Detectors.EngineDetectors.Abuse(a, findings);
                long s7 = Stopwatch.GetTimestamp();
                screener.Screen(r);
                long s8 = Stopwatch.GetTimestamp();
                t[0] += s1 - s0; t[1] += s2 - s1; t[2] += s3 - s2; t[3] += s4 - s3; t[4] += s5 - s4; t[5] += s6 - s5; t[6] += s7 - s6; t[7] += s8 - s7;
            }
        }

        string[] names = ["normalise+scan", "analysis", "drugs", "adverse-events", "inquiry+crisis", "personal-data", "promo/offlabel/disclosure/abuse", "whole Screen"];
        for (int i = 0; i < names.Length; i++)
        {
            Console.WriteLine($"  {names[i],-32} {t[i] * 1e6 / Stopwatch.Frequency / requests.Count,8:0.00} us/line");
        }
    }
}
