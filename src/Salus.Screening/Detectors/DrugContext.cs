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

    /// <summary>Whether sentence <paramref name="s"/> talks about health: a cue other than "on"/"off", a reaction, a condition...</summary>
    public static bool HealthTalk(TextAnalysis a, int s)
    {
        if (a.InSentence(LexiconKind.DrugCue, s).Any(c => !ContextFreeCues.Contains(c.Info.Term)))
        {
            return true;
        }

        // not efficacy or indication words: "against", "helps" are everywhere in other prose
        foreach (var kind in (ReadOnlySpan<LexiconKind>)[LexiconKind.Reaction, LexiconKind.Withdrawal, LexiconKind.AeCue,
            LexiconKind.Condition, LexiconKind.Inquiry])
        {
            if (a.AnyInSentence(kind, s))
            {
                return true;
            }
        }

        return false;
    }
}
