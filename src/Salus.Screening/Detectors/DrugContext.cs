using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>
/// The context that makes a drug name that is also a plain word ("Moment", "Trittico", "Today"), or a misspelling, a medicine:
/// a verb of taking right before it, health talk around it, a name written as a name.
/// </summary>
internal static class DrugContext
{
    // weak cues that take a medicine's name right after them ("taking Moment", "prendo il Moment"), unlike "on", "off",
    // "daily" or "doctor", which ordinary prose is full of ("on the same line", "signed-off-by")
    private static readonly HashSet<string> TakingVerbs = new(StringComparer.Ordinal)
    {
        "take", "takes", "taking", "took", "taken", "started", "stopped", "switched to", "prendo", "preso", "presa", "prendere",
        "prende", "prendeva", "assumo", "assunto", "assumere", "iniziato", "sospeso",
    };

    public static bool IsTakingVerb(string term) => TakingVerbs.Contains(term);

    /// <summary>A drug cue that says "medicine": a strong one ("pills", "mg", "the vaccine") or a verb of taking, not "doctor" or "on".</summary>
    public static bool SaysMedicine(string term) => EngineDetectors.IsStrongDrugCue(term) || IsTakingVerb(term);

    // weak cues that say nothing of health by themselves
    private static readonly HashSet<string> ContextFreeCues = new(StringComparer.Ordinal)
    {
        "on", "off", "daily", "every day", "twice a day", "al giorno", "brand", "generic",
    };

    /// <summary>
    /// "il medico mi ha dato il Trittico": written as a name (capital, then lower case) where a plain word would not be, inside
    /// the sentence rather than at its start.
    /// </summary>
    public static bool NamedMidSentence(TextAnalysis a, Hit h) =>
        h.Word > a.FirstWordOfSentence[h.Sentence] && char.IsUpper(a.Text[h.Start]) && h.Start + 1 < h.End && char.IsLower(a.Text[h.Start + 1]);

    /// <summary>
    /// Whether sentence <paramref name="s"/> talks about health: a drug cue other than "on"/"off", a side-effect word, a
    /// reaction, withdrawal, a condition, a medical question.
    /// </summary>
    public static bool HealthTalk(TextAnalysis a, int s)
    {
        if (a.InSentence(LexiconKind.DrugCue, s).Any(c => !ContextFreeCues.Contains(c.Info.Term)))
        {
            return true;
        }

        // of the adverse-event cues only the side-effect words: "thanks to", "from the", "i got" are in any prose
        if (a.InSentence(LexiconKind.AeCue, s).Any(c => EngineDetectors.IsSideEffectCue(c.Info.Term)))
        {
            return true;
        }

        // not efficacy or indication words: "against", "helps" are everywhere in other prose
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal, LexiconKind.Condition, LexiconKind.Inquiry])
        {
            if (a.AnyInSentence(kind, s))
            {
                return true;
            }
        }

        return false;
    }

    // what follows a medicine that causes something ("cipro gave me", "il Cipralex mi fa"), normalised as the text is
    private static readonly string[] CausalFollowers =
    [
        " gave me ", " gives me ", " give me ", " made me ", " makes me ", " is making me ", " has me ", " had me ", " got me ",
        " caused me ", " caused ", " causes ", " mi ha dato ", " mi da ", " mi fa ", " mi ha fatto ", " mi ha causato ", " mi causa ",
        " mi provoca ", " mi ha provocato ",
    ];

    /// <summary>
    /// "cipro gave me tendon pain": the name is the subject of a verb that causes, and a reaction follows in its sentence.
    /// A plain word rarely gives anyone a named reaction ("Mondays give me a headache" has no brand in it).
    /// </summary>
    public static bool CausesAReaction(TextAnalysis a, Hit h)
    {
        var rest = a.Normalized.Span[h.NEnd..];
        foreach (var follower in CausalFollowers)
        {
            if (rest.StartsWith(follower, StringComparison.Ordinal))
            {
                int after = h.NEnd + follower.Length;
                return a.Of(LexiconKind.Reaction).Exists(r => r.Sentence == h.Sentence && r.NStart >= after - 1 && r.Word - h.WordEnd <= 8);
            }
        }

        return false;
    }

    /// <summary>A cue that can vouch for a name: a strong one (within five words) or a verb of taking (right before it).</summary>
    internal readonly record struct NameCue(Hit Hit, bool Strong);

    /// <summary>
    /// The drug cues that can vouch for a name, in text order: strong cues and verbs of taking, not a reference ("the flu
    /// jab") nor a cue inside one ("shot" in "booster shot"). One sweep over the cues, which come ordered by start.
    /// </summary>
    public static List<NameCue> CuesThatTakeAName(List<Hit> cues)
    {
        var result = new List<NameCue>(cues.Count);
        int coverEnd = -1; // the furthest end of the references that start at or before the current cue
        int r = 0;
        foreach (var c in cues)
        {
            if (c.Info.Tag == "reference")
            {
                continue;
            }

            while (r < cues.Count && cues[r].NStart <= c.NStart)
            {
                if (cues[r].Info.Tag == "reference")
                {
                    coverEnd = Math.Max(coverEnd, cues[r].NEnd);
                }

                r++;
            }

            if (c.NEnd > coverEnd && SaysMedicine(c.Info.Term))
            {
                result.Add(new NameCue(c, EngineDetectors.IsStrongDrugCue(c.Info.Term)));
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a cue vouches for the name at <paramref name="h"/>: a strong one within five words, a verb of taking at most
    /// two words before it. A binary search finds the first cue that can be that near, so a text made of nothing but cues
    /// and names stays fast.
    /// </summary>
    public static bool Vouched(List<NameCue> cues, Hit h)
    {
        const int Reach = 5, LongestCue = 10; // words a drug cue spans at most, with room to spare
        int lo = 0, hi = cues.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cues[mid].Hit.Word < h.Word - Reach - LongestCue)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo; i < cues.Count && cues[i].Hit.Word <= h.WordEnd + Reach; i++)
        {
            var (c, strong) = cues[i];
            if (c.Sentence != h.Sentence)
            {
                continue;
            }

            if (strong ? TextAnalysis.WithinWords(c, h, Reach) : c.NEnd <= h.NStart && h.Word - c.WordEnd <= 2)
            {
                return true;
            }
        }

        return false;
    }
}
