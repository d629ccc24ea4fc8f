using Salus.Screening;
using Salus.Screening.Classification;

namespace Salus.Benchmarks;

/// <summary>`-- classifier-bound FILE.jsonl [N]`: how often the ensemble's members already decide "below the threshold" early.</summary>
internal static class ClassifierBound
{
    public static void Run(string path, int n)
    {
        var screener = Screener.CreateDefault();
        var clf = (AdverseEventClassifier)screener.Classifier!;
        double t = clf.Info.Threshold;
        var texts = File.ReadLines(path).Take(n).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).Distinct().ToList();
        var buffer = new InferenceBuffer();
        int count = clf.Members.Count;
        var below = new int[count + 1];
        foreach (var text in texts)
        {
            var input = clf.Prepare(text);
            var probs = new float[count];
            for (int m = 0; m < count; m++)
            {
                HashedFeaturizer.UniqueBuckets(input, clf.Members[m].Options, buffer);
                probs[m] = clf.Members[m].Probability(input, buffer);
            }

            // order: the shared group (members 1, 2) first, then member 0
            int[] order = [1, 2, 0];
            double sum = 0;
            for (int k = 0; k < count; k++)
            {
                sum += probs[order[k]];
                if ((sum + (count - k - 1)) / count < t)
                {
                    below[k + 1]++;
                    break;
                }
            }
        }

        Console.WriteLine($"{texts.Count} distinct texts; decided below after 1..n members: {string.Join(", ", below.Skip(1))}");
    }
}
