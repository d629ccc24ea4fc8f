using System.Collections.Frozen;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>
/// Whether an English sentence names a cause of its reaction other than a medicine: the words before "gives me / made me /
/// caused" ("this weather gives me a headache", "Mondays give me…") or after "because of / due to / from the" ("a headache
/// because of the heat"), nearest word first; a medicine word there ("this med makes me") makes the medicine the cause.
/// </summary>
internal static class OtherCause
{
    // "X gives me Y", "X made me Y", "X caused Y": the words before the verb are its cause
    private static readonly FrozenSet<string> CausalVerbs = FrozenSet.ToFrozenSet(
    [
        "give", "gives", "gave", "giving", "given", "make", "makes", "made", "making", "cause", "causes", "caused", "causing",
        "trigger", "triggers", "triggered", "triggering",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Objects = FrozenSet.ToFrozenSet(
        ["me", "my", "him", "her", "us", "them", "you", "everyone", "people"], StringComparer.Ordinal);

    // "Y because of X", "Y due to X", "Y from the X": the words after are its cause
    private static readonly (string First, string Second)[] CausalLinks =
        [
            ("because", "of"), ("due", "to"), ("thanks", "to"), ("from", "the"), ("from", "this"), ("from", "that"), ("from", "all"),
            ("from", "a"), ("from", "an"), ("from", "my"), ("from", "too"),
        ];

    // words that name no cause: pronouns, determiners, conjunctions, auxiliaries, adverbs, time, treatment verbs
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
        "ever", "never", "sometimes", "usually", "often", "slightly", "little", "bit", "lot", "kind", "sort", "has", "had",
        "have", "been", "be", "being",
        "taking", "took", "take", "starting", "started", "stopping", "stopped", "quitting", "missing", "switching", "increasing",
        "upping", "lowering", "not", "no", "any", "every", "all", "some", "much", "more", "less", "too", "very",
        "turn", "guess", "think", "thought", "suppose", "believe", "bet", "reckon", "assume", "know", "figure", "sure", "say", "said",
    ], StringComparer.Ordinal);

    // words that refer to a medicine and that the drug-cue lexicon (checked beside this list) does not hold: the cause is
    // then the medicine ("this inhaler makes me shaky")
    private static readonly FrozenSet<string> MedicineWords = FrozenSet.ToFrozenSet(
    [
        "medicines", "dosing", "shots", "jab", "jabs", "injections", "vaccine", "vaccines", "booster", "treatment", "therapy",
        "patch", "cream", "spray", "drops", "inhaler", "ml",
    ], StringComparer.Ordinal);

    // everyday causes of the same symptoms, named after "too much / too many" ("too much coffee today, I'm shaking"); only
    // there, since "crazy drunk with less alcohol" on a medicine is its reaction
    private static readonly FrozenSet<string> EverydayCauses = FrozenSet.ToFrozenSet(
    [
        "coffee", "coffees", "caffeine", "espresso", "espressos", "tea", "coke", "soda", "energy", "redbull", "wine", "beer",
        "beers", "vodka", "whisky", "whiskey", "gin", "tequila", "shots", "booze", "alcohol", "drinks", "drinking", "sugar",
        "chocolate", "candy", "food", "pizza", "junk", "salt", "sun", "work", "stress", "screen", "screens", "gym", "exercise",
        "running", "partying", "cigarettes", "smoking",
    ], StringComparer.Ordinal);

