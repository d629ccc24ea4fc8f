using static Salus.Screening.Rules.Condition;

namespace Salus.Screening.Rules;

/// <summary>
/// The built-in rule set used when a request carries none (documented in docs/screening.md).
/// Public contexts = Outbound, Reply, EmployeeShare (the organisation or its people speaking).
/// </summary>
public static class DefaultRules
{
    public const string Version = "salus-default-1";

    private static readonly ScreeningContext[] Public = [ScreeningContext.Outbound, ScreeningContext.Reply, ScreeningContext.EmployeeShare];
    private static readonly ScreeningContext[] Received = [ScreeningContext.Inbound, ScreeningContext.Community];

    public static RuleSet RuleSet { get; } = new("salus-default", Version,
    [
        new Rule("crisis-escalate", "D1", Version, Found(Categories.Crisis), Decision.Escalate,
            "Possible self-harm, suicidal intent or medical emergency: urgent human response.")
        { RouteTo = "urgent", DeadlineHours = 1 },
        new Rule("ae-escalate", "D2", Version, Found(Categories.AdverseEvent), Decision.Escalate,
            "Possible adverse event: forward to pharmacovigilance within one business day.")
        { RouteTo = "pharmacovigilance", DeadlineHours = 24, OpenCase = true },
        new Rule("inquiry-route", "D3", Version, Found(Categories.MedicalInquiry), Decision.Review,
            "Medical question: answer through medical information, not in public.")
        { RouteTo = "medical-information", DeadlineHours = 48 },
        new Rule("personal-data-public", "D4.1", Version, And(Found(Categories.PersonalData), InContext(Public)), Decision.Block,
            "Personal data must not be published."),
        new Rule("personal-data-received", "D4.2", Version, And(Found(Categories.PersonalData), InContext(Received)), Decision.Review,
            "Personal data in a public comment: hide it and contact the person privately.")
        { RouteTo = "privacy" },
        new Rule("off-label-public", "D5.1", Version, And(Found(Categories.OffLabel), InContext(Public)), Decision.Block,
            "Claims about a prescription medicine or an unapproved use may not be made to the public."),
        new Rule("off-label-received", "D5.2", Version, And(Found(Categories.OffLabel), InContext(Received)), Decision.Review,
            "Off-label use mentioned by the public: medical review before any answer.")
        { RouteTo = "medical-information" },
        new Rule("promo-claim-public", "D6", Version, And(Found(Categories.PromotionalClaim), InContext(Public)), Decision.Review,
            "Promotional claim: medical-legal-regulatory review required.")
        { RouteTo = "mlr" },
        new Rule("rx-product-public", "D7", Version,
            And(InContext(Public), Or(new FindingFact(Categories.DrugMention, "prescription-only", "true"))), Decision.Review,
            "A prescription-only medicine is named in a public post: medical-legal-regulatory review required.")
        { RouteTo = "mlr" },
        new Rule("disclosure-missing", "D8", Version, Found(Categories.MissingDisclosure), Decision.Block,
            "An employee sharing company content must disclose the affiliation.")
        { AddDisclosure = "#employee" },
        new Rule("abuse-public", "D9.1", Version, And(Found(Categories.Abuse), InContext(Public)), Decision.Block,
            "Abusive language may not be published."),
        new Rule("abuse-received", "D9.2", Version, And(Found(Categories.Abuse), InContext(Received)), Decision.Review,
            "Abusive comment: hide it and review.")
        { RouteTo = "moderation" },
    ]);
}
