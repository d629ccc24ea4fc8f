using Salus.Platform.Identity;

namespace Salus.Platform.Persistence;

/// <summary>The people of the demo organisation "Salus Demo Pharma", markets IT and US: one per role.</summary>
public static class DemoOrganisation
{
    public sealed record Person(
        string Email, string Name, string[] Roles, string Market, string Department, string Culture,
        StakeholderFunction? Function = null, AccountKind Kind = AccountKind.Staff);

    public static readonly IReadOnlyList<Person> People =
    [
        new("comms@demo.salus.local", "Chiara Comunicazione", [Roles.CommunicationsManager], "IT", "Communications", "it"),
        new("legal@demo.salus.local", "Luca Legale", [Roles.PolicyStakeholder], "IT", "Legal", "it", StakeholderFunction.Legal),
        new("medical@demo.salus.local", "Dr. Maria Medica", [Roles.PolicyStakeholder], "IT", "Medical Affairs", "it", StakeholderFunction.Medical),
        new("regulatory@demo.salus.local", "Rita Regolatorio", [Roles.PolicyStakeholder], "IT", "Regulatory", "it", StakeholderFunction.Regulatory),
        new("compliance@demo.salus.local", "Carl Compliance", [Roles.PolicyStakeholder], "US", "Compliance", "en", StakeholderFunction.Compliance),
        new("hr@demo.salus.local", "Helen Resources", [Roles.PolicyStakeholder], "US", "HR", "en", StakeholderFunction.HumanResources),
        new("union@demo.salus.local", "Ugo Rappresentante", [Roles.PolicyStakeholder], "IT", "Works council", "it", StakeholderFunction.EmployeeRepresentative),
        new("mlr@demo.salus.local", "Morgan Reviewer", [Roles.MlrReviewer], "US", "Medical Affairs", "en"),
        new("agent.it@demo.salus.local", "Anna Agente", [Roles.CommunityAgent], "IT", "Community", "it"),
        new("agent.us@demo.salus.local", "Andy Agent", [Roles.CommunityAgent], "US", "Community", "en"),
        new("lead@demo.salus.local", "Leo Lead", [Roles.CommunityLead], "IT", "Community", "it"),
        new("pv@demo.salus.local", "Paola Farmacovigilanza", [Roles.PharmacovigilanceOfficer], "IT", "Pharmacovigilance", "it"),
        new("medinfo@demo.salus.local", "Mike Medinfo", [Roles.MedicalInformationSpecialist], "US", "Medical Information", "en"),
        new("employee.it@demo.salus.local", "Elena Dipendente", [Roles.Employee], "IT", "Sales", "it"),
        new("employee.us@demo.salus.local", "Ethan Employee", [Roles.Employee], "US", "R&D", "en"),
        new("auditor@demo.salus.local", "Ada Auditor", [Roles.Auditor], "US", "Quality Assurance", "en"),
        new("admin@demo.salus.local", "Alex Admin", [Roles.Administrator], "US", "IT", "en"),
        new("patient@demo.salus.local", "Paolo Paziente", [], "IT", "", "it", Kind: AccountKind.CommunityMember),
    ];
}
