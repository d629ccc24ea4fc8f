using System.Collections.Frozen;
using Salus.Screening.Lexicons;
using Salus.Screening.Normalization;

namespace Salus.Screening.Detectors;

/// <summary>
/// An adverse event whose medicine goes unnamed: "had terrible nausea the first week", "it made me feel like a zombie",
/// written to an organisation's own channels, where the medicine is the one the thread is about (in its patient community
/// only when the text ties the experience to a treatment: patients there tell the symptoms of their illness all day).
/// PsyTAR's sentences are of this kind (cut from drug reviews, most never name the drug), and pharmacovigilance would rather
/// follow such a message up than miss it. Only the English classifier (trained on PsyTAR) can read them, so this path is
/// English only, and it is held back where a general complaint is more likely than a medicine:
/// <list type="bullet">
/// <item>the sentence carries a health signal the lexicon knows (a reaction, withdrawal, adverse-event or drug cue, a condition),
/// or is told in first person and the classifier is sure of it (<see cref="FirstPersonThreshold"/>);</item>
/// <item>it is not a question (a medical inquiry), denies no causality, and does not negate every reaction it names;</item>
/// <item>it does not name another cause: "this weather gives me a headache", "Mondays give me a headache", "a headache
/// because of the heat";</item>
/// <item>the classifier's probability is at least <see cref="Threshold"/> (on its rescaled output: its tuned threshold).</item>
/// </list>
/// The finding says <c>product-from: not-named</c> so that pharmacovigilance knows the product has to be asked for.
/// </summary>
internal static class UnnamedMedicine
{
    public const float Threshold = 0.5f;

    /// <summary>
    /// A first-person sentence with no health signal the lexicon knows ("head is so mucked up I can barely move or think") is
    /// read too, but the classifier must be surer of it: at 0.8 the labelled sets lose nothing and PsyTAR dev gains recall.
    /// </summary>
    public const float FirstPersonThreshold = 0.8f;

    /// <summary>The sentence tells what others say or warns (speculation cues tagged <c>hearsay</c>), not the writer's experience.</summary>
    private static bool SecondHand(TextAnalysis a, int s) =>
        a.Of(LexiconKind.Speculation).Exists(h => h.Sentence == s && h.Info.Tag == "hearsay");

    /// <summary>
    /// A relief cue that relieves: not one that only says something went down (tag <c>reduction</c>: "a reduction in my
    /// ability to concentrate" is a reaction), not a denied one ("nothing helped"), not one a "but" follows.
    /// </summary>
    private static bool Relieves(TextAnalysis a, Hit e) =>
        e.Info.Tag != "reduction" && !a.Negated(e, 2) && !a.Before(LexiconKind.Negation, e, 1) && !a.ScopeEndsAfter(e);

    /// <summary>Whether a hit is a health signal that lets a drug-less sentence reach the classifier at <see cref="Threshold"/>.</summary>
    public static bool IsSignal(TermInfo info) =>
        info.Kind is LexiconKind.Reaction or LexiconKind.Withdrawal or LexiconKind.AeCue or LexiconKind.Condition
        || (info.Kind == LexiconKind.DrugCue && EngineDetectors.IsStrongDrugCue(info.Term)); // not "take", "hours"

    /// <summary>Whether a hit can let a drug-less text reach the classifier at all (the depth check's test): a health signal or a first-person word.</summary>
    public static bool MayReachClassifier(TermInfo info) => info.Kind == LexiconKind.FirstPerson || IsSignal(info);

    /// <summary>Whether the path can apply to a received text in this language at all.</summary>
    public static bool Applies(string language) => language == "en";

