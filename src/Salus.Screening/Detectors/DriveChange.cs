using System.Collections.Frozen;

namespace Salus.Screening.Detectors;

/// <summary>
/// "Libido" and "sex drive" name a function, not a reaction: "my libido is completely gone" reports one, "I have a sex
/// drive again" and "my sex drive did not get any less" do not. Such a noun is a reaction only with a word of change
/// beside it that no negation turns round.
/// </summary>
internal static class DriveChange
{
    private static readonly FrozenSet<string> Nouns = FrozenSet.ToFrozenSet(["libido", "labido", "sex drive"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Change = FrozenSet.ToFrozenSet(
    [
        "gone", "lost", "lose", "losing", "low", "lower", "lowered", "no", "zero", "decreased", "decrease", "decreasing", "reduced",
        "reduction", "dropped", "drop", "dropping", "down", "disappeared", "vanished", "killed", "kills", "killing", "nonexistent",
        "non", "less", "lack", "dead", "died", "tanked", "shot", "plummeted", "absent", "nil", "diminished", "suffered", "suffers",
        "increased", "increase", "higher", "crazy", "insane", "through", "nothing", "none", "hit", "loss", "removes", "removed",
        "crushed", "destroyed", "ruined", "took", "takes", "affected", "affects", "impacted", "messed", "worse",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(
        ["not", "never", "didn", "don", "doesn", "isn", "wasn", "hasn", "haven", "hadn", "won", "nt"], StringComparer.Ordinal);

    public static bool IsDriveNoun(string term) => Nouns.Contains(term);

    /// <summary>
    /// The phrase from the change word to the noun ("killed my sex drive") or from the noun to it ("libido is completely
    /// gone") in the normalised text, when a change word stands within three words before or four after the noun at
    /// [start, end); else null. The phrase is the reaction's span, so that "gone" in it is not read as relief.
    /// </summary>
    public static (int Start, int End)? Changed(ReadOnlySpan<char> span, int start, int end)
    {
        int cursor = start - 1;
        for (int i = 0; i < 3 && cursor > 0 && WeightChange.PreviousWord(span, cursor, out int wordStart); i++)
        {
            if (Change.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[wordStart..cursor]))
            {
                return (wordStart, end);
            }

            cursor = wordStart - 1;
        }

        bool negated = false;
        cursor = end + 1;
        for (int i = 0; i < 4 && cursor < span.Length; i++)
        {
            int wordEnd = span[cursor..].IndexOf(' ');
            wordEnd = wordEnd < 0 ? span.Length : cursor + wordEnd;
            var word = span[cursor..wordEnd];
            negated |= Negations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            if (Change.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return negated ? null : (start, wordEnd);
            }

            cursor = wordEnd + 1;
        }

        return null;
    }
}
