using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Modules.Pharmacovigilance.Features.Deadlines;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance.Pages;

/// <summary>The PV officer's desk: proposals to confirm or reject, and the cases with their deadlines.</summary>
[Authorize(Policy = AccessPolicies.Pharmacovigilance)]
public sealed class IndexModel(SalusDbContext db, TimeProvider time, IOptions<PharmacovigilanceOptions> options) : PageModel
{
    public List<CaseProposal> Pending { get; private set; } = [];

    public List<PvCase> Cases { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? reason, [FromServices] CaseWork work)
    {
        var result = await work.ConfirmAsync(id, reason, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/pv/cases/{result.Value.Id}");
        }

        Errors.Add(result.Error!.Message);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, [FromServices] CaseWork work)
    {
        var result = await work.RejectAsync(id, reason, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        Errors.Add(result.Error!.Message);
        await LoadAsync();
        return Page();
    }

    public string DeadlineOf(PvCase c) => DeadlineState.Of(c, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), options.Value.SoonDueDays);

    public static IEnumerable<string> ProductsOf(CaseProposal p) =>
        (JsonSerializer.Deserialize<List<SignalProduct>>(p.ProductsJson, AdverseEventIntake.Json) ?? []).Select(x => x.Name);

    public static IEnumerable<string> ReactionsOf(CaseProposal p) =>
        (JsonSerializer.Deserialize<List<SignalReaction>>(p.ReactionsJson, AdverseEventIntake.Json) ?? []).Select(x => x.Term is null ? x.Text : $"{x.Text} ({x.Term})");

    private async Task LoadAsync()
    {
        Pending = await db.Set<CaseProposal>().AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.ReceivedUtc).Take(200).ToListAsync();
        Cases = await db.Set<PvCase>().AsNoTracking().OrderByDescending(c => c.OpenedUtc).Take(200).ToListAsync();
    }
}