    /// <summary>
    /// The best unnamed-medicine reading of the text, or null. <paramref name="probability"/> is the classifier's memoised
    /// per-sentence probability.
    /// </summary>
    public static (Hit Hit, double Score, float P)? Find(TextAnalysis a, ScreeningContext context, Func<int, float> probability)
    {
        if (!Applies(a.Language))
        {
            return null;
        }

        // on the organisation's own channels a symptom is read against its medicines; in the patient community, where
        // people tell their illness, only a symptom tied to a treatment is
        if (context == ScreeningContext.Community && !LinksToTreatment(a))
        {
            return null;
        }

        (Hit, double, float)? best = null;
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            bool signal = HasSignal(a, s);
            if (a.Sentences[s].IsQuestion || !(signal || a.AnyInSentence(LexiconKind.FirstPerson, s))
                || a.AnyInSentence(LexiconKind.CausalityDenial, s) || AllNegated(a, s) || OtherCause.IsNamed(a, s) || SecondHand(a, s))
            {
                continue;
            }

            // with no reaction word to read, a word of relief says what the sentence is about ("it controlled my ruminating,
            // a relief"), unless it is denied ("nothing helped") or a "but" follows it ("it worked, but my gut is screwed up")
            if (!signal && a.Of(LexiconKind.Efficacy).Exists(e => e.Sentence == s && Relieves(a, e)))
            {
                continue;
            }

            float p = probability(s);
            if (p < (signal ? Threshold : FirstPersonThreshold))
            {
                continue;
            }

            // 0.5 at the threshold to 0.8 at certainty: below a named medicine's scores
            double score = 0.5 + (0.3 * (p - Threshold) / (1 - Threshold));
            if (best is null || score > best.Value.Item2)
            {
                best = (Evidence(a, s), score, p);
            }
        }

        return best;
    }

    internal static bool HasSignal(TextAnalysis a, int s)
    {
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal, LexiconKind.AeCue, LexiconKind.Condition, LexiconKind.DrugCue])
        {
            if (a.Of(kind).Exists(h => h.Sentence == s && IsSignal(h.Info)))
            {
                return true;
            }
        }

        return false;
    }

    // adverse-event cues that tell an experience but tie it to nothing: "I have a terrible headache and feel dizzy today";
    // normalised as the lexicon holds them ("i've had" is "i ve had")
    internal static readonly FrozenSet<string> ExperienceOnly = FrozenSet.ToFrozenSet(
        new[]
        {
            "i got", "i've got", "ive got", "i get", "i've had", "ive had", "i had", "i'm having", "im having", "having terrible",
            "experiencing", "i experienced", "i developed", "developed", "i feel", "i felt", "i was feeling", "i've been feeling",
            "ive been feeling", "i'm feeling", "im feeling", "i am feeling", "ended up",
        }.Select(TextNormalizer.NormalizeTerm),
        StringComparer.Ordinal);

    /// <summary>
    /// Something in the text ties the experience to a treatment: a drug cue ("the pills", "dose", "taking"), withdrawal, or a
    /// causal or temporal cue ("made me", "since starting", "side effects"). A symptom told on its own ("I have a terrible
    /// headache today") is as likely the illness as a medicine, and patients tell those all day.
    /// </summary>
    private static bool LinksToTreatment(TextAnalysis a)
    {
        if (a.Of(LexiconKind.DrugCue).Count > 0 || a.Of(LexiconKind.Withdrawal).Count > 0)
        {
            return true;
        }

        foreach (var h in a.Of(LexiconKind.AeCue))
        {
            if (!ExperienceOnly.Contains(h.Info.Term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "No nausea at all, no side effects whatsoever": every reaction and side-effect cue of the sentence is negated. Crisis
    /// words count as reactions here: "wanted to kill myself…, when I hadn't been suicidal before" negates only the past.
    /// </summary>
    internal static bool AllNegated(TextAnalysis a, int s)
    {
        bool any = false;
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal, LexiconKind.AeCue, LexiconKind.Crisis])
        {
            foreach (var h in a.Of(kind))
            {
                if (h.Sentence != s)
                {
                    continue;
                }

                // negated, or relieved ("a definite decrease in my anger and anxiety")
                if (!a.Negated(h, 4) && !a.Before(LexiconKind.Efficacy, h, 3))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>The reaction the sentence names, or the whole sentence when only the classifier read one.</summary>
    private static Hit Evidence(TextAnalysis a, int s)
    {
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal])
        {
            foreach (var h in a.Of(kind))
            {
                if (h.Sentence == s)
                {
                    return h;
                }
            }
        }

        var (start, end) = EngineDetectors.Trimmed(a, s);
        return new Hit { Info = EngineDetectors.SentenceAnchor, Start = start, End = end, Sentence = s };
    }
}
