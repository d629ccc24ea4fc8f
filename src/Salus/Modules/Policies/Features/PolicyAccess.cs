using System.Security.Claims;
using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Features;

/// <summary>Who may do what with policies (authorisation policies registered by the module).</summary>
public static class PolicyAccess
{
    /// <summary>Read drafts, versions, signatures, coverage.</summary>
    public const string Read = "policies-read";

    /// <summary>The owner: create, edit, submit, publish, accept proposals.</summary>
    public const string Own = "policies-own";

    /// <summary>Comment and propose changes.</summary>
    public const string Collaborate = "policies-collaborate";

    /// <summary>Sign off a version for a stakeholder function.</summary>
    public const string SignOff = "policies-sign";

    /// <summary>Acknowledge a published version.</summary>
    public const string Acknowledge = "policies-acknowledge";

    /// <summary>Try text against the rules on the test bench.</summary>
    public const string Bench = "policies-bench";

    public static readonly string[] ReadRoles = [Roles.Administrator, Roles.CommunicationsManager, Roles.PolicyStakeholder, Roles.Auditor];
    public static readonly string[] OwnRoles = [Roles.Administrator, Roles.CommunicationsManager];
    public static readonly string[] CollaborateRoles = [Roles.Administrator, Roles.CommunicationsManager, Roles.PolicyStakeholder];
    public static readonly string[] SignRoles = [Roles.PolicyStakeholder];
    public static readonly string[] AcknowledgeRoles = [Roles.Employee];
    public static readonly string[] BenchRoles = [Roles.Administrator, Roles.CommunicationsManager, Roles.PolicyStakeholder, Roles.Auditor, Roles.MlrReviewer];

    public static string UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(SalusClaimsFactory.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
