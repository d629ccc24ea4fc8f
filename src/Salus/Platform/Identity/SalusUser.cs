using Microsoft.AspNetCore.Identity;

namespace Salus.Platform.Identity;

public enum AccountKind
{
    /// <summary>Someone working for the organisation: roles decide what they may do.</summary>
    Staff,

    /// <summary>A patient or family member of the community: never holds a staff role.</summary>
    CommunityMember,
}

public sealed class SalusUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public AccountKind Kind { get; set; } = AccountKind.Staff;

    /// <summary>Set for policy stakeholders: which function they speak for.</summary>
    public StakeholderFunction? StakeholderFunction { get; set; }

    public string? Department { get; set; }

    /// <summary>Market the person works in (IT, US, ...).</summary>
    public string? Market { get; set; }

    /// <summary>Deactivated users cannot sign in; users are never deleted (their records stay attributable).</summary>
    public bool IsActive { get; set; } = true;

    public bool MustChangePassword { get; set; }

    public string? PreferredCulture { get; set; }

    public DateTime CreatedUtc { get; set; }
}
