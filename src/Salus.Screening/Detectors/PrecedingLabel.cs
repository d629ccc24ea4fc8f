using System.Text.RegularExpressions;

namespace Salus.Screening.Detectors;

/// <summary>
/// What the words just before a number or an address say it is: "partita iva 01234567890" and "order no. 0612345678" are
/// not phone numbers, and "our office is at 250 Park Ave" is the organisation's own address, not a person's.
/// </summary>
internal static partial class PrecedingLabel
{
    private const int Reach = 48;

    /// <summary>Whether the number at <paramref name="index"/> is labelled as an identifier other than a phone number.</summary>
    public static bool IsOtherIdentifier(string text, int index) => OtherIdentifier().IsMatch(Before(text, index));

    /// <summary>Whether the address at <paramref name="index"/> is introduced as an organisation's premises.</summary>
    public static bool IsOrganisationPremises(string text, int index) => Premises().IsMatch(Before(text, index));

    private static ReadOnlySpan<char> Before(string text, int index) => text.AsSpan(Math.Max(0, index - Reach), Math.Min(index, Reach));

    [GeneratedRegex(@"(?<![\p{L}])(?:partita\s+iva|p\.?\s?iva|vat|order|ordine|tracking|invoice|fattura|pratica|lotto|lot|batch|aic|minsan|nre|ricetta|prescription|codice|code|id|ticket|member|tessera)(?:\s+(?:n[or]?|num(?:ber|ero)?|#))?\.?\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OtherIdentifier();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:our|nostr[aoie])\s+(?:[\p{L}-]+\s+){0,2}(?:office|offices|headquarters|hq|clinic|store|shop|site|lab|labs|campus|plant|factory|pharmacy|branch|sede|sedi|ufficio|uffici|clinica|negozio|stabilimento|laboratorio|farmacia|filiale)|we\s+are|we're|siamo|find\s+us|visit\s+us|ci\s+trovi|ci\s+trovate|vieni\s+a\s+trovarci|venite\s+a\s+trovarci)(?![\p{L}])[^.!?\n]{0,30}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Premises();
}
