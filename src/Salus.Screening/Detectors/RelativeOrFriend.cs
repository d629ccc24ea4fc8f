using System.Collections.Frozen;

namespace Salus.Screening.Detectors;

/// <summary>
/// Person references that point at someone other than the writer ("my brother", "la mia vicina", "our son"), and the
/// conditions that are a diagnosis worth protecting rather than a passing illness.
/// </summary>
internal static class RelativeOrFriend
{
    /// <summary>How far, in words, a diagnosis may be from the person it belongs to ("my son on Keppra for his epilepsy").</summary>
    public const int MaxWords = 12;

    // condition ids (conditions.*.tsv) that pass or are not a diagnosis: "my mum has the flu" tells nothing lasting
    private static readonly FrozenSet<string> PassingConditions = FrozenSet.ToFrozenSet(
        ["flu", "covid", "infection", "pneumonia", "uti", "insomnia", "vertigo", "pregnancy", "smoking", "acne"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Possessives = FrozenSet.ToFrozenSet(
        ["my", "our", "mio", "mia", "miei", "mie", "nostro", "nostra", "nostri", "nostre"], StringComparer.Ordinal);

    /// <summary>Whether a person-reference term (normalised, as the lexicon holds it) names someone close to the writer.</summary>
    public static bool IsRelative(string term)
    {
        if (term is "my name is" or "mi chiamo")
        {
            return false;
        }

        foreach (var word in term.Split(' '))
        {
            if (Possessives.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the condition id is a passing illness (or no illness) rather than a diagnosis.</summary>
    public static bool IsPassing(string? conditionId) => conditionId is null || PassingConditions.Contains(conditionId);
}
