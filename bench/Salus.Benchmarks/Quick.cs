using System.Diagnostics;
using Salus.Screening;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- quick`: a fast measurement without BenchmarkDotNet's long runs — scan MB/s,
/// Screen latency percentiles on 5 KB texts, lexicon build time, process memory.
/// </summary>
internal static class Quick
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var lexicon = ScreeningLexicon.LoadEmbedded();
        Console.WriteLine($"lexicon build (incl. first-use normaliser table): {sw.Elapsed.TotalMilliseconds:0} ms; automaton {lexicon.Automaton.StateCount} states x {lexicon.Automaton.ClassCount} classes = {lexicon.Automaton.MemoryBytes / 1e6:0.0} MB, {lexicon.Patterns.Count} patterns");
        for (int i = 0; i < 3; i++)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            lexicon = ScreeningLexicon.LoadEmbedded();
            Console.WriteLine($"lexicon build (warm): {sw.Elapsed.TotalMilliseconds:0} ms wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
        }

        lexicon = null!;
        GC.Collect();

        var screener = Screener.CreateDefault();
        var text = Corpus.Build(16 << 20);
        var matches = new List<AutomatonMatch>(1 << 16);
        double best = double.MaxValue, bestNorm = double.MaxValue, bestScan = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            sw.Restart();
            using var n = TextNormalizer.Normalize(text);
            double tn = sw.Elapsed.TotalSeconds;
            matches.Clear();
            var t0 = Stopwatch.GetTimestamp();
            screener.Lexicon.Automaton.FindAll(n.Span, matches);
            double ts = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestNorm = Math.Min(bestNorm, tn);
            bestScan = Math.Min(bestScan, ts);
        }

        double mb = text.Length / 1e6; // one char of this mostly-ASCII corpus ≈ one UTF-8 byte
        Console.WriteLine($"scan 16 MB, one core: normalise+automaton {mb / best:0} MB/s (normalise {mb / bestNorm:0} MB/s, automaton {mb / bestScan:0} MB/s), {matches.Count} matches");

        var longReq = new ScreeningRequest(Corpus.Build(5 * 1024), null, ScreeningContext.Inbound, "IT");
        var shortReq = new ScreeningRequest(Corpus.Build(200), null, ScreeningContext.Inbound, "US");
        foreach (var (name, req) in new[] { ("5 KB", longReq), ("200 chars", shortReq) })
        {
            for (int i = 0; i < 200; i++)
            {
                screener.Screen(req);
            }

            var times = new double[2000];
            for (int i = 0; i < times.Length; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                screener.Screen(req);
                times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"Screen {name}: p50 {times[1000]:0.000} ms, p99 {times[1980]:0.000} ms, max {times[^1]:0.000} ms");
        }

        Console.WriteLine($"peak working set: {Environment.WorkingSet / 1e6:0} MB (process), GC heap {GC.GetTotalMemory(false) / 1e6:0} MB");
    }
}
