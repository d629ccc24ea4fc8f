using System.Collections.Frozen;
using System.Globalization;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>Scores a sentence for "reports an adverse event" (0..1); implemented by the ML.NET classifier.</summary>
public interface IAdverseEventClassifier
{
    float Predict(string sentence);
}

/// <summary>The cue-based detectors. Each reads the shared <see cref="TextAnalysis"/> and adds findings.</summary>
internal static class EngineDetectors
{
    private static readonly HashSet<string> WeakDrugCues = new(StringComparer.Ordinal)
    {
        "take", "takes", "taking", "took", "taken", "started", "stopped", "on", "off", "daily", "every day", "twice a day",
        "doctor", "brand", "generic", "switched to", "prendo", "preso", "presa", "prendere", "prende", "prendeva",
        "assumo", "assunto", "assumere", "al giorno", "sospeso", "iniziato", "medico", "pharmacy", "farmacia",
        "pharmacist", "farmacista",
    };

    /// <summary>A drug cue that refers to a medicine by itself ("this med", "side effects"), unlike "take" or "doctor".</summary>
    public static bool IsStrongDrugCue(string term) => !WeakDrugCues.Contains(term);

    /// <summary>Adds drug-mention findings; returns the kept drug hits.</summary>
    public static List<Hit> Drugs(TextAnalysis a, string? market, List<Finding> findings)
    {
        // first the context each hit needs, then the longest of the overlapping hits left: "penicillin at the dentist" must
        // not lose "penicillin" to a longer DrugBank synonym ("Penicillin AT") that the context then drops
        var hits = new List<Hit>(a.Of(LexiconKind.Drug));
        var certain = new Dictionary<int, List<Hit>>();
        foreach (var h in hits)
        {
            if (!h.Info.Drug!.Ambiguous && h.Info.Tag != "fuzzy")
            {
                (certain.TryGetValue(h.Sentence, out var list) ? list : certain[h.Sentence] = []).Add(h);
            }
        }

        // another medicine named for certain in the sentence, apart from this hit: only the few hits overlapping it are
        // passed over before one that does not, so this stays linear on texts made of nothing but drug names
        bool otherMedicine(Hit h)
        {
            if (certain.TryGetValue(h.Sentence, out var list))
            {
                foreach (var o in list)
                {
                    if (o.NEnd <= h.NStart || o.NStart >= h.NEnd)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // a brand that is also a plain word ("Today", "Better", "System") needs a cue that takes a name: a strong one within
        // five words ("mg", "prescribed", "compresse"), a weak one right before it ("taking", "prendo il"); "turn on the
        // system" is no medicine. A reference names its own medicine ("the flu jab"), so it vouches for no word beside it.
        var nameCues = DrugContext.CuesThatTakeAName(a.Of(LexiconKind.DrugCue));

        // a misspelling is a guess: it counts in a sentence that talks about health or names a medicine, not among the names
        // and identifiers of other prose ("Solaris", "symlink", "Steffen")
        bool dropped(Hit h) => h.Info.Tag == "fuzzy"
            ? !otherMedicine(h) && !DrugContext.HealthTalk(a, h.Sentence)
            : h.Info.Drug!.Ambiguous && !otherMedicine(h) && !DrugContext.Vouched(nameCues, h)
                && !(DrugContext.NamedMidSentence(a, h) && DrugContext.HealthTalk(a, h.Sentence)) && !DrugContext.CausesAReaction(a, h);
        hits.RemoveAll(dropped);

        // drop a drug hit contained in a longer one ("acido" inside "acido acetilsalicilico"): hits come ordered by start
        // (longer first at the same start), so one sweep with the furthest end seen so far decides, in linear time
        var kept = new List<Hit>(hits.Count);
        int maxEnd = -1, maxEndStart = int.MaxValue;
        foreach (var h in hits)
        {
            bool contained = maxEnd > h.NEnd || (maxEnd == h.NEnd && maxEndStart < h.NStart);
            bool duplicate = kept.Count > 0 && kept[^1].NStart == h.NStart && kept[^1].NEnd == h.NEnd;
            if (h.NEnd > maxEnd)
            {
                maxEnd = h.NEnd;
                maxEndStart = h.NStart;
            }

            if (!contained && !duplicate)
            {
                kept.Add(h);
            }
        }

        foreach (var h in kept)
        {
            var d = h.Info.Drug!;
            var details = new Dictionary<string, string>
            {
                ["product"] = d.Product,
                ["surface"] = d.Surface,
            };
            if (d.Ingredients.Count > 0)
            {
                details["ingredients"] = string.Join("; ", d.Ingredients);
            }

            if (d.DrugBankId is not null)
            {
                details["drugbank"] = d.DrugBankId;
            }

            if (d.Aic is not null)
            {
                details["aic"] = d.Aic;
            }

            if (d.Atc is not null)
            {
                details["atc"] = d.Atc;
            }

            if (d.OrangeBookApplNo is not null)
            {
                details["orange-book"] = d.OrangeBookApplNo;
            }

            if (d.PrescriptionUs is { } us)
            {
                details["rx-us"] = us ? "true" : "false";
            }

            if (d.PrescriptionIt is { } it)
            {
                details["rx-it"] = it ? "true" : "false";
            }

            if (d.PrescriptionIn(market) is { } rx)
            {
                details["prescription-only"] = rx ? "true" : "false";
            }

            if (h.Info.Tag == "fuzzy")
            {
                details["fuzzy"] = "true"; // a misspelling one edit away from the surface
            }

            double score = h.Info.Tag == "fuzzy" ? 0.75 : d.Ambiguous ? 0.7 : d.Sources == "d" ? 0.85 : 0.95;
            findings.Add(new Finding(Categories.DrugMention, h.Start, h.End, a.Text[h.Start..h.End], d.Code, score, details));
        }

        return kept;
    }

    /// <summary>Adverse events: a (named or referred) medicine plus an experienced, non-suppressed reaction.</summary>
    /// <param name="product">The medicine the text is known to be about (<see cref="ScreeningRequest.Product"/>), or null.</param>
    public static double AdverseEvents(TextAnalysis a, ScreeningContext context, List<Hit> drugs, IAdverseEventClassifier? classifier, List<Finding> findings,
        string? product = null)
    {
        if (context is not (ScreeningContext.Inbound or ScreeningContext.Community))
        {
            return 0; // adverse events are reported by the public; the organisation's own posts are reviewed by other rules
        }

        var strongCues = a.Of(LexiconKind.DrugCue).Where(h => IsStrongDrugCue(h.Info.Term)).ToList();
        bool known = product is not null; // every sentence has its medicine
        // no medicine named or referred to: only an unnamed-medicine reading can report (see UnnamedMedicine)
        bool nothingNamed = drugs.Count == 0 && strongCues.Count == 0 && !known;
        if (nothingNamed && (classifier is null || !UnnamedMedicine.Applies(a.Language)))
        {
            return 0;
        }

        int sentences = a.Sentences.Count;
        bool shortText = sentences <= 4;

        bool DrugNear(int s) => drugs.Exists(d => shortText || Math.Abs(d.Sentence - s) <= 2);
        bool ReferenceNear(int s) => known || strongCues.Exists(d => Math.Abs(d.Sentence - s) <= (shortText ? 3 : 1));

        var candidates = nothingNamed ? []
            : a.Of(LexiconKind.Reaction).Concat(a.Of(LexiconKind.Withdrawal)).Concat(a.Of(LexiconKind.AeCue)).ToList();
        double best = 0;
        Hit? bestHit = null;
        var perSentenceP = new Dictionary<int, float>();

        float P(int s)
        {
            if (classifier is null)
            {
                return -1;
            }

            if (!perSentenceP.TryGetValue(s, out var p))
            {
                var ss = a.Sentences[s];
                p = classifier is Classification.AdverseEventClassifier shipped
                    ? shipped.Predict(a, s) // may reuse this analysis instead of analysing the sentence again
                    : classifier.Predict(a.Text[ss.Start..ss.End]);
                perSentenceP[s] = p;
            }

            return p;
        }

        foreach (var r in candidates)
        {
            int s = r.Sentence;
            bool named = DrugNear(s);
            if (!named && !ReferenceNear(s))
            {
                continue;
            }

            if (IsSuppressed(a, r) || IntendedEffect(r, drugs))
            {
                r.Suppressed = true;
                continue;
            }

            bool person = a.AnyInSentence(LexiconKind.FirstPerson, s) || a.AnyInSentence(LexiconKind.ThirdPerson, s)
                || (s > 0 && a.AnyInSentence(LexiconKind.FirstPerson, s - 1));
            bool aeCue = a.AnyInSentence(LexiconKind.AeCue, s);
            // stopping or missing a dose ("tapered", "ho sospeso") is no reaction: like a bare cue it needs a reaction or the classifier
            bool process = r.Kind == LexiconKind.Withdrawal && r.Info.Tag == "process";
            double rule = r.Kind switch
            {
                LexiconKind.Reaction => 0.6,
                LexiconKind.Withdrawal => process ? 0.3 : 0.6,
                // a bare cue: "side effects" counts, "made me"/"been on" alone needs the classifier's support
                _ => IsSideEffectCue(r.Info.Term) ? 0.45 : 0.3,
            };
            if (named)
            {
                rule += 0.15;
            }

            if (person)
            {
                rule += 0.1;
            }

            if (aeCue && r.Kind != LexiconKind.AeCue)
            {
                rule += 0.1;
            }

            if (r.Info.Value == 1)
            {
                rule += 0.05;
            }

            if ((r.Kind == LexiconKind.AeCue || process) && !a.AnyInSentence(LexiconKind.Reaction, s) && !person)
            {
                rule -= 0.1;
            }

            rule = Math.Min(rule, 0.99);

            // the classifier only matters where it can change the outcome: a rule score so strong that even p = 0
            // flags (>= DecisiveRule), or a candidate that cannot beat the best so far, is not worth a prediction
            double score;
            if (classifier is null || rule >= DecisiveRule)
            {
                score = rule;
            }
            else if ((0.65 * rule) + 0.35 <= best)
            {
                continue;
            }
            else
            {
                score = (0.65 * rule) + (0.35 * P(s));
            }

            if (score > best)
            {
                best = score;
                bestHit = r;
                if (best >= 0.9)
                {
                    break; // flagged with a strong score: further candidates cannot change the outcome
                }
            }
        }

        // The classifier alone may report an adverse event, but only in a sentence that names a medicine,
        // is told in first person, is not a question, and has no negation/speculation/indication cue.
        if (classifier is not null && best < 0.5)
        {
            // in the sentences that name the medicine or, when the text is known to be about one, in every sentence
            var anchors = known && drugs.Count == 0 ? SentenceAnchors(a) : drugs;
            foreach (var d in anchors)
            {
                int s = d.Sentence;
                if (a.Sentences[s].IsQuestion || !a.AnyInSentence(LexiconKind.FirstPerson, s)
                    || a.AnyInSentence(LexiconKind.Speculation, s) || a.AnyInSentence(LexiconKind.Negation, s)
                    || a.AnyInSentence(LexiconKind.Efficacy, s) || a.AnyInSentence(LexiconKind.Indication, s))
                {
                    continue;
                }

                float p = P(s);
                if (p >= 0.9 && 0.6 * p > best)
                {
                    best = 0.6 * p;
                    bestHit = d;
                }
            }
        }

        bool unnamed = false;
        // no medicine in the text and nothing found so far: the classifier's reading of a sentence with a health signal
        // (with the product known it is that product's; else it is unnamed)
        if (classifier is not null && best < 0.5 && drugs.Count == 0 && UnnamedMedicine.Find(a, context, P) is { } reading)
        {
            (bestHit, best, unnamed) = (reading.Hit, reading.Score, !known);
        }

        if (bestHit is not null && best >= 0.5)
        {
            var details = new Dictionary<string, string>
            {
                ["reaction"] = bestHit.Kind == LexiconKind.Withdrawal ? bestHit.Info.Term : bestHit.Info.Tag ?? bestHit.Info.Term,
                ["evidence"] = bestHit.Info == SentenceAnchor ? "classifier" : bestHit.Kind.ToString().ToLowerInvariant(),
            };
            if (bestHit.Kind == LexiconKind.Withdrawal)
            {
                details["withdrawal"] = "true";
            }

            if (bestHit.Kind == LexiconKind.Reaction && bestHit.Info.Value == 1)
            {
                details["serious"] = "true";
            }

            var drug = drugs.OrderBy(d => Math.Abs(d.Sentence - bestHit.Sentence)).FirstOrDefault();
            if (drug is not null)
            {
                details["product"] = drug.Info.Drug!.Product;
            }
            else if (product is not null)
            {
                details["product"] = product;
                details["product-from"] = "request"; // not named in the text: what the text is known to be about
            }
            else if (unnamed)
            {
                details["product-from"] = "not-named"; // pharmacovigilance has to ask which medicine
            }

            if (perSentenceP.TryGetValue(bestHit.Sentence, out var cp))
            {
                details["classifier"] = cp.ToString("0.000", CultureInfo.InvariantCulture);
            }

            string code = bestHit.Kind switch
            {
                LexiconKind.Drug => "classifier",
                LexiconKind.Withdrawal => "withdrawal", // its tag only says whether the term is the syndrome or the stopping
                _ => bestHit.Info.Tag ?? bestHit.Kind.ToString().ToLowerInvariant(),
            };
            findings.Add(new Finding(Categories.AdverseEvent, bestHit.Start, bestHit.End, a.Text[bestHit.Start..bestHit.End], code, Math.Round(best, 3), details));
        }

        return best;
    }

    /// <summary>One stand-in hit per sentence, spanning it: where the classifier alone may report when the medicine is known.</summary>
    private static List<Hit> SentenceAnchors(TextAnalysis a)
    {
        var anchors = new List<Hit>(a.Sentences.Count);
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            var (start, end) = Trimmed(a, s);
            anchors.Add(new Hit { Info = SentenceAnchor, Start = start, End = end, Sentence = s });
        }

        return anchors;
    }

    /// <summary>Sentence <paramref name="s"/> of the original text without its leading and trailing white space.</summary>
    internal static (int Start, int End) Trimmed(TextAnalysis a, int s)
    {
        var span = a.Sentences[s];
        int start = span.Start, end = Math.Min(span.End, a.Text.Length);
        while (start < end && char.IsWhiteSpace(a.Text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(a.Text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    // what a sentence stand-in reports: the classifier's reading of the whole sentence
    internal static readonly TermInfo SentenceAnchor = new(LexiconKind.Drug, null, "sentence", "classifier", 0, null);

    /// <summary>0.65 × rule ≥ 0.5: flagged whatever the classifier says.</summary>
    private const double DecisiveRule = 0.5 / 0.65;

    internal static bool IsSideEffectCue(string term) =>
        term.Contains("side effect", StringComparison.Ordinal) || term.Contains("effett", StringComparison.Ordinal)
        || term.Contains("reaction", StringComparison.Ordinal) || term.Contains("reazion", StringComparison.Ordinal)
        || term.Contains("withdrawal", StringComparison.Ordinal) || term.Contains("astinenza", StringComparison.Ordinal);

    // ingredients whose purpose is to lose weight (or of which weight loss is the effect patients seek): on them weight
    // loss is what the medicine is for, not a reaction ("Con Wegovy ho perso 18 chili")
    private static readonly FrozenSet<string> WeightLossIngredients = FrozenSet.ToFrozenSet(
        ["semaglutide", "tirzepatide", "liraglutide", "orlistat", "phentermine", "naltrexone", "setmelanotide", "lorcaserin"],
        StringComparer.OrdinalIgnoreCase);

    private static bool IntendedEffect(Hit r, List<Hit> drugs) =>
        r.Info.Tag == "weight_loss" && drugs.Exists(d => d.Info.Drug is { } entry && entry.Ingredients.Any(WeightLossIngredients.Contains));

    private static bool IsSuppressed(TextAnalysis a, Hit r)
    {
        int s = r.Sentence;
        if (a.Negated(r, 4) || a.AnyInSentence(LexiconKind.CausalityDenial, s))
        {
            return true;
        }

        if (a.AnyInSentence(LexiconKind.Speculation, s))
        {
            return true;
        }

        // relief near the reaction, not the reaction's own words ("libido is gone" is no "gone" of relief) nor relief on the
        // other side of a "but" ("worked wonders for my depression, but I gained a ton of weight")
        if (a.Before(LexiconKind.Indication, r, 3)
            || a.Of(LexiconKind.Efficacy).Exists(e => !(e.NStart >= r.NStart && e.NEnd <= r.NEnd) && TextAnalysis.WithinWords(e, r, 5) && !a.Separated(e, r)))
        {
            return true;
        }

        // a question is an inquiry, unless it also tells an experience in first person ("I get X on Y, is it normal?")
        if (a.Sentences[s].IsQuestion)
        {
            bool experience = a.AnyInSentence(LexiconKind.FirstPerson, s) && !a.AnyInSentence(LexiconKind.Inquiry, s)
                || a.InSentence(LexiconKind.Inquiry, s).Any(h => h.Info.Tag == "is-it-normal");
            return !experience;
        }

        return false;
    }

    /// <summary>Medical-information requests.</summary>
    public static void Inquiries(TextAnalysis a, ScreeningContext context, List<Hit> drugs, List<Finding> findings)
    {
        if (context is not (ScreeningContext.Inbound or ScreeningContext.Community))
        {
            return; // the organisation's own posts and replies ask medical information nothing
        }

        // a cue that says "medicine" ("pills", "dose", "taking"), not one that only names a place or a person ("pharmacy",
        // "doctor"): "a che ora apre la farmacia?" asks for opening hours
        bool medicine(int s) => drugs.Exists(d => Math.Abs(d.Sentence - s) <= 1)
            || a.Of(LexiconKind.DrugCue).Exists(c => Math.Abs(c.Sentence - s) <= 1 && DrugContext.SaysMedicine(c.Info.Term))
            || a.AnyInWindow(LexiconKind.Withdrawal, s, 1);
        // an emergency is a medical topic too: "what are the symptoms of a stroke?"
        bool medicalTopic(int s) => medicine(s) || a.AnyInWindow(LexiconKind.Reaction, s, 1) || a.AnyInWindow(LexiconKind.Condition, s, 1)
            || a.Of(LexiconKind.Crisis).Exists(c => Math.Abs(c.Sentence - s) <= 1 && c.Info.Tag == "emergency");

        foreach (var h in a.Of(LexiconKind.Inquiry))
        {
            var sent = a.Sentences[h.Sentence];
            bool atStart = h.Word - a.FirstWordOfSentence[h.Sentence] <= 2;
            bool strongKind = h.Info.Tag is "can-i" or "dosage" or "interaction" or "is-it-normal" or "advice";
            // a topic cue ("symptoms of", "cura per") asks only in a question: "Withdraw symptoms of drug lasted 3 weeks" tells
            bool topic = h.Info.Tag == "topic";
            // "took all my sertraline and a bottle of wine. I don't feel good. what do I do": advice is asked about the whole text
            bool advice = h.Info.Tag == "advice";
            if (!(sent.IsQuestion || (atStart && !topic) || strongKind)
                || !(advice ? Enumerable.Range(0, a.Sentences.Count).Any(medicalTopic) : medicalTopic(h.Sentence)))
            {
                continue;
            }

            // a statement asks nothing about a symptom alone: "too much coffee today, I'm shaking" tells, "I think I took too
            // much ibuprofen" still reaches medical information
            if (!sent.IsQuestion && !(advice ? Enumerable.Range(0, a.Sentences.Count).Any(medicine) : medicine(h.Sentence)))
            {
                continue;
            }

            double score = sent.IsQuestion ? 0.9 : atStart ? 0.75 : 0.65;
            string kind = topic || advice ? "general" : h.Info.Tag ?? "general";
            findings.Add(new Finding(Categories.MedicalInquiry, h.Start, h.End, a.Text[h.Start..h.End], kind, score,
                new Dictionary<string, string> { ["kind"] = kind }));
            return;
        }

        // "Zoloft and weight gain?" — a question about a named medicine; the name alone ("Xanax? Never touched it") echoes
        // someone else's words
        foreach (var d in drugs)
        {
            var sent = a.Sentences[d.Sentence];
            int words = (d.Sentence + 1 < a.Sentences.Count ? a.FirstWordOfSentence[d.Sentence + 1] : a.WordCount) - a.FirstWordOfSentence[d.Sentence];
            if (sent.IsQuestion && words > d.WordEnd - d.Word + 1 && !a.AnyInSentence(LexiconKind.Abuse, d.Sentence))
            {
                var (start, end) = Trimmed(a, d.Sentence);
                findings.Add(new Finding(Categories.MedicalInquiry, start, end, a.Text[start..end], "general", 0.6,
                    new Dictionary<string, string> { ["kind"] = "general" }));
                return;
            }
        }
    }

    public static void Crisis(TextAnalysis a, ScreeningContext context, List<Finding> findings)
    {
        if (context is not (ScreeningContext.Inbound or ScreeningContext.Community))
        {
            return; // the organisation's own posts talk about crisis topics; people in crisis write in
        }

        bool? stillUrgent = null; // read once per text, and only when an emergency is told in the past
        (int Start, int End) last = (-1, -1);
        foreach (var h in a.Of(LexiconKind.Crisis))
        {
            if ((h.Start, h.End) == last)
            {
                continue; // one finding per span: a term both languages list ("overdose") is one crisis
            }

            if (a.Before(LexiconKind.Negation, h, 2) || a.AnyInSentence(LexiconKind.CrisisTopic, h.Sentence))
            {
                continue;
            }

            var sent = a.Sentences[h.Sentence];
            if (sent.IsQuestion && a.AnyInSentence(LexiconKind.Speculation, h.Sentence) && h.Info.Tag is "overdose" or "emergency")
            {
                continue;
            }

            if (h.Info.Tag == "emergency" && PastEmergency(a, h) && !(stillUrgent ??= SaysStillUrgent(a.Text)))
            {
                continue; // "I had a seizure 3 days after they upped my dose": an adverse event to report, not one to answer now
            }

            last = (h.Start, h.End);
            findings.Add(new Finding(Categories.Crisis, h.Start, h.End, a.Text[h.Start..h.End], h.Info.Tag ?? "crisis", 0.9,
                new Dictionary<string, string> { ["kind"] = h.Info.Tag ?? "crisis" }));
        }
    }

    // words that tell an emergency in the past: "had a seizure", "ha avuto uno shock anafilattico"
    private static readonly string[] PastMarkers = ["had", "avuto", "sono"]; // "sono svenuta": the writer fainted and is writing

    // anything that says the emergency is still going on or asks for help
    /// <summary>Whether an urgency word stands in the text as a word of its own ("now", not the "now" in "know").</summary>
    private static bool SaysStillUrgent(string text)
    {
        var rest = text.AsSpan();
        int offset = 0;
        for (int i = rest.IndexOfAny(StillUrgent); i >= 0; i = rest.IndexOfAny(StillUrgent))
        {
            // a match that starts a word and whose urgency word ends one ("now", not "know" nor "nowhere")
            int at = offset + i;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && EndsAWord(text, at))
            {
                return true;
            }

            offset = at + 1;
            rest = text.AsSpan(offset);
        }

        return false;
    }

    private static bool EndsAWord(string text, int at)
    {
        foreach (var word in StillUrgentWords)
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] StillUrgentWords =
    [
        "now", "help", "please", "911", "999", "112", "118", "ambulance", "ambulanza", "what do i do", "what should i do",
        "what do we do", "cosa faccio", "cosa facciamo", "cosa devo fare", "adesso", "aiuto", "still", "ancora", "not responding",
        "non risponde", "not breathing", "non respira", "is having", "sta avendo", "right away", "subito", "urgent", "urgente",
    ];

    private static readonly System.Buffers.SearchValues<string> StillUrgent = System.Buffers.SearchValues.Create(StillUrgentWords, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An emergency told in the past: "had", "ha avuto" within three words before it. The caller also checks that the text
    /// shows no sign that it goes on or that help is asked for (a substring test, so "know" counts as "now": it errs towards
    /// the crisis).
    /// </summary>
    private static bool PastEmergency(TextAnalysis a, Hit h)
    {
        var span = a.Normalized.Span;
        var before = span[..h.NStart].TrimEnd(' ');
        bool past = false;
        for (int k = 0; k < 3 && !before.IsEmpty && !past; k++)
        {
            int cut = before.LastIndexOf(' ');
            var word = before[(cut + 1)..];
            foreach (var marker in PastMarkers)
            {
                past |= word.SequenceEqual(marker);
            }

            before = cut < 0 ? default : before[..cut];
        }

        // "I fainted", "I passed out": told by the writer, in the past
        var term = span[h.NStart..h.NEnd];
        return past || (span[..h.NStart].EndsWith("i ") && (h.NStart == 2 || span[h.NStart - 3] == ' ')
            && (term.EndsWith("ed") || term.EndsWith(" out")));
    }

    /// <summary>Promotional claims; returns the claim hits kept (for off-label).</summary>
    public static List<Hit> Promotional(TextAnalysis a, ScreeningContext context, List<Finding> findings)
    {
        var kept = new List<Hit>();
        bool received = context is ScreeningContext.Inbound or ScreeningContext.Community;
        foreach (var h in a.Of(LexiconKind.Promotional))
        {
            if (a.Before(LexiconKind.Negation, h, 2) && h.Info.Tag != "safety")
            {
                continue;
            }

            var sent = a.Sentences[h.Sentence];
            if (sent.IsQuestion)
            {
                continue; // "is it 100% safe?" is a question, not a claim
            }

            // "I had no side effects", "a miracle for my asthma": a patient's experience, not a promotional claim
            if (received && (a.AnyInSentence(LexiconKind.FirstPerson, h.Sentence) || a.AnyInSentence(LexiconKind.Efficacy, h.Sentence)
                || a.AnyInSentence(LexiconKind.Negation, h.Sentence)))
            {
                continue;
            }

            if (h.Info.Tag is "off-label" or "rx-to-public")
            {
                kept.Add(h); // a claim only about a medicine, which OffLabel knows
                continue;
            }

            kept.Add(h);
            findings.Add(new Finding(Categories.PromotionalClaim, h.Start, h.End, a.Text[h.Start..h.End], h.Info.Tag ?? "claim", 0.85,
                new Dictionary<string, string> { ["kind"] = h.Info.Tag ?? "claim" }));
        }

        return kept;
    }

    /// <summary>
    /// Off-label: an explicit off-label cue beside a medicine. Where the law forbids advertising prescription medicines to
    /// the public (the EU, Directive 2001/83/EC art. 88; Italy), a claim about one in the organisation's own voice is also a
    /// promotional claim ("Lo Zoloft funziona anche per le vampate", "chiedi al tuo medico se l'Eutirox è adatto a te"). In
    /// the US such advertising is lawful under FDA rules, so there it is judged by its claims alone.
    /// </summary>
    public static void OffLabel(TextAnalysis a, ScreeningContext context, List<Hit> claims, List<Hit> drugs, string? market, List<Finding> findings)
    {
        bool medicine = drugs.Count > 0 || a.Of(LexiconKind.DrugCue).Count > 0;
        bool ownVoice = context is ScreeningContext.Outbound or ScreeningContext.Reply or ScreeningContext.EmployeeShare;
        bool noRxAdvertising = !string.Equals(market, "US", StringComparison.OrdinalIgnoreCase);
        bool rx = drugs.Exists(d => d.Info.Drug?.PrescriptionIn(market) == true);
        bool offLabel = false, promoted = findings.Exists(f => f.Category == Categories.PromotionalClaim);
        foreach (var c in claims)
        {
            if (!offLabel && c.Info.Tag == "off-label" && medicine)
            {
                offLabel = true;
                findings.Add(new Finding(Categories.OffLabel, c.Start, c.End, a.Text[c.Start..c.End], "off-label-use", 0.8,
                    new Dictionary<string, string> { ["kind"] = "off-label-use" }));
            }

            if (!promoted && ownVoice && noRxAdvertising && rx && c.Info.Tag is "off-label" or "rx-to-public")
            {
                promoted = true;
                findings.Add(new Finding(Categories.PromotionalClaim, c.Start, c.End, a.Text[c.Start..c.End], "rx-to-public", 0.8,
                    new Dictionary<string, string> { ["kind"] = "rx-to-public" }));
            }
        }
    }

    /// <summary>An employee's share that speaks for or about the company (<see cref="CompanyContent"/>) without the disclosure.</summary>
    public static void Disclosure(ScreeningContext context, bool hasDisclosure, bool companyContent, List<Finding> findings)
    {
        if (context != ScreeningContext.EmployeeShare || hasDisclosure || !companyContent)
        {
            return;
        }

        findings.Add(new Finding(Categories.MissingDisclosure, 0, 0, "", "no-disclosure", 0.9,
            new Dictionary<string, string> { ["required"] = "#employee" }));
    }

    public static void Abuse(TextAnalysis a, List<Finding> findings)
    {
        // one finding per span, at the highest severity any list gives the term
        foreach (var h in a.Of(LexiconKind.Abuse).GroupBy(h => (h.Start, h.End)).Select(g => g.MaxBy(h => h.Info.Value)!))
        {
            if (h.Info.Value <= 2 && InsultTarget.AimedAtNoOne(a, h))
            {
                continue; // threats and slurs (severity 3) are abuse whoever they name
            }

            double score = h.Info.Value switch { >= 3 => 0.95, 2 => 0.85, _ => 0.7 };
            findings.Add(new Finding(Categories.Abuse, h.Start, h.End, a.Text[h.Start..h.End], "severity-" + h.Info.Value.ToString(CultureInfo.InvariantCulture), score,
                new Dictionary<string, string> { ["severity"] = h.Info.Value.ToString(CultureInfo.InvariantCulture) }));
        }
    }
}
