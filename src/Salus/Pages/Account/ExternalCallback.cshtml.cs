using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Localization;
using Salus.Platform.Persistence;

namespace Salus.Pages.Account;

/// <summary>
/// Where single sign-on returns. SSO never creates accounts: the identity provider's verified e-mail must belong to an
/// account an administrator invited, which is then linked to the provider's subject once; later sign-ins use the link.
/// </summary>
public sealed class ExternalCallbackModel(SignInManager<SalusUser> signIn, SalusDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? remoteError = null)
    {
        if (remoteError is not null)
        {
            return await RefuseAsync("sign-in.sso-error", "unknown", l["Single sign-on failed: the identity provider returned an error."]);
        }

        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return await RefuseAsync("sign-in.sso-error", "unknown", l["Single sign-on could not be completed. Start again from the sign-in page."]);
        }

        var linked = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (linked.Succeeded)
        {
            return await SignedInAsync(info, await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey));
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var user = email is null ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || user.Kind != AccountKind.Staff)
        {
            return await RefuseAsync("sign-in.sso-unknown", email ?? info.ProviderKey, l["No Salus account is invited for this identity. Ask an administrator to invite you."]);
        }

        if (!await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await RefuseAsync("sign-in.sso-refused", user.Id, l["This account is deactivated or locked."]);
        }

        var added = await signIn.UserManager.AddLoginAsync(user, info);
        if (!added.Succeeded)
        {
            return await RefuseAsync("sign-in.sso-error", user.Id, l["Single sign-on could not be completed. Start again from the sign-in page."]);
        }

        db.RecordEvent("sso.linked", "User", user.Id, info.LoginProvider);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return await SignedInAsync(info, user);
    }

    private async Task<IActionResult> SignedInAsync(ExternalLoginInfo info, SalusUser? user)
    {
        db.RecordEvent("signed-in", "User", user?.Id ?? info.ProviderKey, $"sso:{info.LoginProvider}");
        await db.SaveChangesAsync();
        if (user is not null)
        {
            CultureEndpoint.ApplyAccountCulture(HttpContext, user);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<IActionResult> RefuseAsync(string action, string entityId, string message)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        db.RecordEvent(action, "User", entityId);
        await db.SaveChangesAsync();
        Error = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
