namespace Salus.Platform.Identity;

/// <summary>The staff roles of Salus. A user may hold several.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string CommunicationsManager = "communications-manager";
    public const string PolicyStakeholder = "policy-stakeholder";
    public const string MlrReviewer = "mlr-reviewer";
    public const string CommunityAgent = "community-agent";
    public const string CommunityLead = "community-lead";
    public const string PharmacovigilanceOfficer = "pharmacovigilance-officer";
    public const string MedicalInformationSpecialist = "medical-information-specialist";
    public const string Employee = "employee";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, CommunicationsManager, PolicyStakeholder, MlrReviewer, CommunityAgent,
        CommunityLead, PharmacovigilanceOfficer, MedicalInformationSpecialist, Employee, Auditor,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

public enum StakeholderFunction
{
    Legal,
    Medical,
    Regulatory,
    Compliance,
    HumanResources,
    Communications,
    EmployeeRepresentative,
}
