using System.Diagnostics;
using Salus.Screening;
using Salus.Screening.Classification;
using Salus.Screening.Detectors;
using Salus.Screening.Cli;

namespace Salus.Benchmarks;

/// <summary>`-- paths FILE.jsonl [N]`: how the lines split between the quick exit, full analysis and the classifier, and what each path costs.</summary>
internal static class CliPaths
{
    private sealed class Counting(IAdverseEventClassifier inner) : IAdverseEventClassifier
    {
        [ThreadStatic]
        public static int Calls;

        public static List<string> Seen { get; } = [];

        public float Predict(string sentence)
        {
            Calls++;
            Seen.Add(sentence);
            return inner.Predict(sentence);
        }
    }

    public static void Run(string path, int n)
    {
        var baseline = Screener.CreateDefault();
        var screener = new Screener(baseline.Lexicon, new Counting(baseline.Classifier!));
        var requests = File.ReadLines(path).Take(n).Select(l => JsonlScreening.Parse(l, out _, out _)!).ToList();
        var ticks = new long[3];
        var counts = new int[3];
        int sentences = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            Array.Clear(ticks);
            Array.Clear(counts);
            sentences = 0;
            foreach (var r in requests)
            {
                Counting.Calls = 0;
                long t0 = Stopwatch.GetTimestamp();
                var result = screener.Screen(r);
                long dt = Stopwatch.GetTimestamp() - t0;
                int bucket = Counting.Calls > 0 ? 2 : result.Categories.Count > 0 ? 1 : 0;
                sentences += Counting.Calls;
                ticks[bucket] += dt;
                counts[bucket]++;
            }
        }

        string[] names = ["no category, no classifier", "categories, no classifier", "classifier called"];
        for (int i = 0; i < 3; i++)
        {
            double us = ticks[i] * 1e6 / Stopwatch.Frequency;
            Console.WriteLine($"{names[i],-28} {counts[i],8} lines {us / Math.Max(1, counts[i]),8:0.00} us/line  {us / 1000,8:0} ms");
        }

        Console.WriteLine($"classifier sentences: {sentences}");
        int quickExits = 0, noCategoryAnalysed = 0, patternsOnly = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        long analysedTicks = 0;
        foreach (var r in requests)
        {
            var depth = screener.DepthFor(r);
            bool exit = depth != Screener.AnalysisDepth.Full;
            patternsOnly += depth == Screener.AnalysisDepth.PersonalDataPatterns ? 1 : 0;
            if (exit)
            {
                quickExits++;
            }
            else
            {
                long t0 = Stopwatch.GetTimestamp();
                var res = screener.Screen(r);
                analysedTicks += Stopwatch.GetTimestamp() - t0;
                if (res.Categories.Count == 0)
                {
                    noCategoryAnalysed++;
                    var why = new SortedSet<string>(StringComparer.Ordinal);
                    var ms = new List<Salus.Screening.Matching.AutomatonMatch>();
                    using var norm = Salus.Screening.Normalization.TextNormalizer.Normalize(r.Text);
                    screener.Lexicon.Automaton.FindAll(norm.Span, ms);
                    foreach (var m in ms)
                    {
                        foreach (var info in screener.Lexicon.Payload(m.Pattern))
                        {
                            if (info.Kind is not (Salus.Screening.Lexicons.LexiconKind.Stopword or Salus.Screening.Lexicons.LexiconKind.Negation or Salus.Screening.Lexicons.LexiconKind.FirstPerson or Salus.Screening.Lexicons.LexiconKind.ThirdPerson))
                            {
                                why.Add(info.Kind.ToString());
                            }
                        }
                    }

                    if (r.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
                    {
                        why.Add("digit");
                    }

                    if (r.Text.Contains('@', StringComparison.Ordinal))
                    {
                        why.Add("@");
                    }

                    var key = string.Join('+', why);
                    reasons[key] = reasons.GetValueOrDefault(key) + 1;
                }
            }
        }

        foreach (var (k, v) in reasons.OrderByDescending(kv => kv.Value).Take(25))
        {
            Console.WriteLine($"  {v,6}  {k}");
        }

        Console.WriteLine($"quick exits {quickExits} ({patternsOnly} with the personal-data patterns), analysed {requests.Count - quickExits} ({noCategoryAnalysed} of them end with no category), {analysedTicks * 1e6 / Stopwatch.Frequency / Math.Max(1, requests.Count - quickExits):0.00} us per analysed line");
        var c = (AdverseEventClassifier)baseline.Classifier!;
        var seen = Counting.Seen.Take(sentences).ToList();
        for (int pass = 0; pass < 2; pass++)
        {
            long t0 = Stopwatch.GetTimestamp();
            foreach (var s in seen)
            {
                c.Prepare(s);
            }

            long t1 = Stopwatch.GetTimestamp();
            foreach (var s in seen)
            {
                c.Predict(s);
            }

            long t2 = Stopwatch.GetTimestamp();
            var inputs = seen.Select(c.Prepare).ToList();
            var buffer = new InferenceBuffer();
            long t3 = Stopwatch.GetTimestamp();
            int buckets = 0;
            foreach (var input in inputs)
            {
                foreach (var m in c.Members)
                {
                    HashedFeaturizer.UniqueBuckets(input, m.Options, buffer);
                    buckets += buffer.Words.Count + buffer.Chars.Count;
                }
            }

            long t4 = Stopwatch.GetTimestamp();
            double[] scores = new double[3];
            long scoring = 0;
            foreach (var input in inputs)
            {
                foreach (var g in c.Groups)
                {
                    HashedFeaturizer.UniqueBuckets(input, g.Options, buffer);
                    long s0 = Stopwatch.GetTimestamp();
                    g.Score(input, buffer, scores);
                    scoring += Stopwatch.GetTimestamp() - s0;
                }
            }

            Console.WriteLine($"group scoring alone {scoring * 1e6 / Stopwatch.Frequency / seen.Count:0.00} us/sentence");
            double Us(long a, long b) => (b - a) * 1e6 / Stopwatch.Frequency / seen.Count;
            Console.WriteLine($"per sentence: features {Us(t0, t1):0.00} us, whole predict {Us(t1, t2):0.00} us, buckets x3 {Us(t3, t4):0.00} us ({buckets / seen.Count / 3} buckets/member), avg length {seen.Average(x => x.Length):0}");
        }
    }
}
