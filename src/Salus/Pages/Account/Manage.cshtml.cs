using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Platform.Identity;

namespace Salus.Pages.Account;

public sealed class ManageModel(UserManager<SalusUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Roles = await users.GetRolesAsync(user);
        return Page();
    }
}
