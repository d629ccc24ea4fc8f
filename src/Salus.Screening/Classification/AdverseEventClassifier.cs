using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.ML;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Classification;

/// <summary>Metrics and the decision threshold stored next to the model.</summary>
public sealed record AeModelInfo(double Threshold, double DevF1, double DevPrecision, double DevRecall, double DevAccuracy, string Trainer, int Seed, int TrainRows, int DevRows);

/// <summary>
/// The ML.NET adverse-event sentence classifier (trained on PsyTAR, see <see cref="ClassifierTrainer"/>).
/// Thread-safe: prediction engines are pooled. <see cref="Predict"/> returns a probability rescaled so that the
/// threshold tuned on PsyTAR dev maps to 0.5.
/// </summary>
public sealed class AdverseEventClassifier : IAdverseEventClassifier
{
    public const string ModelResource = "Model/ae-model.zip";
    public const string InfoResource = "Model/ae-model.json";

    private readonly MLContext _ml = new(seed: 42);
    private readonly ITransformer _model;
    private readonly ScreeningLexicon _lexicon;
    private readonly ConcurrentBag<PredictionEngine<AeInput, AePrediction>> _pool = [];

    public AdverseEventClassifier(ITransformer model, ScreeningLexicon lexicon, AeModelInfo info)
    {
        _model = model;
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
        if (model is null || info is null)
        {
            return null;
        }

        return Load(model, info, lexicon);
    }

    public static AdverseEventClassifier Load(Stream model, Stream info, ScreeningLexicon lexicon)
    {
        var ml = new MLContext(seed: 42);
        using var ms = new MemoryStream();
        model.CopyTo(ms);
        ms.Position = 0;
        var transformer = ml.Model.Load(ms, out _);
        var meta = JsonSerializer.Deserialize(info, ScreeningJsonContext.Default.AeModelInfo) ?? throw new InvalidDataException("bad model info");
        return new AdverseEventClassifier(transformer, lexicon, meta);
    }

    /// <summary>Raw model probability (not rescaled).</summary>
    public float RawProbability(string sentence)
    {
        var input = AeFeatures.Build(_lexicon, sentence);
        if (!_pool.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<AeInput, AePrediction>(_model);
        }

        try
        {
            return engine.Predict(input).Probability;
        }
        finally
        {
            _pool.Add(engine);
        }
    }

    public float Predict(string sentence)
    {
        float p = RawProbability(sentence);
        float t = (float)Info.Threshold;
        return p < t ? 0.5f * p / t : 0.5f + 0.5f * (p - t) / (1 - t);
    }
}
