using System.Collections.Frozen;

namespace Salus.Screening.Detectors;

/// <summary>
/// Whether an employee's post speaks for or about the company (its medicines, "our new clinic", "we're hiring", "my
/// colleagues' campaign"), which needs the policy's disclosure; a sunset or a service award does not.
/// </summary>
internal static class CompanyContent
{
    private static readonly FrozenSet<string> Markers = FrozenSet.ToFrozenSet(
    [
        "our", "ours", "we", "us", "nostro", "nostra", "nostri", "nostre", "noi", "cerchiamo", "assumiamo", "hiring", "colleagues",
        "colleague", "colleghi", "collega", "launch", "launched", "lancio", "lanciato", "campaign", "campagna", "company", "azienda",
        "employer", "brand", "product", "products", "prodotto", "prodotti", "study", "studio", "trial", "sperimentazione", "patients",
        "pazienti", "sales", "vendite", "ceo", "pipeline", "approval", "approvazione",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>A medicine was named, or a word of the company's voice or business stands in the text.</summary>
    public static bool In(string text, bool namesMedicine)
    {
        if (namesMedicine)
        {
            return true;
        }

        var lookup = Markers.GetAlternateLookup<ReadOnlySpan<char>>();
        return LetterWords.Any(text, word => lookup.Contains(word));
    }
}
