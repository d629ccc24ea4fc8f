using Microsoft.AspNetCore.Authorization;

namespace Salus.Platform.Identity;

/// <summary>Named authorisation policies. Every page and endpoint names one (or is explicitly anonymous).</summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in, active member of staff.</summary>
    public const string Staff = "staff";
    public const string Administration = "administration";
    public const string AuditRead = "audit-read";
    public const string JobsAdmin = "jobs-admin";
    public const string CommunityMember = "community-member";

    /// <summary>Pharmacovigilance case work: PV officers only.</summary>
    public const string Pharmacovigilance = "pharmacovigilance";

    /// <summary>Flag an item as a possible adverse event: community agents and leads, PV officers.</summary>
    public const string AdverseEventFlagging = "adverse-event-flagging";

    /// <summary>The PV reconciliation report: PV officers and auditors (what an inspector asks for).</summary>
    public const string PharmacovigilanceReconciliation = "pharmacovigilance-reconciliation";
    /// <summary>Works the inbox: community agents and leads, medical information specialists.</summary>
    public const string InboxWork = "inbox-work";

    /// <summary>Runs the team: rota, SLA policies, metrics (community leads, administrators).</summary>
    public const string InboxLead = "inbox-lead";

    /// <summary>Reads and drafts saved replies and media: the inbox team, MLR reviewers, communications.</summary>
    public const string InboxLibrary = "inbox-library";

    /// <summary>Medical-legal-regulatory review (saved replies, replies held by the policy).</summary>
    public const string MlrReview = "mlr-review";

    public const string AccountKindClaim = "salus:kind";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)));
        options.AddPolicy(Administration, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.Administrator));
        options.AddPolicy(AuditRead, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.Auditor, Roles.Administrator));
        options.AddPolicy(JobsAdmin, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.Administrator));
        options.AddPolicy(CommunityMember, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.CommunityMember)));
        options.AddPolicy(Pharmacovigilance, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.PharmacovigilanceOfficer));
        options.AddPolicy(AdverseEventFlagging, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.CommunityAgent, Roles.CommunityLead, Roles.PharmacovigilanceOfficer));
        options.AddPolicy(PharmacovigilanceReconciliation, p => p.RequireAuthenticatedUser()
            .RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.PharmacovigilanceOfficer, Roles.Auditor));
        options.AddPolicy(InboxWork, p => p.RequireAuthenticatedUser().RequireClaim(AccountKindClaim, nameof(AccountKind.Staff))
            .RequireRole(Roles.CommunityAgent, Roles.CommunityLead, Roles.MedicalInformationSpecialist));
        options.AddPolicy(InboxLead, p => p.RequireAuthenticatedUser().RequireClaim(AccountKindClaim, nameof(AccountKind.Staff))
            .RequireRole(Roles.CommunityLead, Roles.Administrator));
        options.AddPolicy(InboxLibrary, p => p.RequireAuthenticatedUser().RequireClaim(AccountKindClaim, nameof(AccountKind.Staff))
            .RequireRole(Roles.CommunityAgent, Roles.CommunityLead, Roles.MedicalInformationSpecialist, Roles.MlrReviewer, Roles.CommunicationsManager));
        options.AddPolicy(MlrReview, p => p.RequireAuthenticatedUser().RequireClaim(AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(Roles.MlrReviewer));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
