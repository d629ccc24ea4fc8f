using Salus.Screening.Classification;
using Xunit;
using Xunit.Abstractions;

namespace Salus.Screening.Tests;

public sealed class ClassifierTests(ITestOutputHelper output)
{
    private static AdverseEventClassifier Shipped() =>
        Assert.IsType<AdverseEventClassifier>(Screener.CreateDefault().Classifier);

    [Theory]
    [InlineData("Zoloft gave me horrible headaches and nausea")]
    [InlineData("Da quando prendo la Tachipirina ho un mal di testa che non passa.")]
    [InlineData("I bought a new car today")]
    [InlineData("")]
    public void Inference_scoring_equals_the_training_featurisation(string sentence)
    {
        var c = Shipped();
        var input = c.Prepare(sentence);
        var buffer = new FeatureBuffer();
        float expected = c.Members.Average(m => m.Probability(input, buffer));
        Assert.Equal(expected, c.RawProbability(sentence), 4);
    }

    [SkippableFact]
    public void Shipped_model_scores_its_recorded_f1_on_psytar_dev()
    {
        var dev = Path.Combine(TestPaths.PsyTar, "dev.csv");
        Skip.IfNot(File.Exists(dev), $"PsyTAR not found at {TestPaths.PsyTar} (set SALUS_SHARED_DATA)");
        var c = Shipped();
        var (f1, p, r) = ClassifierTrainer.Evaluate(c, dev);
        output.WriteLine($"PsyTAR dev: F1 {f1:0.000} P {p:0.000} R {r:0.000} (recorded {c.Info.DevF1})");
        Assert.InRange(f1, c.Info.DevF1 - 0.005, c.Info.DevF1 + 0.005);
    }

    /// <summary>The product target; the shipped model's measured value is in docs/screening.md.</summary>
    [SkippableFact]
    public void Psytar_dev_f1_reaches_the_target_of_0_85()
    {
        var dev = Path.Combine(TestPaths.PsyTar, "dev.csv");
        Skip.IfNot(File.Exists(dev), $"PsyTAR not found at {TestPaths.PsyTar} (set SALUS_SHARED_DATA)");
        var (f1, _, _) = ClassifierTrainer.Evaluate(Shipped(), dev);
        Assert.True(f1 >= 0.85, $"F1 {f1:0.000}");
    }

    [SkippableFact]
    public void Retraining_from_psytar_reproduces_the_shipped_quality()
    {
        Skip.IfNot(File.Exists(Path.Combine(TestPaths.PsyTar, "train.csv")), $"PsyTAR not found at {TestPaths.PsyTar} (set SALUS_SHARED_DATA)");
        var dir = Directory.CreateTempSubdirectory("salus-ae");
        try
        {
            var path = Path.Combine(dir.FullName, "ae-model.zip");
            var result = ClassifierTrainer.Train(TestPaths.PsyTar, path, lexicon: Screener.CreateDefault().Lexicon);
            output.WriteLine($"retrained: {result.Info} in {result.Elapsed}");
            Assert.InRange(result.Info.DevF1, Shipped().Info.DevF1 - 0.02, Shipped().Info.DevF1 + 0.02);
            var reloaded = AdverseEventClassifier.LoadFiles(path, Screener.CreateDefault().Lexicon);
            Assert.True(reloaded.RawProbability("Zoloft gave me horrible headaches and nausea") > reloaded.RawProbability("I bought a new car today"));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
