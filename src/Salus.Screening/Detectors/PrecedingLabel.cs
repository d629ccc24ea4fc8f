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

    /// <summary>
    /// Whether the number at <paramref name="index"/> is introduced as the writer's phone ("call me at", "my cell:",
    /// "chiamami al"): such a number is a phone even when its digits fail the numbering plan ("555-123-4567").
    /// </summary>
    public static bool IsPhone(string text, int index) => Phone().IsMatch(Before(text, index));

    /// <summary>Whether the number at <paramref name="index"/> is introduced as a US social security number.</summary>
    public static bool IsSsn(string text, int index) => Ssn().IsMatch(Before(text, index));

    private static ReadOnlySpan<char> Before(string text, int index) => text.AsSpan(Math.Max(0, index - Reach), Math.Min(index, Reach));

    [GeneratedRegex(@"(?<![\p{L}])(?:partita\s+iva|p\.?\s?iva|vat|order|ordine|tracking|invoice|fattura|pratica|lotto|lot|batch|aic|minsan|nre|ricetta|prescription|codice|code|id|ticket|member|tessera|reference|ref|riferimento|protocollo|claim|account|conto|policy|polizza|ssn|social(?:\s+security)?(?:\s+number)?)(?:\s+(?:n[or]?|num(?:ber|ero)?|#))?\.?\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OtherIdentifier();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:our|nostr[aoie])\s+(?:[\p{L}-]+\s+){0,2}(?:office|offices|headquarters|hq|clinic|store|shop|site|lab|labs|campus|plant|factory|pharmacy|branch|sede|sedi|ufficio|uffici|clinica|negozio|stabilimento|laboratorio|farmacia|filiale)|we\s+are|we're|siamo|find\s+us|visit\s+us|ci\s+trovi|ci\s+trovate|vieni\s+a\s+trovarci|venite\s+a\s+trovarci)(?![\p{L}])[^.!?\n]{0,30}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Premises();

    [GeneratedRegex(@"(?<![\p{L}])(?:call|text|ring|phone|reach|contact|chiama|chiamami|chiamatemi|richiamami|richiamatemi|contattami|contattatemi|scrivimi|scrivetemi)(?:\s+(?:me|us|ci))?\s+(?:at|on|al|allo|alla)\s*$|(?<![\p{L}])(?:(?:my|our|phone|cell|mobile|contact|home|work)\s+(?:number|no)|phone|cell|cellphone|mobile|tel|telephone|whatsapp|cellulare|telefono|mio\s+numero|numero\s+di\s+(?:telefono|cellulare))(?:\s+(?:is|è|e'))?\.?\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\p{L}])(?:ssn|social(?:\s+security)?(?:\s+number)?|social\s+security\s+no)(?:\s+(?:is|was))?\.?\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Ssn();
}
