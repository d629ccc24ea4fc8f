using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Classification;

/// <summary>What a training run produced.</summary>
public sealed record TrainingResult(AeModelInfo Info, string ModelPath, string InfoPath, TimeSpan Elapsed);

/// <summary>Training knobs (defaults are the shipped configuration).</summary>
public sealed record TrainerOptions
{
    public string Trainer { get; init; } = "sdca";

    public int WordNgrams { get; init; } = 2;

    public int CharNgrams { get; init; } = 4;

    public float L2 { get; init; } = 0.01f;

    public int Iterations { get; init; } = 100;

    public int Seed { get; init; } = 42;

    public bool CharAllLengths { get; init; }

    public bool UseTags { get; init; } = true;

    public bool UseLexiconFeatures { get; init; } = true;
}

/// <summary>
/// Trains the adverse-event sentence classifier from PsyTAR (train.csv; ADR or WD = positive), tunes the
/// decision threshold on dev.csv for F1, and writes <c>ae-model.zip</c> + <c>ae-model.json</c>.
/// This is what <c>salus screen train</c> runs.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>The shipped ensemble: linear SVMs (Platt-calibrated) on plain and lexicon-tagged text, plus a logistic model with lexicon features.</summary>
    public static IReadOnlyList<TrainerOptions> DefaultEnsemble { get; } =
    [
        new TrainerOptions { Trainer = "svm", WordNgrams = 2, CharNgrams = 4, L2 = 0.001f, Iterations = 20, UseTags = true, UseLexiconFeatures = true },
        new TrainerOptions { Trainer = "svm", WordNgrams = 2, CharNgrams = 4, L2 = 0.001f, Iterations = 20, UseTags = false, UseLexiconFeatures = false },
        new TrainerOptions { Trainer = "lbfgs", WordNgrams = 2, CharNgrams = 4, L2 = 0.3f, Iterations = 100, UseTags = true, UseLexiconFeatures = true },
    ];

    public static TrainingResult Train(string psytarDir, string outputModelPath, IReadOnlyList<TrainerOptions>? members = null, ScreeningLexicon? lexicon = null)
    {
        members ??= DefaultEnsemble;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        lexicon ??= ScreeningLexicon.LoadEmbedded();
        var spans = SpanVocabulary.Learn(Path.Combine(psytarDir, "spans", "train.txt"));
        var train = Load(Path.Combine(psytarDir, "train.csv"), lexicon, spans);
        var dev = Load(Path.Combine(psytarDir, "dev.csv"), lexicon, spans);

        var devSum = new double[dev.Count];
        var dir = Path.GetDirectoryName(Path.GetFullPath(outputModelPath))!;
        Directory.CreateDirectory(dir);
        using (var outer = new ZipArchive(File.Create(outputModelPath), ZipArchiveMode.Create))
        {
            for (int m = 0; m < members.Count; m++)
            {
                var options = members[m];
                var ml = new MLContext(seed: options.Seed);
                var trainView = ml.Data.LoadFromEnumerable(train);
                var model = BuildPipeline(ml, options).Fit(trainView);
                var engine = ml.Model.CreatePredictionEngine<AeInput, AePrediction>(model);
                for (int i = 0; i < dev.Count; i++)
                {
                    devSum[i] += engine.Predict(dev[i]).Probability;
                }

                var entry = outer.CreateEntry($"member{m}.zip", System.IO.Compression.CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var ms = new MemoryStream();
                ml.Model.Save(model, trainView.Schema, ms);
                using var es = entry.Open();
                ms.Position = 0;
                ms.CopyTo(es);
            }
        }

        var devProbs = dev.Select((d, i) => ((float)(devSum[i] / members.Count), d.Label)).ToList();
        var (threshold, f1, p, r, acc) = TuneThreshold(devProbs);
        var info = new AeModelInfo(Math.Round(threshold, 3), Math.Round(f1, 4), Math.Round(p, 4), Math.Round(r, 4), Math.Round(acc, 4),
            string.Join(" | ", members.Select(Describe)), members[0].Seed, train.Count, dev.Count, members.Count);
        var infoPath = Path.ChangeExtension(outputModelPath, ".json");
        spans.Save(SpansPath(outputModelPath));
        File.WriteAllText(infoPath, JsonSerializer.Serialize(info, ScreeningJsonContext.Default.AeModelInfo) + "\n");
        return new TrainingResult(info, outputModelPath, infoPath, sw.Elapsed);
    }

    /// <summary>Scores a trained classifier on a PsyTAR-format file at its stored threshold.</summary>
    public static (double F1, double Precision, double Recall) Evaluate(AdverseEventClassifier classifier, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var threshold = classifier.Info.Threshold;
        var (f1, precision, recall, _) = Score(ReadRows(csvPath).Select(r => (classifier.RawProbability(r.Text) >= threshold, r.Label)));
        return (f1, precision, recall);
    }

    private static string Describe(TrainerOptions o) =>
        $"{o.Trainer} words1-{o.WordNgrams} chars{o.CharNgrams} l2={o.L2} it={o.Iterations}{(o.UseLexiconFeatures ? " +lexicon-features" : "")}{(o.UseTags ? " +tags" : "")}";

    private static EstimatorChain<ITransformer> BuildPipeline(MLContext ml, TrainerOptions o)
    {
        var text = ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepNumbers = true,
            KeepPunctuations = false,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = o.WordNgrams, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = o.CharNgrams > 0 ? new WordBagEstimator.Options { NgramLength = o.CharNgrams, UseAllLengths = o.CharAllLengths, Weighting = NgramExtractingEstimator.WeightingCriteria.Tf } : null,
        }, o.UseTags ? nameof(AeInput.Text) : nameof(AeInput.Plain));
        var features = o.UseLexiconFeatures
            ? text.Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(AeInput.Lex)))
            : text.Append(ml.Transforms.Concatenate("Features", "TextFeatures"));
        IEstimator<ITransformer> trainer = o.Trainer switch
        {
            "lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(AeInput.Label), FeatureColumnName = "Features", L2Regularization = o.L2, NumberOfThreads = 1,
            }),
            "perceptron" => ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = nameof(AeInput.Label), FeatureColumnName = "Features", NumberOfIterations = o.Iterations, L2Regularization = o.L2,
            }).Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(AeInput.Label))),
            "svm" => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = nameof(AeInput.Label), FeatureColumnName = "Features", NumberOfIterations = o.Iterations, Lambda = o.L2,
            }).Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(AeInput.Label))),
            _ => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(AeInput.Label), FeatureColumnName = "Features", L2Regularization = o.L2, NumberOfThreads = 1,
                MaximumNumberOfIterations = o.Iterations,
            }),
        };
        return features.Append(trainer);
    }

    private static (double Threshold, double F1, double P, double R, double Acc) TuneThreshold(List<(float Prob, bool Label)> dev)
    {
        (double, double, double, double, double) best = (0.5, -1, 0, 0, 0);
        for (int i = 5; i <= 95; i++)
        {
            double t = i / 100.0;
            var (f1, p, r, accuracy) = Score(dev.Select(d => (d.Prob >= t, d.Label)));
            if (f1 > best.Item2 + 1e-9)
            {
                best = (t, f1, p, r, accuracy);
            }
        }

        return best;
    }

    /// <summary>F1, precision, recall and accuracy of binary predictions against labels.</summary>
    private static (double F1, double Precision, double Recall, double Accuracy) Score(IEnumerable<(bool Predicted, bool Label)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (predicted, label) in outcomes)
        {
            switch (predicted, label)
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }

        double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        double total = tp + fp + fn + tn;
        return (p + r == 0 ? 0 : 2 * p * r / (p + r), p, r, total == 0 ? 0 : (tp + tn) / total);
    }

    /// <summary>Where the span vocabulary is written next to a model file.</summary>
    public static string SpansPath(string modelPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Path.GetFileNameWithoutExtension(modelPath) + ".spans.txt");

    private static List<AeInput> Load(string path, ScreeningLexicon lexicon, SpanVocabulary spans) =>
        [.. ReadRows(path).Select(r => AeFeatures.Build(lexicon, spans, r.Text, r.Label))];

    /// <summary>PsyTAR CSV (tab-separated: sentence, ADR, WD, EF, INF, SSI, DI); positive = ADR or WD.</summary>
    public static List<(string Text, bool Label)> ReadRows(string path)
    {
        var rows = new List<(string, bool)>();
        bool header = true;
        foreach (var line in File.ReadLines(path))
        {
            if (header)
            {
                header = false;
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 3 || f[0].Length == 0)
            {
                continue;
            }

            rows.Add((f[0], f[1].Trim() == "1" || f[2].Trim() == "1"));
        }

        return rows;
    }
}
