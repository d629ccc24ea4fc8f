using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Localization;
using Salus.Platform.Persistence;

namespace Salus.Pages.Account;

public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

public sealed class ManageModel(SignInManager<SalusUser> signIn, SalusDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public IList<string> Roles { get; private set; } = [];

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    /// <summary>Registers the credential the browser created (navigator.credentials.create) against the pending challenge.</summary>
    public async Task<IActionResult> OnPostAddPasskeyAsync(string? credential, string? name)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var attestation = string.IsNullOrWhiteSpace(credential) ? null : await signIn.PerformPasskeyAttestationAsync(credential);
        if (attestation is not { Succeeded: true })
        {
            db.RecordEvent("passkey.add-failed", "User", user.Id, attestation?.Failure?.Message);
            await db.SaveChangesAsync();
            Error = l["The passkey could not be registered. Try again."];
            await LoadAsync();
            return Page();
        }

        var passkey = attestation.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? l["Passkey"] : name.Trim()[..Math.Min(name.Trim().Length, 60)];
        var saved = await signIn.UserManager.AddOrUpdatePasskeyAsync(user, passkey);
        if (saved.Succeeded)
        {
            db.RecordEvent("passkey.added", "User", user.Id, passkey.Name);
            await db.SaveChangesAsync();
        }

        Message = saved.Succeeded ? l["Passkey added. You can now sign in with it."] : string.Join(' ', saved.Errors.Select(e => e.Description));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string id)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return BadRequest();
        }

        var removed = await signIn.UserManager.RemovePasskeyAsync(user, credentialId);
        if (removed.Succeeded)
        {
            db.RecordEvent("passkey.removed", "User", user.Id);
            await db.SaveChangesAsync();
            Message = l["Passkey removed."];
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Roles = await signIn.UserManager.GetRolesAsync(user);
        Passkeys = [.. (await signIn.UserManager.GetPasskeysAsync(user))
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? l["Passkey"], p.CreatedAt))
            .OrderBy(p => p.CreatedAt)];
        return true;
    }
}
