using System.Text.Json;
using Salus.Screening.Classification;
using Salus.Screening.Detectors;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;
using Xunit;

namespace Salus.Screening.Tests;

/// <summary>
/// The engine scores sentences faster than the training path (one table for the members that share buckets, the
/// engine's own analysis reused for one-sentence texts); these check that the scores stay bit for bit the same.
/// </summary>
public sealed class ClassifierReuseTests
{
    private static AdverseEventClassifier Shipped() =>
        Assert.IsType<AdverseEventClassifier>(Screener.CreateDefault().Classifier);

    /// <summary>The labelled texts (negations, misspellings, both languages) plus a few edge cases.</summary>
    private static List<string> Texts()
    {
        var data = new List<string>();
        foreach (var file in Directory.GetFiles(TestPaths.TestData, "labelled.*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0).Take(400))
            {
                data.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
            }
        }

        data.Add("");
        data.Add("Zolfot gave me headaches"); // a misspelled drug: the engine's analysis has a hit the model never saw
        data.Add("ZOLOFT!!! headache");
        return data;
    }

    [Fact]
    public void Grouped_members_score_exactly_like_each_member_alone()
    {
        var c = Shipped();
        var buffer = new InferenceBuffer();
        int compared = 0;
        foreach (var text in Texts())
        {
            var input = c.Prepare(text);
            float sum = 0;
            foreach (var m in c.Members)
            {
                HashedFeaturizer.UniqueBuckets(input, m.Options, buffer);
                sum += m.Probability(input, buffer);
            }

            Assert.Equal(sum / c.Members.Count, c.RawProbability(text)); // exact: same sums in the same order
            compared++;
        }

        Assert.True(compared > 600, $"only {compared} texts");
    }

    [Fact]
    public void A_one_sentence_text_scores_the_same_from_the_engines_analysis()
    {
        var c = Shipped();
        var lexicon = Screener.CreateDefault().Lexicon;
        int reused = 0, fuzzy = 0;
        foreach (var text in Texts())
        {
            var matches = new List<AutomatonMatch>();
            using var n = TextNormalizer.Normalize(text);
            lexicon.Automaton.FindAll(n.Span, matches);
            var a = new TextAnalysis(text, n, lexicon, matches, language: null);
            if (a.Sentences.Count != 1)
            {
                continue;
            }

            Assert.Equal(c.Predict(text), c.Predict(a));
            Assert.Equal(c.Predict(text), c.Predict(a, 0));
            reused++;
            fuzzy += a.Of(Lexicons.LexiconKind.Drug).Count(h => h.Fuzzy);
        }

        Assert.True(reused > 300, $"only {reused} one-sentence texts");
        Assert.True(fuzzy > 0, "no misspelled drug among the texts: the case the reuse must leave out is not exercised");
    }
}
