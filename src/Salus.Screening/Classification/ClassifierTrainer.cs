using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Classification;

/// <summary>What a training run produced.</summary>
public sealed record TrainingResult(AeModelInfo Info, string ModelPath, string InfoPath, TimeSpan Elapsed);

/// <summary>Training knobs of one ensemble member (defaults are the shipped configuration).</summary>
public sealed record TrainerOptions
{
    /// <summary>ML.NET trainer: "svm" (LinearSvm + Platt), "lbfgs" (logistic regression), "sdca" (logistic regression).</summary>
    public string Trainer { get; init; } = "lbfgs";

    public FeatureOptions Features { get; init; } = new();

    /// <summary>Scale binary features by naive-Bayes log-count ratios from the train split (NBSVM).</summary>
    public bool NaiveBayes { get; init; } = true;

    public float NbAlpha { get; init; } = 1f;

    public float L2 { get; init; } = 0.01f;

    public float L1 { get; init; }

    public int Iterations { get; init; } = 100;

    /// <summary>Example weight of positives (lbfgs and sdca): &gt; 1 favours recall.</summary>
    public float PositiveWeight { get; init; } = 1f;

    public int Seed { get; init; } = 42;
}

/// <summary>One row for ML.NET: a sparse hashed feature vector.</summary>
internal sealed class AeVectorRow
{
    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;

    public VBuffer<float> Features { get; set; }
}

