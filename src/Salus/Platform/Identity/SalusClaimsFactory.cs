using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Salus.Platform.Identity;

/// <summary>Adds the account kind, display name and sign-in time to the cookie principal.</summary>
internal sealed class SalusClaimsFactory(
    UserManager<SalusUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider time)
    : UserClaimsPrincipalFactory<SalusUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "salus:name";
    public const string IssuedClaim = "salus:issued";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SalusUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessPolicies.AccountKindClaim, user.Kind.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(IssuedClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString()));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeGate.Claim, "true"));
        }

        return identity;
    }
}
