using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Acknowledgement;

namespace Salus.Modules.Policies.Pages;

[Authorize(Policy = PolicyAccess.Read)]
public sealed class CoverageModel(PolicyAcknowledgementService acknowledgements) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CoverageReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await acknowledgements.CoverageAsync(Id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Report = result.Value;
        return Page();
    }
}
