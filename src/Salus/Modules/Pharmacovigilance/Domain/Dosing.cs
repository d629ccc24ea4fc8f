using System.Globalization;

namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>Action taken with the drug because of the reaction; the values are the E2B(R3) G.k.8 codes.</summary>
public enum DrugAction
{
    Unknown = 0,
    Withdrawn = 1,
    DoseReduced = 2,
    DoseIncreased = 3,
    NotChanged = 4,
    NotApplicable = 9,
}

/// <summary>
/// A route of administration: our key, English and Italian labels, the ICH E2B route code (OID .1.14) and the term the
/// ICH list gives that code (sent as the code's display name and the G.k.4.r.10.1 free text).
/// </summary>
public sealed record DosingRoute(string Key, string English, string Italian, string E2bCode, string E2bTerm);

/// <summary>
/// What the officer records about how a product was taken (G.k.4.r, G.k.7.r, G.k.8), with the pharmaceutical dose form
/// (G.k.4.r.9.1) and the batch/lot number (G.k.4.r.7) as free text.
/// </summary>
public sealed record DosingUpdate(
    decimal? Dose, string? DoseUnit, string? Frequency, string? Route, string? Indication,
    DateOnly? TherapyStart, DateOnly? TherapyStop, DrugAction? Action, string? DoseForm = null, string? BatchNumber = null);

/// <summary>The short lists a dose is checked against, and the checks.</summary>
public static class Dosing
{
    /// <summary>UCUM units (and the UCUM annotations E2B accepts for dose forms) a social-media report usually gives.</summary>
    public static readonly IReadOnlyList<string> Units = ["mg", "g", "ug", "mL", "IU", "{tbl}", "{caps}", "{puff}", "{drop}", "{sachet}", "{patch}"];

    /// <summary>Longest dose form E2B(R3) accepts (G.k.4.r.9.1, 60AN).</summary>
    public const int DoseFormMaxLength = 60;

    /// <summary>Longest batch/lot number E2B(R3) accepts (G.k.4.r.7, 35AN).</summary>
    public const int BatchNumberMaxLength = 35;

    /// <summary>
    /// Routes with the ICH E2B route-of-administration codes (the E2B(R2) B.4.k.8 list, which the ICH E2B(R3) guide keeps
    /// for G.k.4.r.10.2b under OID 2.16.840.1.113883.3.989.2.1.1.14 until the ISO IDMP / EDQM terms are used). Every code
    /// and term was checked against the full 001-067 list FDA publishes for openFDA's drugadministrationroute field
    /// (see docs/pharmacovigilance.md, "Route codes").
    /// </summary>
    public static readonly IReadOnlyList<DosingRoute> Routes =
    [
        new("oral", "Oral", "Orale", "048", "Oral"),
        new("intravenous", "Intravenous", "Endovenosa", "042", "Intravenous (not otherwise specified)"),
        new("subcutaneous", "Subcutaneous", "Sottocutanea", "058", "Subcutaneous"),
        new("intramuscular", "Intramuscular", "Intramuscolare", "030", "Intramuscular"),
        new("topical", "Topical", "Topica", "061", "Topical"),
        new("cutaneous", "Cutaneous", "Cutanea", "003", "Cutaneous"),
        new("transdermal", "Transdermal", "Transdermica", "062", "Transdermal"),
        new("inhalation", "Respiratory (inhalation)", "Inalatoria", "055", "Respiratory (inhalation)"),
        new("nasal", "Nasal", "Nasale", "045", "Nasal"),
        new("ophthalmic", "Ophthalmic", "Oftalmica", "047", "Ophthalmic"),
        new("auricular", "Auricular (otic)", "Auricolare", "001", "Auricular (otic)"),
        new("sublingual", "Sublingual", "Sublinguale", "060", "Sublingual"),
        new("buccal", "Buccal", "Buccale", "002", "Buccal"),
        new("rectal", "Rectal", "Rettale", "054", "Rectal"),
        new("vaginal", "Vaginal", "Vaginale", "067", "Vaginal"),
        new("other", "Other", "Altra", "050", "Other"),
        new("unknown", "Unknown", "Sconosciuta", "065", "Unknown"),
    ];

    public static DosingRoute? RouteFor(string? key) => key is null ? null : Routes.FirstOrDefault(r => r.Key == key);

    public static string Label(DosingRoute route, CultureInfo culture) => culture.TwoLetterISOLanguageName == "it" ? route.Italian : route.English;

    /// <summary>Every problem of the update, keyed by the request's field name; empty when it can be stored.</summary>
    public static Dictionary<string, string[]> Problems(DosingUpdate d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var fields = new Dictionary<string, string[]>();
        if (d.Dose is { } dose && (dose <= 0 || dose >= 100_000_000))
        {
            fields["dose"] = ["A positive number below 100,000,000 (E2B allows 8 digits)."];
        }

        if (d.Dose is not null && string.IsNullOrWhiteSpace(d.DoseUnit))
        {
            fields["doseUnit"] = ["Required with a dose."];
        }
        else if (!string.IsNullOrWhiteSpace(d.DoseUnit) && !Units.Contains(d.DoseUnit.Trim()))
        {
            fields["doseUnit"] = [$"Unknown unit; use one of {string.Join(", ", Units)}."];
        }
        else if (!string.IsNullOrWhiteSpace(d.DoseUnit) && d.Dose is null)
        {
            fields["dose"] = ["Required with a unit."];
        }

        if (d.Frequency is { Length: > 100 })
        {
            fields["frequency"] = ["At most 100 characters."];
        }

        if (!string.IsNullOrWhiteSpace(d.Route) && RouteFor(d.Route.Trim()) is null)
        {
            fields["route"] = [$"Unknown route; use one of {string.Join(", ", Routes.Select(r => r.Key))}."];
        }

        if (d.Indication is { Length: > 250 })
        {
            fields["indication"] = ["At most 250 characters (E2B G.k.7.r.1)."];
        }

        if (d.TherapyStart is { } start && start > today)
        {
            fields["therapyStart"] = ["Not in the future."];
        }

        if (d.TherapyStop is { } stop && stop > today)
        {
            fields["therapyStop"] = ["Not in the future."];
        }
        else if (d.TherapyStop is { } end && d.TherapyStart is { } begin && end < begin)
        {
            fields["therapyStop"] = ["Not before the therapy start."];
        }

        if (d.Action is { } action && !Enum.IsDefined(action))
        {
            fields["action"] = ["Unknown action."];
        }

        if (FreeTextProblem(d.DoseForm, DoseFormMaxLength, "G.k.4.r.9.1") is { } doseForm)
        {
            fields["doseForm"] = [doseForm];
        }

        if (FreeTextProblem(d.BatchNumber, BatchNumberMaxLength, "G.k.4.r.7") is { } batch)
        {
            fields["batchNumber"] = [batch];
        }

        return fields;
    }

    /// <summary>A short free-text element: at most <paramref name="max"/> characters once trimmed, on one line, no control characters.</summary>
    private static string? FreeTextProblem(string? value, int max, string element)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"At most {max} characters (E2B {element}).");
        }

        return text.Any(char.IsControl) ? "No line breaks, tabs or other control characters." : null;
    }
}
