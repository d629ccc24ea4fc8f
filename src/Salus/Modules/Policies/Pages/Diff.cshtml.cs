using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies.Pages;

[Authorize(Policy = PolicyAccess.Read)]
public sealed class DiffModel(SalusDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)] public Guid Against { get; set; }

    public List<SectionDiff> Sections { get; private set; } = [];

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var after = await PolicyLoader.VersionAsync(db, Id, ct, tracking: false);
        var before = await PolicyLoader.VersionAsync(db, Against, ct, tracking: false);
        if (!after.IsSuccess || !before.IsSuccess)
        {
            return NotFound();
        }

        From = before.Value.Label(before.Value.Policy!);
        To = after.Value.Label(after.Value.Policy!);
        Sections = PolicyDiff.Compare(before.Value, after.Value);
        return Page();
    }
}
