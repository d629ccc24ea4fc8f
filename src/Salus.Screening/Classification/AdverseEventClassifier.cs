using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Classification;

/// <summary>Metrics and the decision threshold stored next to the model.</summary>
public sealed record AeModelInfo(double Threshold, double DevF1, double DevPrecision, double DevRecall, double DevAccuracy, string Trainer, int Seed, int TrainRows, int DevRows, int Members);

/// <summary>
/// The ML.NET adverse-event sentence classifier (trained on PsyTAR, see <see cref="ClassifierTrainer"/>).
/// Thread-safe: prediction engines are pooled. <see cref="Predict"/> returns a probability rescaled so that the
/// threshold tuned on PsyTAR dev maps to 0.5.
/// </summary>
public sealed class AdverseEventClassifier : IAdverseEventClassifier
{
    public const string ModelResource = "Model/ae-model.zip";
    public const string InfoResource = "Model/ae-model.json";
    public const string SpansResource = "Model/ae-model.spans.txt";

    private readonly MLContext _ml = new(seed: 42);
    private readonly ITransformer[] _models;
    private readonly ScreeningLexicon _lexicon;
    private readonly ConcurrentBag<PredictionEngine<AeInput, AePrediction>[]> _pool = [];

    private readonly SpanVocabulary? _spans;

    public AdverseEventClassifier(IReadOnlyList<ITransformer> models, ScreeningLexicon lexicon, AeModelInfo info, SpanVocabulary? spans)
    {
        _spans = spans;
        ArgumentNullException.ThrowIfNull(models);
        _models = [.. models];
        _lexicon = lexicon;
        Info = info;
    }

    public AeModelInfo Info { get; }

    /// <summary>Loads the embedded model; null when the assembly ships none.</summary>
    public static AdverseEventClassifier? LoadEmbedded(ScreeningLexicon lexicon)
    {
        var asm = typeof(AdverseEventClassifier).Assembly;
        using var model = asm.GetManifestResourceStream(ModelResource);
        using var info = asm.GetManifestResourceStream(InfoResource);
        using var spans = asm.GetManifestResourceStream(SpansResource);
        if (model is null || info is null)
        {
            return null;
        }

        return Load(model, info, spans, lexicon);
    }

    /// <summary>Loads a model written by <see cref="ClassifierTrainer.Train"/> (model zip, info json, span vocabulary).</summary>
    public static AdverseEventClassifier LoadFiles(string modelPath, ScreeningLexicon lexicon)
    {
        using var model = File.OpenRead(modelPath);
        using var info = File.OpenRead(Path.ChangeExtension(modelPath, ".json"));
        var sp = ClassifierTrainer.SpansPath(modelPath);
        using var spans = File.Exists(sp) ? File.OpenRead(sp) : null;
        return Load(model, info, spans, lexicon);
    }

    public static AdverseEventClassifier Load(Stream model, Stream info, Stream? spans, ScreeningLexicon lexicon)
    {
        var ml = new MLContext(seed: 42);
        var meta = JsonSerializer.Deserialize(info, ScreeningJsonContext.Default.AeModelInfo) ?? throw new InvalidDataException("bad model info");
        var models = new List<ITransformer>();
        using var outer = new ZipArchive(model, ZipArchiveMode.Read);
        for (int m = 0; m < meta.Members; m++)
        {
            var entry = outer.GetEntry($"member{m}.zip") ?? throw new InvalidDataException($"model member {m} missing");
            using var es = entry.Open();
            using var ms = new MemoryStream();
            es.CopyTo(ms);
            ms.Position = 0;
            models.Add(ml.Model.Load(ms, out _));
        }

        return new AdverseEventClassifier(models, lexicon, meta, spans is null ? null : SpanVocabulary.Load(spans));
    }

    /// <summary>Raw model probability (not rescaled).</summary>
    public float RawProbability(string sentence)
    {
        var input = AeFeatures.Build(_lexicon, _spans, sentence);
        if (!_pool.TryTake(out var engines))
        {
            engines = [.. _models.Select(m => _ml.Model.CreatePredictionEngine<AeInput, AePrediction>(m))];
        }

        try
        {
            float sum = 0;
            foreach (var e in engines)
            {
                sum += e.Predict(input).Probability;
            }

            return sum / engines.Length;
        }
        finally
        {
            _pool.Add(engines);
        }
    }

    public float Predict(string sentence)
    {
        float p = RawProbability(sentence);
        float t = (float)Info.Threshold;
        return p < t ? 0.5f * p / t : 0.5f + 0.5f * (p - t) / (1 - t);
    }
}
