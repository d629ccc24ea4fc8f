using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Salus.Platform.Identity;

/// <summary>Refuses sign-in to deactivated accounts (they are never deleted).</summary>
internal sealed class SalusSignInManager(
    UserManager<SalusUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SalusUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SalusUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SalusUser> confirmation)
    : SignInManager<SalusUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SalusUser user) =>
        user.IsActive && await base.CanSignInAsync(user);
}
