namespace Salus.Screening.Lexicons;

/// <summary>One surface name of a medicinal product or substance, as shipped in the generated lexicon.</summary>
/// <param name="Surface">Normalised surface form matched in text ("zoloft", "mal di testa" style: lower case, no accents).</param>
/// <param name="Product">Normalised product name shown to people (brand or generic, e.g. "Zoloft", "Sertraline").</param>
/// <param name="Ingredients">Active ingredients (English INN where known, else the source's name).</param>
/// <param name="DrugBankId">DrugBank accession (DBxxxxx) when the name comes from, or maps to, DrugBank.</param>
/// <param name="Aic">AIFA AIC code (the 6-digit product root or 9-digit pack) when known.</param>
/// <param name="Atc">ATC code from the AIFA transparency list when known.</param>
/// <param name="OrangeBookApplNo">FDA Orange Book application number, e.g. "N019839".</param>
/// <param name="PrescriptionUs">US: true = only RX products, false = OTC products exist, null = unknown/discontinued.</param>
/// <param name="PrescriptionIt">Italy: true = the brand is in the AIFA class A or H lists (prescription), null = unknown.</param>
/// <param name="Ambiguous">The name is also an ordinary English or Italian word: only a drug with a drug cue nearby.</param>
/// <param name="Sources">Which sources contributed: d = DrugBank, o = Orange Book, a = AIFA lists, b = AIFA Banca Dati, c = curated.</param>
public sealed record DrugEntry(
    string Surface,
    string Product,
    IReadOnlyList<string> Ingredients,
    string? DrugBankId,
    string? Aic,
    string? Atc,
    string? OrangeBookApplNo,
    bool? PrescriptionUs,
    bool? PrescriptionIt,
    bool Ambiguous,
    string Sources)
{
    /// <summary>The code reported in findings: DrugBank id, else AIC, else ATC, else Orange Book number.</summary>
    public string? Code => DrugBankId ?? (Aic is null ? null : "AIC:" + Aic) ?? (Atc is null ? null : "ATC:" + Atc) ?? (OrangeBookApplNo is null ? null : "OB:" + OrangeBookApplNo);

    /// <summary>Prescription-only in the given market ("US", "IT"); "EU" uses IT data as the closest proxy.</summary>
    public bool? PrescriptionIn(string? market) => market?.ToUpperInvariant() switch
    {
        "US" => PrescriptionUs,
        "IT" or "EU" => PrescriptionIt,
        _ => PrescriptionIt ?? PrescriptionUs,
    };
}