/// <summary>
/// Trains the adverse-event sentence classifier from PsyTAR (train.csv; ADR or WD = positive), tunes the
/// decision threshold on dev.csv for F1, and writes <c>ae-model.zip</c> + <c>ae-model.json</c>.
/// This is what <c>salus screen train</c> runs.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>
    /// The shipped ensemble (chosen on PsyTAR dev among ~40 single models and their pairs/triples, see docs/screening.md):
    /// logistic regression on lexicon-tagged text; NBSVM-style logistic regression on plain text plus lexicon features;
    /// logistic regression on plain text plus lexicon features. Averaged probabilities, threshold tuned on dev.
    /// </summary>
    public static IReadOnlyList<TrainerOptions> DefaultEnsemble { get; } =
    [
        new TrainerOptions { Trainer = "lbfgs", L2 = 0.03f, NaiveBayes = false, Features = new FeatureOptions { UseTags = true, UseLexicon = false } },
        new TrainerOptions { Trainer = "lbfgs", L2 = 0.1f, NaiveBayes = true, Features = new FeatureOptions { UseTags = false, UseLexicon = true } },
        new TrainerOptions { Trainer = "lbfgs", L2 = 0.03f, NaiveBayes = false, Features = new FeatureOptions { UseTags = false, UseLexicon = true } },
    ];

    public static TrainingResult Train(string psytarDir, string outputModelPath, IReadOnlyList<TrainerOptions>? members = null, ScreeningLexicon? lexicon = null)
    {
        members ??= DefaultEnsemble;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        lexicon ??= ScreeningLexicon.LoadEmbedded();
        var spans = SpanVocabulary.Learn(Path.Combine(psytarDir, "spans", "train.txt"));
        var train = Load(Path.Combine(psytarDir, "train.csv"), lexicon, spans);
        var dev = Load(Path.Combine(psytarDir, "dev.csv"), lexicon, spans);
        var (trained, devProbs) = TrainEnsemble(train, dev, members);

        var dir = Path.GetDirectoryName(Path.GetFullPath(outputModelPath))!;
        Directory.CreateDirectory(dir);
        LinearModelFile.Save(outputModelPath, trained);
        var (threshold, f1, p, r, acc) = TuneThreshold(devProbs);
        var info = new AeModelInfo(Math.Round(threshold, 3), Math.Round(f1, 4), Math.Round(p, 4), Math.Round(r, 4), Math.Round(acc, 4),
            string.Join(" | ", members.Select(Describe)), members[0].Seed, train.Count, dev.Count, members.Count);
        var infoPath = Path.ChangeExtension(outputModelPath, ".json");
        spans.Save(SpansPath(outputModelPath));
        File.WriteAllText(infoPath, JsonSerializer.Serialize(info, ScreeningJsonContext.Default.AeModelInfo) + "\n");
        return new TrainingResult(info, outputModelPath, infoPath, sw.Elapsed);
    }

    /// <summary>Trains every member on <paramref name="train"/>; returns them and the averaged probabilities on <paramref name="dev"/>.</summary>
    internal static (List<LinearMember> Members, List<(float Prob, bool Label)> Dev) TrainEnsemble(List<AeInput> train, List<AeInput> dev, IReadOnlyList<TrainerOptions> members)
    {
        var trained = new List<LinearMember>();
        var devSum = new double[dev.Count];
        var buffer = new FeatureBuffer();
        foreach (var options in members)
        {
            var member = TrainMember(train, options);
            trained.Add(member);
            for (int i = 0; i < dev.Count; i++)
            {
                devSum[i] += member.Probability(dev[i], buffer);
            }
        }

        return (trained, [.. dev.Select((d, i) => ((float)(devSum[i] / members.Count), d.Label))]);
    }

    /// <summary>Tunes the threshold for F1 on labelled probabilities: (threshold, F1, P, R, accuracy).</summary>
    internal static (double Threshold, double F1, double P, double R, double Acc) Tune(List<(float Prob, bool Label)> probs) => TuneThreshold(probs);

    /// <summary>Reads a PsyTAR-format file into model inputs.</summary>
    internal static List<AeInput> LoadInputs(string path, ScreeningLexicon lexicon, SpanVocabulary spans) => Load(path, lexicon, spans);

    /// <summary>Scores a trained classifier on a PsyTAR-format file at its stored threshold.</summary>
    public static (double F1, double Precision, double Recall) Evaluate(AdverseEventClassifier classifier, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var threshold = classifier.Info.Threshold;
        var (f1, precision, recall, _) = Score(ReadRows(csvPath).Select(r => (classifier.RawProbability(r.Text) >= threshold, r.Label)));
        return (f1, precision, recall);
    }

    internal static string Describe(TrainerOptions o)
    {
        var f = o.Features;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{o.Trainer} l2={o.L2} l1={o.L1} it={o.Iterations} pos={o.PositiveWeight}{(o.NaiveBayes ? $" nb(a={o.NbAlpha})" : "")} words1-{f.WordNgrams} chars{f.CharMin}-{f.CharMax} bits={f.Bits}{(f.UseTags ? " +tags" : "")}{(f.UseLexicon ? " +lexicon" : "")}");
    }

    /// <summary>Trains one member with ML.NET on hashed features and exports its weights and calibration.</summary>
    internal static LinearMember TrainMember(List<AeInput> train, TrainerOptions o)
    {
        var f = o.Features;
        float[]? ratios = o.NaiveBayes ? NaiveBayesRatios(train, f, o.NbAlpha) : null;
        var buffer = new FeatureBuffer();
        var rows = new List<AeVectorRow>(train.Count);
        foreach (var t in train)
        {
            HashedFeaturizer.Featurize(t, f, ratios, buffer);
            rows.Add(new AeVectorRow
            {
                Label = t.Label,
                Weight = t.Label ? o.PositiveWeight : 1f,
                Features = new VBuffer<float>(f.Dimension, buffer.Count, [.. buffer.Values], [.. buffer.Indices]),
            });
        }

        var ml = new MLContext(seed: o.Seed);
        var schema = SchemaDefinition.Create(typeof(AeVectorRow));
        schema[nameof(AeVectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, f.Dimension);
        var view = ml.Data.LoadFromEnumerable(rows, schema);
        const string label = nameof(AeVectorRow.Label), features = nameof(AeVectorRow.Features), weight = nameof(AeVectorRow.Weight);
        switch (o.Trainer)
        {
            case "svm":
            {
                var svm = ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, NumberOfIterations = o.Iterations, Lambda = o.L2,
                }).Fit(view);
                var linear = svm.Model;
                var raw = new LinearMember(f, [.. linear.Weights], linear.Bias, 1, 0, ratios);
                var (slope, offset) = FitPlatt([.. train.Select(t => Margin(raw, t, buffer))], [.. train.Select(t => t.Label)]);
                return new LinearMember(f, raw.Weights, raw.Bias, slope, offset, ratios);
            }

            case "sdca":
            {
                var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, ExampleWeightColumnName = weight, L2Regularization = o.L2,
                    L1Regularization = o.L1, NumberOfThreads = 1, MaximumNumberOfIterations = o.Iterations,
                }).Fit(view).Model;
                return new LinearMember(f, [.. model.SubModel.Weights], model.SubModel.Bias, (float)model.Calibrator.Slope, (float)model.Calibrator.Offset, ratios);
            }

            default:
            {
                var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, ExampleWeightColumnName = weight, L2Regularization = o.L2,
                    L1Regularization = o.L1, NumberOfThreads = 1,
                }).Fit(view).Model;
                return new LinearMember(f, [.. model.SubModel.Weights], model.SubModel.Bias, (float)model.Calibrator.Slope, (float)model.Calibrator.Offset, ratios);
            }
        }
    }

    private static double Margin(LinearMember m, AeInput input, FeatureBuffer buffer)
    {
        // p = 1 / (1 + exp(score)) with slope 1, offset 0: recover the raw score
        double p = m.Probability(input, buffer);
        return Math.Log((1 - p) / Math.Max(p, 1e-12));
    }

    /// <summary>Platt scaling (Newton's method with Platt's smoothed targets): p = 1 / (1 + exp(A * score + B)).</summary>
    private static (float Slope, float Offset) FitPlatt(double[] scores, bool[] labels)
    {
        int np = labels.Count(l => l), nn = labels.Length - np;
        double hi = (np + 1.0) / (np + 2.0), lo = 1.0 / (nn + 2.0);
        double a = 0, b = Math.Log((nn + 1.0) / (np + 1.0));
        for (int it = 0; it < 100; it++)
        {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < scores.Length; i++)
            {
                double t = labels[i] ? hi : lo;
                double p = 1 / (1 + Math.Exp((a * scores[i]) + b));
                double d = t - p; // gradient of the NLL w.r.t. (a s + b)
                ga += d * scores[i];
                gb += d;
                double w = p * (1 - p);
                haa += w * scores[i] * scores[i];
                hab += w * scores[i];
                hbb += w;
            }

            double det = (haa * hbb) - (hab * hab);
            double da = -((hbb * ga) - (hab * gb)) / det, db = -((haa * gb) - (hab * ga)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return ((float)a, (float)b);
    }

    /// <summary>NBSVM log-count ratios per hash bucket over binary features of the train split.</summary>
    private static float[] NaiveBayesRatios(List<AeInput> train, FeatureOptions f, float alpha)
    {
        int size = 1 << f.Bits;
        var pos = new double[size];
        var neg = new double[size];
        var buffer = new FeatureBuffer();
        foreach (var t in train)
        {
            HashedFeaturizer.Featurize(t, f with { UseLexicon = false }, null, buffer);
            var counts = t.Label ? pos : neg;
            foreach (int i in buffer.Indices)
            {
                counts[i] += 1;
            }
        }

        double pSum = size * (double)alpha, nSum = size * (double)alpha;
        for (int i = 0; i < size; i++)
        {
            pSum += pos[i];
            nSum += neg[i];
        }

        var r = new float[size];
        for (int i = 0; i < size; i++)
        {
            r[i] = (float)Math.Log(((pos[i] + alpha) / pSum) / ((neg[i] + alpha) / nSum));
        }

        return r;
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
