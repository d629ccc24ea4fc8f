using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Platform.Identity;

namespace Salus.Modules.Pharmacovigilance.Pages;

/// <summary>The case as a printable CIOMS I form; social handles are replaced by the reporter's pseudonym.</summary>
[Authorize(Policy = AccessPolicies.Pharmacovigilance)]
public sealed class CiomsModel(CaseWork work, DrugLinker linker, TimeProvider time, IOptions<PharmacovigilanceOptions> options) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PvCase? Case { get; private set; }

    public string Narrative { get; private set; } = "";

    public string Sender => options.Value.SenderOrganisation;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync()
    {
        Case = await work.LoadAsync(Id);
        if (Case is null)
        {
            return NotFound();
        }

        Narrative = E2bWriter.Narrative(Case, linker.ReactionTerms);
        return Page();
    }
}
