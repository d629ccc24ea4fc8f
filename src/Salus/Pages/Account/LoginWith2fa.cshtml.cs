using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Localization;
using Salus.Platform.Web;

namespace Salus.Pages.Account;

[EnableRateLimiting(RateLimiting.SignInPolicy)]
public sealed class LoginWith2faModel(SignInManager<SalusUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/account/login");
        }

        var entered = Code.Replace(" ", "", StringComparison.Ordinal);
        var digits = entered.Replace("-", "", StringComparison.Ordinal);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(entered));
        if (result.Succeeded)
        {
            CultureEndpoint.ApplyAccountCulture(HttpContext, user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut ? l["This account is locked after too many failed attempts. Try again later."] : l["The code is not correct."];
        return Page();
    }

    /// <summary>Recovery codes are stored as issued, "XXXXX-XXXXX": keep the dash, or put it back if it was left out.</summary>
    private static string RecoveryCode(string entered) =>
        entered.Length == 10 && !entered.Contains('-', StringComparison.Ordinal) ? entered.Insert(5, "-") : entered;
}
