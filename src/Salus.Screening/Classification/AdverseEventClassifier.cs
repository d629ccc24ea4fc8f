using System.Text.Json;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Classification;

/// <summary>Metrics and the decision threshold stored next to the model.</summary>
public sealed record AeModelInfo(double Threshold, double DevF1, double DevPrecision, double DevRecall, double DevAccuracy, string Trainer, int Seed, int TrainRows, int DevRows, int Members);

/// <summary>
/// The adverse-event sentence classifier: linear models trained with ML.NET on PsyTAR (see <see cref="ClassifierTrainer"/>)
/// and exported as weights, scored here by <see cref="LinearMember"/> without an ML.NET pipeline (microseconds per
/// sentence, no prediction-engine pool). Thread-safe. <see cref="Predict"/> returns a probability rescaled so that the
/// threshold tuned on PsyTAR dev maps to 0.5.
/// </summary>
public sealed class AdverseEventClassifier : IAdverseEventClassifier
{
    public const string ModelResource = "Model/ae-model.zip";
    public const string InfoResource = "Model/ae-model.json";
    public const string SpansResource = "Model/ae-model.spans.txt";

    [ThreadStatic]
    private static InferenceBuffer? t_buffer;

    private readonly LinearMember[] _members;
    private readonly SharedBucketGroup[] _groups;
    private readonly ScreeningLexicon _lexicon;
    private readonly SpanVocabulary? _spans;

    public AdverseEventClassifier(IReadOnlyList<LinearMember> members, ScreeningLexicon lexicon, AeModelInfo info, SpanVocabulary? spans)
        : this([.. members ?? throw new ArgumentNullException(nameof(members))], null, lexicon, info, spans)
    {
    }

    private AdverseEventClassifier(LinearMember[] members, SharedBucketGroup[]? groups, ScreeningLexicon lexicon, AeModelInfo info, SpanVocabulary? spans)
    {
        _spans = spans;
        _members = members;
        _groups = groups ?? SharedBucketGroup.Build(members);
        _lexicon = lexicon;
        Info = info;
    }

    public AeModelInfo Info { get; }

    internal IReadOnlyList<LinearMember> Members => _members;

    internal IReadOnlyList<SharedBucketGroup> Groups => _groups;

    internal AeInput Prepare(string sentence) => AeFeatures.Build(_lexicon, _spans, sentence);

    /// <summary>Loads the embedded model; null when the assembly ships none.</summary>
    public static AdverseEventClassifier? LoadEmbedded(ScreeningLexicon lexicon) => LoadEmbeddedModel()?.With(lexicon);

    /// <summary>
    /// Reads the embedded model without the lexicon, which it needs only to score: the engine reads it while the lexicons
    /// are built. Null when the assembly ships none.
    /// </summary>
    internal static EmbeddedModel? LoadEmbeddedModel()
    {
        var asm = typeof(AdverseEventClassifier).Assembly;
        using var model = asm.GetManifestResourceStream(ModelResource);
        using var info = asm.GetManifestResourceStream(InfoResource);
        using var spans = asm.GetManifestResourceStream(SpansResource);
        if (model is null || info is null)
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize(info, ScreeningJsonContext.Default.AeModelInfo) ?? throw new InvalidDataException("bad model info");
        var members = LinearModelFile.Load(model, meta.Members).ToArray();
        return new EmbeddedModel(members, SharedBucketGroup.Build(members), meta, spans is null ? null : SpanVocabulary.Load(spans));
    }

    /// <summary>A model read from its files (its scoring tables built too), waiting for its lexicon.</summary>
    internal sealed record EmbeddedModel(LinearMember[] Members, SharedBucketGroup[] Groups, AeModelInfo Info, SpanVocabulary? Spans)
    {
        public AdverseEventClassifier With(ScreeningLexicon lexicon) => new(Members, Groups, lexicon, Info, Spans);
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
        var meta = JsonSerializer.Deserialize(info, ScreeningJsonContext.Default.AeModelInfo) ?? throw new InvalidDataException("bad model info");
        var members = LinearModelFile.Load(model, meta.Members);
        return new AdverseEventClassifier(members, lexicon, meta, spans is null ? null : SpanVocabulary.Load(spans));
    }

    /// <summary>Raw model probability (not rescaled).</summary>
    public float RawProbability(string sentence) => Score(AeFeatures.Build(_lexicon, _spans, sentence));

    private float Score(AeInput input)
    {
        var buffer = t_buffer ??= new InferenceBuffer();
        Span<double> scores = stackalloc double[_members.Length];
        foreach (var group in _groups)
        {
            HashedFeaturizer.UniqueBuckets(input, group.Options, buffer);
            group.Score(input, buffer, scores);
        }

        float sum = 0;
        for (int m = 0; m < _members.Length; m++)
        {
            sum += _members[m].Calibrate(scores[m]);
        }

        return sum / _members.Length;
    }

    /// <summary>
    /// The score of a one-sentence text from the engine's own analysis of it (language detected, not given), without
    /// normalising and scanning it again: equal to <see cref="Predict(string)"/> on <see cref="TextAnalysis.Text"/>.
    /// </summary>
    internal float Predict(TextAnalysis whole) => Rescale(Score(AeFeatures.Build(whole, _spans)));

    /// <summary>
    /// The score of sentence <paramref name="sentence"/> of an analysed text: from the analysis itself when the text is that
    /// one sentence and its language was detected (the usual post), else by analysing the sentence on its own.
    /// </summary>
    internal float Predict(TextAnalysis a, int sentence)
    {
        if (a.Sentences.Count == 1 && !a.LanguageGiven)
        {
            return Predict(a);
        }

        var span = a.Sentences[sentence];
        return Predict(a.Text[span.Start..span.End]);
    }

    public float Predict(string sentence) => Rescale(RawProbability(sentence));

    private float Rescale(float p)
    {
        float t = (float)Info.Threshold;
        return p < t ? 0.5f * p / t : 0.5f + 0.5f * (p - t) / (1 - t);
    }
}
