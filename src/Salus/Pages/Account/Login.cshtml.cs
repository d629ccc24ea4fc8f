using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Localization;
using Salus.Platform.Persistence;
using Salus.Platform.Web;

namespace Salus.Pages.Account;

[EnableRateLimiting(RateLimiting.SignInPolicy)]
public sealed class LoginModel(SignInManager<SalusUser> signIn, SalusDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];
        if (!ModelState.IsValid)
        {
            Error = l["Enter your e-mail address and password."];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            db.RecordEvent("signed-in", "User", Email.Trim());
            await db.SaveChangesAsync();
            if (await signIn.UserManager.FindByNameAsync(Email.Trim()) is { } user)
            {
                CultureEndpoint.ApplyAccountCulture(HttpContext, user);
            }

            return LocalRedirect(SafeReturn());
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect($"/account/login-2fa?ReturnUrl={Uri.EscapeDataString(SafeReturn())}");
        }

        db.RecordEvent(result.IsLockedOut ? "sign-in.locked-out" : "sign-in.failed", "User", Email.Trim());
        await db.SaveChangesAsync();
        Error = result.IsLockedOut
            ? l["This account is locked after too many failed attempts. Try again later."]
            : l["The e-mail address or password is not correct."];
        return Page();
    }

    /// <summary>Signs in with the assertion the browser made (navigator.credentials.get); a passkey is itself two factors.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];
        var assertion = string.IsNullOrWhiteSpace(credential) ? null : await signIn.PerformPasskeyAssertionAsync(credential);
        var user = assertion is { Succeeded: true } ? assertion.User : null;
        if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            db.RecordEvent("sign-in.passkey-failed", "User", user?.Id ?? "unknown", assertion?.Failure?.Message);
            await db.SaveChangesAsync();
            Error = l["The passkey was not accepted. Sign in with your password instead."];
            return Page();
        }

        await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion!.Passkey!); // the signature counter moves on
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "pop")]);
        db.RecordEvent("signed-in", "User", user.Id, "passkey");
        await db.SaveChangesAsync();
        CultureEndpoint.ApplyAccountCulture(HttpContext, user);
        return LocalRedirect(SafeReturn());
    }

    public IActionResult OnPostExternal(string provider)
    {
        var redirect = $"/account/external-callback?ReturnUrl={Uri.EscapeDataString(SafeReturn())}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider, redirect);
        return Challenge(properties, provider);
    }

    private string SafeReturn() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
