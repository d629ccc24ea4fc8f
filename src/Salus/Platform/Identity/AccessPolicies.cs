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
