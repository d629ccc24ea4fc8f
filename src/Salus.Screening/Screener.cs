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
        // the classifier's weights are read on another core while the lexicons are built
        var model = Task.Run(AdverseEventClassifier.LoadEmbeddedModel);
        var lexicon = ScreeningLexicon.LoadEmbedded();
        return new Screener(lexicon, model.GetAwaiter().GetResult()?.With(lexicon));
    });

    [ThreadStatic]
    private static List<AutomatonMatch>? t_matches;

    /// <summary>For the equivalence test: run every detector even when the quick check says none can fire.</summary>
    internal bool AlwaysAnalyse { get; init; }

    public Screener(ScreeningLexicon lexicon, IAdverseEventClassifier? classifier)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        Classifier = classifier;
    }

    public ScreeningLexicon Lexicon { get; }

    public IAdverseEventClassifier? Classifier { get; }

    /// <summary>The engine with the embedded lexicons and model (loaded once per process).</summary>
    public static Screener CreateDefault() => Default.Value;

    /// <summary>
    /// Texts longer than this are screened in segments cut at sentence or word boundaries, so the per-text detector work
    /// (which compares hits with nearby hits) stays bounded per segment and the whole screen stays linear in the length.
    /// </summary>
    public const int SegmentChars = 16 * 1024;

    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = request.Text ?? string.Empty;
        var findings = new List<Finding>();
        double ae;
        string language;
        if (text.Length <= SegmentChars)
        {
            (ae, language, _) = Detect(text, 0, request, findings, disclosureOverall: null);
        }
        else
        {
            // one pass to learn whether any segment carries a disclosure, then the detectors per segment
            ae = 0;
            language = "";
            bool disclosure = false;
            var segments = Segments(text);
            var perSegment = new List<Finding>();
            foreach (var (start, end) in segments)
            {
                perSegment.Clear();
                var (segAe, segLang, segDisclosure) = Detect(text[start..end], start, request, perSegment, disclosureOverall: true);
                ae = Math.Max(ae, segAe);
                disclosure |= segDisclosure;
                if (language.Length == 0)
                {
                    language = segLang;
                }

                findings.AddRange(perSegment);
            }

            if (!disclosure)
            {
                EngineDetectors.Disclosure(request.Context, hasDisclosure: false, findings);
            }
        }

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

        var categories = new List<string>(4);
        foreach (var c in Categories.All)
        {
            if (scores.ContainsKey(c) && findings.Exists(f => f.Category == c))
            {
                categories.Add(c);
            }
        }

        var ruleSet = request.RuleSet ?? DefaultRules.RuleSet;
        var eval = ruleSet.Evaluate(new RuleInput(request, language, categories, findings, scores));
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

        return new ScreeningResult(categories, findings, eval.Decision, scores, eval.Reasons, language);
    }

    /// <summary>Runs the detectors over <paramref name="text"/> (a whole request or one segment starting at <paramref name="offset"/>).</summary>
    private (double Ae, string Language, bool HasDisclosure) Detect(string text, int offset, ScreeningRequest request, List<Finding> findings, bool? disclosureOverall)
    {
        var matches = t_matches ??= new List<AutomatonMatch>(64);
        matches.Clear();
        using var normalized = TextNormalizer.Normalize(text);
        Lexicon.Automaton.FindAll(normalized.Span, matches);
        if (matches.Capacity > 4096)
        {
            t_matches = null; // do not keep a huge buffer alive after a huge text
        }

        if (!AlwaysAnalyse && NothingToAnalyse(text, normalized.Span, matches, request, out var quickLanguage))
        {
            return (0, quickLanguage, false); // the common firehose case: no lexicon term, no personal-data candidate
        }

        var a = new TextAnalysis(text, normalized, Lexicon, matches, request.Language?.ToLowerInvariant());

        var drugs = EngineDetectors.Drugs(a, request.Market, findings);
        double ae = EngineDetectors.AdverseEvents(a, request.Context, drugs, Classifier, findings);
        EngineDetectors.Inquiries(a, drugs, findings);
        EngineDetectors.Crisis(a, request.Context, findings);
        PersonalDataDetector.Detect(a, findings);
        var claims = EngineDetectors.Promotional(a, request.Context, findings);
        EngineDetectors.OffLabel(a, claims, drugs, request.Market, findings);
        bool hasDisclosure = a.Of(LexiconKind.Disclosure).Count > 0;
        if (disclosureOverall is null)
        {
            EngineDetectors.Disclosure(request.Context, hasDisclosure, findings);
        }

        EngineDetectors.Abuse(a, findings);
        if (offset != 0)
        {
            for (int i = 0; i < findings.Count; i++)
            {
                findings[i] = findings[i] with { Start = findings[i].Start + offset, End = findings[i].End + offset };
            }
        }

        return (ae, a.Language, hasDisclosure);
    }

    /// <summary>
    /// The kinds without which no detector reports anything (outside employee shares, which need the disclosure check):
    /// every finding starts from a drug (or a drug cue), a reaction or condition (health data), an inquiry, a crisis,
    /// a promotional or an abusive term. Negations, pronouns, speculation, indication or efficacy words only qualify those.
    /// </summary>
    private static readonly bool[] CanTrigger = BuildTriggers();

    private static bool[] BuildTriggers()
    {
        var triggers = new bool[Enum.GetValues<LexiconKind>().Length];
        foreach (var kind in (LexiconKind[])[LexiconKind.Drug, LexiconKind.DrugCue, LexiconKind.Reaction, LexiconKind.Condition,
            LexiconKind.Inquiry, LexiconKind.Crisis, LexiconKind.Promotional, LexiconKind.Abuse])
        {
            triggers[(int)kind] = true;
        }

        return triggers;
    }

    /// <summary>
    /// True when no detector can fire: no lexicon term that can start a finding matched, no word could be a misspelled drug, nothing a
    /// personal-data pattern could start on ('@', digits, a 16-char token), and no disclosure is required.
    /// </summary>
    private bool NothingToAnalyse(string text, ReadOnlySpan<char> span, List<AutomatonMatch> matches, ScreeningRequest request, out string language)
    {
        language = "";
        if (request.Context == ScreeningContext.EmployeeShare || text.AsSpan().IndexOfAny(PersonalDataStarts) >= 0)
        {
            return false;
        }

        int en = 0, it = 0;
        foreach (var m in matches)
        {
            foreach (var info in Lexicon.Payload(m.Pattern))
            {
                if (info.Kind != LexiconKind.Stopword)
                {
                    if (CanTrigger[(int)info.Kind])
                    {
                        return false;
                    }

                    continue;
                }

                if (info.Language == "en")
                {
                    en++;
                }
                else
                {
                    it++;
                }
            }
        }

        // words long enough to be a misspelled drug name
        for (int i = 0; i < span.Length;)
        {
            int end = span[i..].IndexOf(' ');
            end = end < 0 ? span.Length : i + end;
            if (end - i >= FuzzyDrugIndex.MinLength && Lexicon.Fuzzy.Find(span[i..end]) is not null)
            {
                return false;
            }

            i = end + 1;
        }

        if (PersonalDataDetector.MayHoldCodiceFiscale(text))
        {
            return false;
        }

        var given = request.Language?.ToLowerInvariant();
        language = given is "en" or "it" ? given : TextAnalysis.DetectLanguage(en, it, text);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PersonalDataStarts = System.Buffers.SearchValues.Create("@0123456789");

    /// <summary>Cuts a long text into segments of at most <see cref="SegmentChars"/>, preferring sentence ends, then spaces.</summary>
    internal static List<(int Start, int End)> Segments(string text)
    {
        var list = new List<(int, int)>();
        int start = 0;
        while (start < text.Length)
        {
            int limit = Math.Min(text.Length, start + SegmentChars);
            int cut = limit;
            if (limit < text.Length)
            {
                var window = text.AsSpan(start + (SegmentChars / 2), limit - start - (SegmentChars / 2));
                int nl = window.LastIndexOfAny('\n', '.', '!');
                int sp = nl >= 0 ? nl : window.LastIndexOfAny(' ', '\t');
                cut = sp >= 0 ? start + (SegmentChars / 2) + sp + 1 : limit;
                if (char.IsHighSurrogate(text[cut - 1]))
                {
                    cut--; // never split a surrogate pair
                }
            }

            list.Add((start, cut));
            start = cut;
        }

        return list;
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
