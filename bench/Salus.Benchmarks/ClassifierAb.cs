using System.Diagnostics;
using Salus.Screening;
using Salus.Screening.Classification;
using Salus.Screening.Cli;
using Salus.Screening.Detectors;

namespace Salus.Benchmarks;

/// <summary>
/// `-- classifier-ab FILE.jsonl [N]`: whole-engine CPU with the classifier scored member by member (one table per member
/// and array) versus the shipped grouped, compact table, alternating in one process so both see the same machine.
/// </summary>
internal static class ClassifierAb
{
    private sealed class MemberByMember(AdverseEventClassifier c) : IAdverseEventClassifier
    {
        [ThreadStatic]
        private static InferenceBuffer? t_buffer;

        public float Predict(string sentence)
        {
            var input = c.Prepare(sentence);
            var buffer = t_buffer ??= new InferenceBuffer();
            float sum = 0;
            foreach (var m in c.Members)
            {
                HashedFeaturizer.UniqueBuckets(input, m.Options, buffer);
                sum += m.Probability(input, buffer);
            }

            float p = sum / c.Members.Count, t = (float)c.Info.Threshold;
            return p < t ? 0.5f * p / t : 0.5f + 0.5f * (p - t) / (1 - t);
        }
    }

    private sealed class Grouped(AdverseEventClassifier c) : IAdverseEventClassifier
    {
        public float Predict(string sentence) => c.Predict(sentence);
    }

    public static void Run(string path, int n)
    {
        var shipped = Screener.CreateDefault();
        var c = (AdverseEventClassifier)shipped.Classifier!;
        var requests = File.ReadLines(path).Take(n).Select(l => JsonlScreening.Parse(l, out _, out _)!).ToList();
        var engines = new (string Name, Screener Engine)[]
        {
            ("member by member, re-analysed", new Screener(shipped.Lexicon, new MemberByMember(c))),
            ("grouped table, re-analysed", new Screener(shipped.Lexicon, new Grouped(c))),
            ("grouped table, analysis reused (shipped)", shipped),
        };
        var best = new double[engines.Length];
        Array.Fill(best, double.MaxValue);
        for (int round = 0; round < 6; round++)
        {
            for (int e = 0; e < engines.Length; e++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var r in requests)
                {
                    engines[e].Engine.Screen(r);
                }

                best[e] = Math.Min(best[e], (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }
        }

        for (int e = 0; e < engines.Length; e++)
        {
            Console.WriteLine($"{engines[e].Name,-44} best of 6: {best[e],7:0} ms CPU ({best[e] * 1000 / requests.Count:0.00} us/line)");
        }
    }
}
