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

    public IActionResult OnPostExternal(string provider)
    {
        var redirect = $"/account/external-callback?ReturnUrl={Uri.EscapeDataString(SafeReturn())}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider, redirect);
        return Challenge(properties, provider);
    }

    private string SafeReturn() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
