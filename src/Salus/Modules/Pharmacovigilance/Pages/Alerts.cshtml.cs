using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features;
using Salus.Modules.Pharmacovigilance.Features.Deadlines;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance.Pages;

public sealed record DeadlineRow(PvCase Case, string State, IReadOnlyList<AlertDto> Alerts);

[Authorize(Policy = AccessPolicies.Pharmacovigilance)]
public sealed class AlertsModel(SalusDbContext db, TimeProvider time, IOptions<PharmacovigilanceOptions> options) : PageModel
{
    public List<DeadlineRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var open = await db.Set<PvCase>().AsNoTracking().Where(c => c.Status == CaseStatus.Open).ToListAsync();
        var alerts = await AlertList.LoadAsync(db, HttpContext.RequestAborted);
        Rows = [.. open.Select(c => new DeadlineRow(c, DeadlineState.Of(c, today, options.Value.SoonDueDays), [.. alerts.Where(a => a.CaseId == c.Id)]))
            .Where(r => r.State is "overdue" or "soon-due" || r.Alerts.Count > 0)
            .OrderBy(r => r.Case.DueDate())];
    }
}
