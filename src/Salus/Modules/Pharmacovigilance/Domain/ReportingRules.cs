namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>
/// One row of the reporting-timeline table: for a market, seriousness and (optionally) expectedness, how many
/// calendar days after day 0 the ICSR is due, or null when it goes in a periodic report instead of an expedited one.
/// </summary>
/// <param name="Market">"IT", "EU", "US", or "*" for any other market.</param>
/// <param name="Serious">Applies to serious (true) or non-serious (false) cases.</param>
/// <param name="Unexpected">Applies only to unexpected (true) or expected (false) cases; null = either.</param>
/// <param name="Days">Calendar days from day 0 (day 0 itself is day zero), or null = no expedited report.</param>
/// <param name="Kind">Stable name of the obligation, shown in the UI and put in the export.</param>
/// <param name="Receiver">E2B(R3) message receiver identifier (N.2.r.3) for this market.</param>
/// <param name="Reference">The legal source, for the inspector.</param>
public sealed record ReportingRule(string Market, bool Serious, bool? Unexpected, int? Days, string Kind, string Receiver, string Reference);

/// <summary>
/// The reporting timelines as data: the one table the due date comes from (documented in docs/pharmacovigilance.md).
/// First matching row wins; a market without rows uses the "*" rows. Unknown expectedness counts as unexpected.
/// </summary>
public static class ReportingRules
{
    public static readonly IReadOnlyList<ReportingRule> Default =
    [
        new("EU", true, null, 15, "expedited-15", "EVHUMAN", "Dir. 2001/83/EC Art. 107(3); GVP Module VI.C.3"),
        new("EU", false, null, 90, "expedited-90", "EVHUMAN", "Dir. 2001/83/EC Art. 107(3); GVP Module VI.C.3"),
        new("IT", true, null, 15, "expedited-15", "EVHUMAN", "D.Lgs. 219/2006 Art. 131; GVP Module VI.C.3 (via EudraVigilance)"),
        new("IT", false, null, 90, "expedited-90", "EVHUMAN", "D.Lgs. 219/2006 Art. 131; GVP Module VI.C.3 (via EudraVigilance)"),
        new("US", true, true, 15, "fda-15-day-alert", "CDER", "21 CFR 314.80(c)(1)(i)"),
        new("US", true, false, null, "periodic", "CDER", "21 CFR 314.80(c)(2)"),
        new("US", false, null, null, "periodic", "CDER", "21 CFR 314.80(c)(2)"),
        new("*", true, null, 15, "expedited-15", "EVHUMAN", "ICH E2D 5.1; GVP Module VI.C.3"),
        new("*", false, null, 90, "expedited-90", "EVHUMAN", "ICH E2D 5.1; GVP Module VI.C.3"),
    ];

    public static ReportingRule For(string? market, bool serious, bool? unexpected, IReadOnlyList<ReportingRule>? table = null)
    {
        table ??= Default;
        var key = market?.ToUpperInvariant();
        var rows = table.Any(r => r.Market == key) ? table.Where(r => r.Market == key) : table.Where(r => r.Market == "*");
        var isUnexpected = unexpected ?? true;
        return rows.First(r => r.Serious == serious && (r.Unexpected is null || r.Unexpected == isUnexpected));
    }

    /// <summary>The due date: day 0 plus the rule's days, or null without day 0 or without an expedited obligation.</summary>
    public static DateOnly? DueDate(DateOnly? day0, ReportingRule rule) =>
        day0 is { } d && rule.Days is { } days ? d.AddDays(days) : null;
}