    // ailments with an everyday cause of their own, which the reaction lexicon also holds: before "gives me" they are a
    // cause ("sunburn is giving me chills"), where another reaction there is one reaction leading to the next
    private static readonly FrozenSet<string> EverydayAilments = FrozenSet.ToFrozenSet(
        ["sunburn", "sunburnt", "sunstroke", "jetlag", "lag", "hangover", "hungover", "cold", "flu", "period", "periods", "pms",
            "teething", "pregnancy", "injury", "workout"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Hangover = FrozenSet.ToFrozenSet(["hangover", "hungover"], StringComparer.Ordinal);

    /// <summary>
    /// "this weather gives me", "Mondays give me", "because of the heat", "too much coffee", "hungover": a cause that is
    /// not a medicine.
    /// </summary>
    public static bool IsNamed(TextAnalysis a, int s)
    {
        var words = Words(a, s);
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i].Text;
            // "sleeping too much lately" says how much, "too much noise" of what: only the latter names a cause of its own
            bool adverbial = i > 0 && (words[i - 1].Text.EndsWith("ing", StringComparison.Ordinal) || words[i - 1].Text.EndsWith("ed", StringComparison.Ordinal));
            if (Hangover.Contains(w) || (w == "too" && i + 2 < words.Count && words[i + 1].Text is "much" or "many" && EverydayCauseAt(a, s, words, i + 2, adverbial)))
            {
                return true;
            }

            // "shaking before my job interview": an event the writer faces is the cause
            if (w == "before" && i + 2 < words.Count && words[i + 1].Text is "my" or "the" or "a" or "an" or "our"
                && (Events.Contains(words[i + 2].Text) || (i + 3 < words.Count && Events.Contains(words[i + 3].Text))))
            {
                return true;
            }

            if (CausalVerbs.Contains(w) && (w.StartsWith("caus", StringComparison.Ordinal) || w.StartsWith("trigger", StringComparison.Ordinal)
                || (i + 1 < words.Count && Objects.Contains(words[i + 1].Text))))
            {
                // nearest word first: "the only problem is this med makes me" names the medicine before anything else; a
                // conjunction first means the verb's subject is left out ("works for my depression, but caused hunger")
                for (int j = i - 1; j >= Math.Max(0, i - 4); j--)
                {
                    if (words[j].Text is "but" or "and" or "then" or "yet")
                    {
                        break;
                    }

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

    /// <summary>
    /// An everyday cause at <paramref name="i"/>, after at most two determiners ("too many beers", "too much of that wine"):
    /// a listed one, or any word that is no medicine, reaction or other lexicon term ("too much noise"); "too much ibuprofen"
    /// and "too much pain" name none.
    /// </summary>
    private static bool EverydayCauseAt(TextAnalysis a, int s, List<(string Text, int NStart, int NEnd)> words, int i, bool adverbial)
    {
        for (int skipped = 0; skipped < 2 && i + 1 < words.Count && words[i].Text is "of" or "the" or "my" or "that" or "this"; skipped++)
        {
            i++;
        }

        return EverydayCauses.Contains(words[i].Text)
            || (!adverbial && !BodyWords.Contains(words[i].Text) && !Covered(a, s, words[i], LexiconKind.Drug) && RoleOf(a, s, words[i], reactionIsCause: false) == Role.Cause);
    }

    // what the body has too much of is the reaction, not its cause ("put on too much weight", "too much sweat"), and time
    // words say when, not what ("too much lately")
    private static readonly FrozenSet<string> BodyWords = FrozenSet.ToFrozenSet(
        ["weight", "sleep", "energy", "hair", "appetite", "sweat", "sweating", "gas", "saliva", "blood", "fluid", "water", "mucus", "heat",
            "lately", "recently", "today", "tonight", "yesterday", "again", "anymore", "lol"],
        StringComparer.Ordinal);

    // events that make anyone shake or lose sleep before them
    private static readonly FrozenSet<string> Events = FrozenSet.ToFrozenSet(
    [
        "interview", "exam", "exams", "test", "presentation", "meeting", "date", "wedding", "flight", "match", "game", "speech",
        "performance", "concert", "audition", "competition", "race", "deadline", "trip", "gig", "finals", "show",
    ], StringComparer.Ordinal);

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

        // a condition is a cause of its own before the verb ("the anxiety gives me insomnia"), a reaction there is one
        // reaction leading to another ("the nightmares make me not want to sleep"), and after a link either is the
        // reaction itself ("no sleep because of the night sweats")
        if (Covered(a, s, word, LexiconKind.Condition) || (reactionIsCause && EverydayAilments.Contains(word.Text)))
        {
            return reactionIsCause ? Role.Cause : Role.Neutral;
        }

        if (Covered(a, s, word, LexiconKind.Reaction))
        {
            return reactionIsCause ? Role.Medicine : Role.Neutral;
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
