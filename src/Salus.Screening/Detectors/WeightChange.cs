using System.Collections.Frozen;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>
/// A weight change told with its amount: "lost 15 pounds", "put on 10 kg", "ho preso 10 chili", "ingrassata di 8 chili".
/// The lexicon holds the unit words (reaction id <see cref="UnitTag"/>); a unit counts only after a number and a verb of
/// gaining or losing, and then the hit covers the whole phrase and says which change it was.
/// </summary>
internal static class WeightChange
{
    public const string UnitTag = "weight_change";

    private static readonly FrozenSet<string> Gain = FrozenSet.ToFrozenSet(
        ["gained", "gain", "gaining", "gains", "put", "packed", "piled", "preso", "presa", "presi", "prendere", "messo", "messa",
            "ingrassato", "ingrassata", "ingrassati", "ingrassate", "aumentato", "aumentata"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Loss = FrozenSet.ToFrozenSet(
        ["lost", "lose", "losing", "loses", "dropped", "drop", "dropping", "shed", "perso", "persa", "persi", "perdere", "dimagrito",
            "dimagrita", "calato", "calata"],
        StringComparer.Ordinal);

    // words between the verb and the amount: "put on about 10 kg", "ingrassata di quasi 8 chili"
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
        ["on", "su", "about", "like", "over", "almost", "nearly", "around", "roughly", "another", "an", "extra", "di", "circa",
            "quasi", "oltre", "tipo", "altri", "ben"],
        StringComparer.Ordinal);

    private static readonly TermInfo GainEn = Info("en", gain: true), LossEn = Info("en", gain: false);
    private static readonly TermInfo GainIt = Info("it", gain: true), LossIt = Info("it", gain: false);

    /// <summary>
    /// Where the phrase of the unit at <paramref name="unitStart"/> starts in the normalised text, how many words it adds
    /// before the unit, and the reaction it tells; null when the unit follows no number and verb.
    /// </summary>
    public static (int Start, int WordsBefore, TermInfo Info)? Before(ReadOnlySpan<char> span, int unitStart, string? language)
    {
        int end = unitStart - 1; // the space before the unit
        if (end <= 0 || !PreviousWord(span, end, out int numberStart) || !IsNumber(span[numberStart..end]))
        {
            return null;
        }

        int words = 1;
        int cursor = numberStart - 1;
        for (int fillers = 0; fillers < 3 && cursor > 0; fillers++)
        {
            if (!PreviousWord(span, cursor, out int start))
            {
                return null;
            }

            var word = span[start..cursor];
            words++;
            bool gain = Gain.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            if (gain || Loss.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return (start, words, InfoFor(language, gain));
            }

            if (!Fillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return null;
            }

            cursor = start - 1;
        }

        return null;
    }

    private static TermInfo InfoFor(string? language, bool gain) =>
        language == "it" ? (gain ? GainIt : LossIt) : (gain ? GainEn : LossEn);

    private static TermInfo Info(string language, bool gain) =>
        new(LexiconKind.Reaction, language, gain ? "weight gain" : "weight loss", gain ? "weight_gain" : "weight_loss", 0, null);

    /// <summary>The word of the normalised text that ends at <paramref name="end"/> (exclusive; the position of the space after it).</summary>
    internal static bool PreviousWord(ReadOnlySpan<char> span, int end, out int start)
    {
        start = end;
        while (start > 0 && span[start - 1] != ' ')
        {
            start--;
        }

        return start < end;
    }

    private static bool IsNumber(ReadOnlySpan<char> word) => word.Length is > 0 and <= 4 && !word.ContainsAnyExceptInRange('0', '9');
}
