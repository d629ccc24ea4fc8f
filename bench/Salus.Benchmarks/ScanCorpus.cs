using System.Diagnostics;
using System.Text.Json;
using Salus.Screening;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Benchmarks;

/// <summary>`-- scan FILE.jsonl [N]`: normaliser and automaton speed on the texts of a JSONL file, one core, text by text.</summary>
internal static class ScanCorpus
{
    public static void Run(string path, int n)
    {
        var screener = Screener.CreateDefault();
        var texts = File.ReadLines(path).Take(n).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        long chars = texts.Sum(t => (long)t.Length);
        var matches = new List<AutomatonMatch>(256);
        for (int pass = 0; pass < 3; pass++)
        {
            long tn = 0, ts = 0;
            int found = 0;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var t in texts)
            {
                long a = Stopwatch.GetTimestamp();
                using var norm = TextNormalizer.Normalize(t);
                long b = Stopwatch.GetTimestamp();
                matches.Clear();
                screener.Lexicon.Automaton.FindAll(norm.Span, matches);
                found += matches.Count;
                ts += Stopwatch.GetTimestamp() - b;
                tn += b - a;
            }

            double mb = chars / 1e6;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine($"{texts.Count} texts, {mb:0.0} M chars: normalise {mb / (tn / (double)Stopwatch.Frequency):0} MB/s, automaton {mb / (ts / (double)Stopwatch.Frequency):0} MB/s, {found} matches ({found / (double)texts.Count:0.0}/text); both on CPU time {mb / cpu:0} MB/s");
        }
    }
}
