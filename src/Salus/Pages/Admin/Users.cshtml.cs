using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Salus.Platform.Identity;
using Salus.Platform.Localization;
using Salus.Platform.Results;

namespace Salus.Pages.Admin;

public sealed class UsersModel(UserAdministration admin, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<UserSummary> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => Users = await admin.ListAsync();

    public async Task<IActionResult> OnPostInviteAsync(string email, string displayName, string[]? roles, StakeholderFunction? function, string? department, string? market)
    {
        var result = await admin.InviteAsync(new InviteUser(email ?? "", displayName ?? "", roles ?? [], AccountKind.Staff, function, department, market));
        Report(result, u => l["Invited {0}. One-time password (shown once): {1}", u.Email, u.OneTimePassword]);
        Users = await admin.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string[]? roles)
    {
        Report(await admin.SetRolesAsync(id, roles ?? [], null), u => l["Roles of {0} saved.", u.Email]);
        Users = await admin.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, string? reason)
    {
        Report(await admin.SetActiveAsync(id, false, reason, Me()), u => l["{0} deactivated.", u.Email]);
        Users = await admin.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, string? reason)
    {
        Report(await admin.SetActiveAsync(id, true, reason, Me()), u => l["{0} reactivated.", u.Email]);
        Users = await admin.ListAsync();
        return Page();
    }

    private string Me() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private void Report<T>(Result<T> result, Func<T, string> success)
    {
        if (result.IsSuccess)
        {
            Message = success(result.Value);
            return;
        }

        Errors.Add(result.Error!.Message);
        if (result.Error.Fields is not null)
        {
            Errors.AddRange(result.Error.Fields.SelectMany(f => f.Value));
        }
    }
}
