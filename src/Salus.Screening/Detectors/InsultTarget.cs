namespace Salus.Screening.Detectors;

/// <summary>Whom an insult is aimed at: the writer ("I'm such an idiot") or a thing ("stupid question") is no one to protect.</summary>
internal static class InsultTarget
{
    // what a mild insult can describe without insulting anyone: "stupid question", "domanda stupida", "dumb design"
    private static readonly HashSet<string> Things = new(StringComparer.Ordinal)
    {
        "question", "questions", "design", "packaging", "bottle", "cap", "app", "website", "mistake", "domanda", "domande",
        "confezione", "flacone", "tappo", "sito", "errore",
    };

    // the writer about themselves: "I'm an idiot", "I feel so stupid", "sono proprio scema", "che scema che sono"
    private static readonly string[] SelfBefore = ["i m", "im", "i am", "i feel", "i felt", "i was", "feel so", "sono", "mi sento", "mi sono sentita", "mi sono sentito"];

    /// <summary>An insult aimed at the writer or at a thing, not at a person: no abuse to hide.</summary>
    public static bool AimedAtNoOne(TextAnalysis a, Hit h)
    {
        var span = a.Normalized.Span;
        var before = span[..h.NStart].TrimEnd(' ');
        var after = span[h.NEnd..].TrimStart(' ');
        var things = Things.GetAlternateLookup<ReadOnlySpan<char>>();
        if (things.Contains(LastWord(before)) || things.Contains(FirstWord(after)))
        {
            return true;
        }

        // up to two words between ("I'm such an idiot", "sono proprio una scema")
        var near = before;
        for (int k = 0; k < 3 && near.Length > 0; k++)
        {
            foreach (var cue in SelfBefore)
            {
                if (near.EndsWith(cue, StringComparison.Ordinal) && (near.Length == cue.Length || near[^(cue.Length + 1)] == ' '))
                {
                    return true;
                }
            }

            int cut = near.LastIndexOf(' ');
            near = cut < 0 ? default : near[..cut];
        }

        return after.StartsWith("che sono", StringComparison.Ordinal); // "che scema che sono"
    }

    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> s) => s[(s.LastIndexOf(' ') + 1)..];

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s) => s.IndexOf(' ') is int i and >= 0 ? s[..i] : s;
}
