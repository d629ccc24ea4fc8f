using System.Collections.Frozen;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>
/// An adverse event whose medicine goes unnamed: "had terrible nausea the first week", "it made me feel like a zombie",
/// written to an organisation's own channels, where the medicine is the one the thread is about (in its patient community
/// only when the text ties the experience to a treatment: patients there tell the symptoms of their illness all day).
/// PsyTAR's sentences are of this kind (cut from drug reviews, most never name the drug), and pharmacovigilance would rather
/// follow such a message up than miss it. Only the English classifier (trained on PsyTAR) can read them, so this path is
/// English only, and it is held back where a general complaint is more likely than a medicine:
/// <list type="bullet">
/// <item>the sentence carries a health signal the lexicon knows (a reaction, withdrawal, adverse-event or drug cue, a condition);</item>
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

    /// <summary>Whether a hit can be the health signal that lets a drug-less text reach the classifier (the depth check's test).</summary>
    public static bool IsSignal(TermInfo info) =>
        info.Kind is LexiconKind.Reaction or LexiconKind.Withdrawal or LexiconKind.AeCue or LexiconKind.Condition
        || (info.Kind == LexiconKind.DrugCue && EngineDetectors.IsStrongDrugCue(info.Term));

    /// <summary>Whether the path can apply to a received text in this language at all.</summary>
    public static bool Applies(string language) => language == "en";

    // "X gives me Y", "X made me Y", "X caused Y": the words before the verb are its cause
    private static readonly FrozenSet<string> CausalVerbs = FrozenSet.ToFrozenSet(
    [
        "give", "gives", "gave", "giving", "given", "make", "makes", "made", "making", "cause", "causes", "caused", "causing",
        "trigger", "triggers", "triggered", "triggering",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Objects = FrozenSet.ToFrozenSet(
        ["me", "my", "him", "her", "us", "them", "you", "everyone", "people"], StringComparer.Ordinal);

    // "Y because of X", "Y due to X", "Y from the X": the words after are its cause
    private static readonly (string First, string? Second)[] CausalLinks =
        [
            ("because", "of"), ("due", "to"), ("thanks", "to"), ("from", "the"), ("from", "this"), ("from", "that"), ("from", "all"),
            ("from", "a"), ("from", "an"), ("from", "my"), ("from", "too"),
        ];

    // words that name no cause: pronouns, determiners, conjunctions, adverbs, time, and what refers to a medicine
    private static readonly FrozenSet<string> Neutral = FrozenSet.ToFrozenSet(
    [
        "it", "its", "this", "that", "these", "those", "the", "a", "an", "my", "his", "her", "their", "your", "our",
        "i", "he", "she", "they", "we", "you", "which", "what", "who", "one", "ones", "stuff", "thing", "things", "s",
        "and", "but", "so", "or", "then", "now", "also", "just", "really", "always", "still", "even", "only", "definitely",
        "literally", "honestly", "seriously", "probably", "actually", "basically", "totally", "certainly", "def", "already",
        "first", "second", "third", "last", "next", "new", "higher", "lower", "high", "low", "same", "other", "another",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "night", "nights", "morning", "evening", "time",
        "times", "start", "beginning", "while", "after", "before", "since", "at", "in", "on", "for", "of", "to", "with",
        "is", "was", "are", "were", "does", "did", "do", "will", "would", "can", "could", "may", "might", "must", "should",
        "ever", "never", "sometimes", "usually", "often", "slightly", "little", "bit", "lot", "kind", "sort", "has", "had", "have", "been", "be", "being",
        "taking", "took", "take", "starting", "started", "stopping", "stopped", "quitting", "missing", "switching", "increasing",
        "upping", "lowering", "not", "no", "any", "every", "all", "some", "much", "more", "less", "too", "very",
    ], StringComparer.Ordinal);

    // words that refer to a medicine: the cause is then the medicine ("this med makes me irritable")
    private static readonly FrozenSet<string> MedicineWords = FrozenSet.ToFrozenSet(
    [
        "drug", "drugs", "med", "meds", "medicine", "medicines", "medication", "medications", "pill", "pills", "tablet",
        "tablets", "capsule", "capsules", "dose", "doses", "dosage", "dosing", "shot", "shots", "jab", "jabs", "injection",
        "injections", "vaccine", "vaccines", "booster", "treatment", "therapy", "prescription", "generic", "patch", "cream",
        "spray", "drops", "inhaler", "mg", "ml", "mcg",
    ], StringComparer.Ordinal);

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
            if (a.Sentences[s].IsQuestion || !HasSignal(a, s) || a.AnyInSentence(LexiconKind.CausalityDenial, s) || AllNegated(a, s)
                || NamesOtherCause(a, s))
            {
                continue;
            }

            float p = probability(s);
            if (p < Threshold)
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

    private static bool HasSignal(TextAnalysis a, int s) =>
        a.AnyInSentence(LexiconKind.Reaction, s) || a.AnyInSentence(LexiconKind.Withdrawal, s) || a.AnyInSentence(LexiconKind.AeCue, s)
        || a.AnyInSentence(LexiconKind.Condition, s)
        || a.Of(LexiconKind.DrugCue).Exists(h => h.Sentence == s && EngineDetectors.IsStrongDrugCue(h.Info.Term)); // not "take", "hours"

    // adverse-event cues that tell an experience but tie it to nothing: "I have a terrible headache and feel dizzy today"
    private static readonly FrozenSet<string> ExperienceOnly = FrozenSet.ToFrozenSet(
    [
        "i got", "i've got", "ive got", "i get", "i've had", "ive had", "i had", "i'm having", "im having", "having terrible",
        "experiencing", "i experienced", "i developed", "developed", "i feel", "i felt", "i was feeling", "i've been feeling",
        "ive been feeling", "i'm feeling", "im feeling", "i am feeling", "ended up",
    ], StringComparer.Ordinal);

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

    /// <summary>"No nausea at all, no side effects whatsoever": every reaction and side-effect cue of the sentence is negated.</summary>
    private static bool AllNegated(TextAnalysis a, int s)
    {
        bool any = false;
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal, LexiconKind.AeCue])
        {
            foreach (var h in a.Of(kind))
            {
                if (h.Sentence != s)
                {
                    continue;
                }

                if (!a.Before(LexiconKind.Negation, h, 4))
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

    /// <summary>"this weather gives me", "Mondays give me", "because of the heat": a cause that is not a medicine.</summary>
    internal static bool NamesOtherCause(TextAnalysis a, int s)
    {
        var words = Words(a, s);
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i].Text;
            if (CausalVerbs.Contains(w) && (w.StartsWith("caus", StringComparison.Ordinal) || w.StartsWith("trigger", StringComparison.Ordinal)
                || (i + 1 < words.Count && Objects.Contains(words[i + 1].Text))))
            {
                // nearest word first: "the only problem is this med makes me" names the medicine before anything else
                for (int j = i - 1; j >= Math.Max(0, i - 4); j--)
                {
                    var role = RoleOf(a, s, words[j], reactionIsCause: true);
                    if (role != Role.Neutral)
                    {
                        if (role == Role.Cause)
                        {
                            return true;
                        }

                        break;
                    }
                }
            }

            foreach (var (first, second) in CausalLinks)
            {
                if (w == first && i + 1 < words.Count && words[i + 1].Text == second)
                {
                    // "sweating because of the night sweats" names the reaction again, not another cause
                    for (int j = i + 2; j < Math.Min(words.Count, i + 5); j++)
                    {
                        var role = RoleOf(a, s, words[j], reactionIsCause: false);
                        if (role != Role.Neutral)
                        {
                            if (role == Role.Cause)
                            {
                                return true;
                            }

                            break;
                        }
                    }
                }
            }
        }

        return false;
    }

    private enum Role
    {
        Neutral,
        Medicine,
        Cause,
    }

    private static Role RoleOf(TextAnalysis a, int s, (string Text, int NStart, int NEnd) word, bool reactionIsCause)
    {
        if (MedicineWords.Contains(word.Text) || Covered(a, s, word, LexiconKind.DrugCue))
        {
            return Role.Medicine;
        }

        if (Neutral.Contains(word.Text) || word.Text.Any(char.IsDigit))
        {
            return Role.Neutral;
        }

        // a reaction or condition is a cause of its own before the verb ("the anxiety gives me insomnia"), the reaction
        // itself after a link ("no sleep because of the night sweats")
        if (Covered(a, s, word, LexiconKind.Reaction) || Covered(a, s, word, LexiconKind.Condition))
        {
            return reactionIsCause ? Role.Cause : Role.Neutral;
        }

        // other words the lexicon knows are medicine talk or people ("stopping it", "the withdrawal", "my husband")
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Withdrawal, LexiconKind.AeCue, LexiconKind.HealthPerson,
            LexiconKind.ThirdPerson, LexiconKind.FirstPerson, LexiconKind.Negation, LexiconKind.Speculation])
        {
            if (Covered(a, s, word, kind))
            {
                return Role.Neutral;
            }
        }

        return Role.Cause;
    }

    private static bool Covered(TextAnalysis a, int s, (string Text, int NStart, int NEnd) word, LexiconKind kind)
    {
        foreach (var h in a.Of(kind))
        {
            if (h.Sentence == s && h.NStart <= word.NStart && word.NEnd <= h.NEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The normalised words of sentence <paramref name="s"/> with their normalised offsets.</summary>
    private static List<(string Text, int NStart, int NEnd)> Words(TextAnalysis a, int s)
    {
        var span = a.Normalized.Span;
        var sentence = a.Sentences[s];
        var words = new List<(string, int, int)>();
        int i = 0;
        while (i < span.Length && a.Normalized.OriginalStart(i) < sentence.Start)
        {
            i++;
        }

        while (i < span.Length && a.Normalized.OriginalStart(i) < sentence.End)
        {
            if (span[i] == ' ')
            {
                i++;
                continue;
            }

            int start = i;
            while (i < span.Length && span[i] != ' ')
            {
                i++;
            }

            words.Add((span[start..i].ToString(), start, i));
        }

        return words;
    }
}
