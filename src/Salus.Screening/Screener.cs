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
                EngineDetectors.Disclosure(request.Context, hasDisclosure: false, companyContent: true, findings); // a long text: assume it does
            }
        }

        if (request.Only is { } only)
        {
            findings.RemoveAll(f => !only.Contains(f.Category));
            ae = only.Contains(Categories.AdverseEvent) ? ae : 0;
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

        string quickLanguage = "";
        if (request.Only is { Count: 1 } only && only.Contains(Categories.DrugMention))
        {
            return DetectDrugsOnly(text, offset, normalized, matches, request, findings);
        }

        var depth = AlwaysAnalyse ? AnalysisDepth.Full : NeededDepth(text, normalized.Span, matches, request, out quickLanguage);
        if (depth != AnalysisDepth.Full)
        {
            // the common firehose case: no term that can lead to a finding; at most a number or an address to check
            if (depth == AnalysisDepth.PersonalDataPatterns)
            {
                PersonalDataDetector.DetectPatterns(text, findings);
                ShiftBy(findings, offset);
            }

            return (0, quickLanguage, false);
        }

        var a = new TextAnalysis(text, normalized, Lexicon, matches, request.Language?.ToLowerInvariant());

        var drugs = EngineDetectors.Drugs(a, request.Market, findings);
        double ae = EngineDetectors.AdverseEvents(a, request.Context, drugs, Classifier, findings, request.Product);
        EngineDetectors.Inquiries(a, request.Context, drugs, findings);
        EngineDetectors.Crisis(a, request.Context, findings);
        PersonalDataDetector.Detect(a, drugs, findings);
        var claims = EngineDetectors.Promotional(a, request.Context, findings);
        EngineDetectors.OffLabel(a, request.Context, claims, drugs, request.Market, findings);
        bool hasDisclosure = a.Of(LexiconKind.Disclosure).Count > 0;
        if (disclosureOverall is null)
        {
            EngineDetectors.Disclosure(request.Context, hasDisclosure, CompanyContent.In(text, drugs.Count > 0), findings);
        }

        EngineDetectors.Abuse(a, findings);
        ShiftBy(findings, offset);
        return (ae, a.Language, hasDisclosure);
    }

    /// <summary>
    /// Drug mentions alone: a text is analysed only when the automaton found a drug name or a word may be a misspelled one
    /// (the drug detector needs the analysis to judge names that are plain words), and no other detector runs.
    /// </summary>
    private (double Ae, string Language, bool HasDisclosure) DetectDrugsOnly(string text, int offset, NormalizedText normalized, List<AutomatonMatch> matches, ScreeningRequest request, List<Finding> findings)
    {
        int en = 0, it = 0;
        bool drug = false;
        foreach (var m in matches)
        {
            foreach (var info in Lexicon.Payload(m.Pattern))
            {
                drug |= info.Kind == LexiconKind.Drug;
                en += info.Kind == LexiconKind.Stopword && info.Language == "en" ? 1 : 0;
                it += info.Kind == LexiconKind.Stopword && info.Language == "it" ? 1 : 0;
            }
        }

        if (!drug && !AlwaysAnalyse && !MayHoldMisspelledDrug(normalized.Span))
        {
            var given = request.Language?.ToLowerInvariant();
            return (0, given is "en" or "it" ? given : TextAnalysis.DetectLanguage(en, it, text), false);
        }

        var a = new TextAnalysis(text, normalized, Lexicon, matches, request.Language?.ToLowerInvariant());
        EngineDetectors.Drugs(a, request.Market, findings);
        ShiftBy(findings, offset);
        return (0, a.Language, false);
    }

    /// <summary>Moves a segment's findings to offsets in the whole text.</summary>
    private static void ShiftBy(List<Finding> findings, int offset)
    {
        if (offset != 0)
        {
            for (int i = 0; i < findings.Count; i++)
            {
                findings[i] = findings[i] with { Start = findings[i].Start + offset, End = findings[i].End + offset };
            }
        }
    }

    /// <summary>How much of the engine a text needs (see <see cref="NeededDepth"/>).</summary>
    internal enum AnalysisDepth
    {
        /// <summary>No detector can report anything.</summary>
        None,

        /// <summary>Only the personal-data patterns (numbers, e-mails, identifiers, addresses) can: they need no analysis.</summary>
        PersonalDataPatterns,

        /// <summary>The full analysis and every detector.</summary>
        Full,
    }

    /// <summary>
    /// How much of the engine the text needs, read from the lexicon hits alone (language filtering aside, so it errs towards
    /// analysing). Without a term that can lead to a finding no detector reports anything or scores an adverse event:
    /// <list type="bullet">
    /// <item>a drug (or a word one edit from one), an inquiry, crisis, promotional or abusive term always needs the detectors —
    /// except a drug name that is also an ordinary word ("better"), which the drug detector keeps only near a drug cue or,
    /// written as a name, beside a reaction, condition or adverse-event cue: with none of these in the text it counts as a
    /// health term only;</item>
    /// <item>a reaction, withdrawal or adverse-event cue matters to the adverse-event detector in a received text that also
    /// refers to a medicine (a drug, or a drug cue other than the weak ones such as "take" or "doctor"), and in any received
    /// English text, where with a condition or strong drug cue it is the signal the unnamed-medicine reading needs (so is a
    /// first-person word there, which that reading takes at a higher threshold);</item>
    /// <item>a reaction or condition matters to the health-data check only with a person who can be identified: a person
    /// reference ("my son", "my name is"), a capitalised full name, a handle or contact data;</item>
    /// <item>'@', digits or a 16-char token may start personal data, which the patterns alone find — unless a reaction or
    /// condition is present, which contact data can tie to the writer (health data needs the analysis);</item>
    /// <item>employee shares need the disclosure check, and a received text whose product is known
    /// (<see cref="ScreeningRequest.Product"/>) the adverse-event detector: any of its sentences may report one.</item>
    /// </list>
    /// The equivalence test screens thousands of texts in every context with and without this shortcut.
    /// </summary>
    private AnalysisDepth NeededDepth(string text, ReadOnlySpan<char> span, List<AutomatonMatch> matches, ScreeningRequest request, out string language)
    {
        language = "";
        if (request.Context == ScreeningContext.EmployeeShare)
        {
            return AnalysisDepth.Full;
        }

        int en = 0, it = 0;
        bool health = false, person = false, medicine = false, aeCandidate = false, drugCue = false, ambiguousDrug = false;
        bool unnamedSignal = false, symptom = false;
        foreach (var m in matches)
        {
            foreach (var info in Lexicon.Payload(m.Pattern))
            {
                unnamedSignal |= UnnamedMedicine.MayReachClassifier(info);
                switch (info.Kind)
                {
                    case LexiconKind.Stopword when info.Language == "en":
                        en++;
                        break;
                    case LexiconKind.Stopword:
                        it++;
                        break;
                    case LexiconKind.Drug when info.Drug is { Ambiguous: true }:
                        ambiguousDrug = true; // "better", "control": kept only near a drug cue, else a health term at most
                        health = true;
                        break;
                    case LexiconKind.Drug or LexiconKind.Inquiry or LexiconKind.Crisis or LexiconKind.Promotional or LexiconKind.Abuse:
                        return AnalysisDepth.Full;
                    case LexiconKind.Reaction:
                        health = true;
                        aeCandidate = true;
                        symptom = true;
                        break;
                    case LexiconKind.Condition:
                        health = true;
                        symptom = true;
                        break;
                    case LexiconKind.Withdrawal or LexiconKind.AeCue:
                        aeCandidate = true;
                        break;
                    case LexiconKind.DrugCue:
                        drugCue = true;
                        medicine |= EngineDetectors.IsStrongDrugCue(info.Term);
                        break;
                    case LexiconKind.IdentityCue or LexiconKind.HealthPerson:
                        person = true;
                        break;
                    case LexiconKind.ThirdPerson:
                        person |= info.Term.Contains(' ', StringComparison.Ordinal); // "my son": a relative the text may name
                        break;
                }
            }
        }

        bool received = request.Context is ScreeningContext.Inbound or ScreeningContext.Community;
        if (received && request.Product is not null)
        {
            return AnalysisDepth.Full; // the medicine is known: any sentence may report an adverse event of it
        }

        // a drug name that is also a plain word counts beside a drug cue, or written as a name in health talk
        if ((ambiguousDrug && (drugCue || aeCandidate || symptom)) || (received && medicine && aeCandidate) || (health && (person || PersonalDataDetector.MayHoldFullName(text))))
        {
            return AnalysisDepth.Full;
        }

        var given = request.Language?.ToLowerInvariant();
        language = given is "en" or "it" ? given : TextAnalysis.DetectLanguage(en, it, text);
        if (received && unnamedSignal && Classifier is not null && UnnamedMedicine.Applies(language))
        {
            return AnalysisDepth.Full; // a health signal or first person in English: the classifier may read an adverse event of an unnamed medicine
        }

        bool patterns = text.AsSpan().IndexOfAny(PersonalDataStarts) >= 0 || PersonalDataDetector.MayHoldCodiceFiscale(text)
            || PersonalDataDetector.MayHoldObfuscatedEmail(text);
        if (health && patterns)
        {
            return AnalysisDepth.Full;
        }

        if (MayHoldMisspelledDrug(span))
        {
            return AnalysisDepth.Full;
        }

        return patterns ? AnalysisDepth.PersonalDataPatterns : AnalysisDepth.None;
    }

    /// <summary>Whether a word of the normalised text is long enough to be, and is, one edit from a drug name.</summary>
    private bool MayHoldMisspelledDrug(ReadOnlySpan<char> span)
    {
        for (int i = 0; i < span.Length;)
        {
            int end = span[i..].IndexOf(' ');
            end = end < 0 ? span.Length : i + end;
            if (end - i >= FuzzyDrugIndex.MinLength && Lexicon.Fuzzy.Find(span[i..end]) is not null)
            {
                return true;
            }

            i = end + 1;
        }

        return false;
    }

    /// <summary>How much of the engine <see cref="Screen"/> gives this request (benchmarks count the paths).</summary>
    internal AnalysisDepth DepthFor(ScreeningRequest request)
    {
        var matches = new List<AutomatonMatch>();
        string text = request.Text ?? string.Empty;
        using var normalized = TextNormalizer.Normalize(text);
        Lexicon.Automaton.FindAll(normalized.Span, matches);
        return text.Length <= SegmentChars ? NeededDepth(text, normalized.Span, matches, request, out _) : AnalysisDepth.Full;
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
