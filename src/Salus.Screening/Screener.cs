using Salus.Screening.Classification;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;
using Salus.Screening.Rules;

namespace Salus.Screening;

/// <summary>
/// The screening engine. Build once (<see cref="CreateDefault"/>), share everywhere: it is immutable and thread-safe.
/// </summary>
public sealed class Screener
{
    private static readonly Lazy<Screener> Default = new(() =>
    {
        var lexicon = ScreeningLexicon.LoadEmbedded();
        return new Screener(lexicon, AdverseEventClassifier.LoadEmbedded(lexicon));
    });

    [ThreadStatic]
    private static List<AutomatonMatch>? t_matches;

    public Screener(ScreeningLexicon lexicon, IAdverseEventClassifier? classifier)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        Classifier = classifier;
    }

    public ScreeningLexicon Lexicon { get; }

    public IAdverseEventClassifier? Classifier { get; }

    /// <summary>The engine with the embedded lexicons and model (loaded once per process).</summary>
    public static Screener CreateDefault() => Default.Value;

    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = request.Text ?? string.Empty;
        var matches = t_matches ??= new List<AutomatonMatch>(64);
        matches.Clear();
        using var normalized = TextNormalizer.Normalize(text);
        Lexicon.Automaton.FindAll(normalized.Span, matches);
        var a = new TextAnalysis(text, normalized, Lexicon, matches, request.Language?.ToLowerInvariant());
        if (matches.Capacity > 4096)
        {
            t_matches = null; // do not keep a huge buffer alive after a huge text
        }

        var findings = new List<Finding>();
        var drugs = EngineDetectors.Drugs(a, request.Market, findings);
        double ae = EngineDetectors.AdverseEvents(a, request.Context, drugs, Classifier, findings);
        EngineDetectors.Inquiries(a, drugs, findings);
        EngineDetectors.Crisis(a, request.Context, findings);
        PersonalDataDetector.Detect(a, findings);
        var claims = EngineDetectors.Promotional(a, request.Context, findings);
        EngineDetectors.OffLabel(a, claims, drugs, request.Market, findings);
        EngineDetectors.Disclosure(a, request.Context, findings);
        EngineDetectors.Abuse(a, findings);

        findings.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : string.CompareOrdinal(x.Category, y.Category));
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!scores.TryGetValue(f.Category, out var s) || f.Score > s)
            {
                scores[f.Category] = f.Score;
            }
        }

        if (ae > 0 && !scores.ContainsKey(Categories.AdverseEvent))
        {
            scores[Categories.AdverseEvent] = Math.Round(ae, 3);
        }

        var categories = Categories.All.Where(c => findings.Exists(f => f.Category == c)).ToList();
        var ruleSet = request.RuleSet ?? DefaultRules.RuleSet;
        var eval = ruleSet.Evaluate(new RuleInput(request, a.Language, categories, findings, scores));
        if (eval.Fired.Count > 0)
        {
            for (int i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                var rule = eval.Fired.Where(r => r.Condition.ReferencedCategories().Contains(f.Category)).MaxBy(r => r.Action);
                if (rule is not null)
                {
                    findings[i] = f with { RuleId = rule.Id, ClauseRef = rule.ClauseRef };
                }
            }
        }

        return new ScreeningResult(categories, findings, eval.Decision, scores, eval.Reasons, a.Language);
    }

    /// <summary>Screens many texts in parallel; results are in request order.</summary>
    public IReadOnlyList<ScreeningResult> ScreenBatch(IReadOnlyList<ScreeningRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new ScreeningResult[requests.Count];
        if (requests.Count < 4)
        {
            for (int i = 0; i < requests.Count; i++)
            {
                results[i] = Screen(requests[i]);
            }

            return results;
        }

        Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = Screen(requests[i]));
        return results;
    }
}
