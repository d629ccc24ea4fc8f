using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Templates;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies.Pages;

[Authorize(Policy = PolicyAccess.Read)]
public sealed class IndexModel(SalusDbContext db, PolicyAuthoring authoring) : PageModel
{
    public List<Policy> Policies { get; private set; } = [];

    public static IReadOnlyList<PolicyTemplate> Templates => PolicyTemplates.All;

    [BindProperty] public string? Template { get; set; }

    [BindProperty] public string? Language { get; set; }

    [BindProperty] public string? Code { get; set; }

    /// <summary>Functions whose sign-off is required; none ticked = the template's own list.</summary>
    [BindProperty] public List<string> SignOffs { get; set; } = [];

    public string? Error { get; private set; }

    public bool CanOwn => PolicyAccess.OwnRoles.Any(User.IsInRole);

    public async Task OnGetAsync() =>
        Policies = await db.Set<Policy>().AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanOwn)
        {
            return Forbid();
        }

        var result = await authoring.CreateAsync(new CreatePolicyRequest(Template, Language, string.IsNullOrWhiteSpace(Code) ? null : Code, null, SignOffs.Count == 0 ? null : [.. SignOffs], null), User.UserId(), ct);
        if (!result.IsSuccess)
        {
            Error = result.Error!.Message;
            await OnGetAsync();
            return Page();
        }

        return Redirect($"/policies/versions/{result.Value.Id}");
    }
}
