using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Pages;

public sealed class IndexModel(SalusDbContext db, UserManager<SalusUser> users) : PageModel
{
    public string Name { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public string Provider { get; private set; } = "";

    public int UserCount { get; private set; }

    public long AuditRows { get; private set; }

    public async Task OnGetAsync()
    {
        Name = User.FindFirstValue(SalusClaimsFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "";
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        var me = await users.GetUserAsync(User);
        TwoFactorEnabled = me?.TwoFactorEnabled == true;
        Provider = db.Database.ProviderName?.Split('.').Last() ?? "";
        UserCount = await db.Users.CountAsync();
        AuditRows = await db.AuditEntries.LongCountAsync();
    }
}
