using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Pharmacovigilance.Features.Reconciliation;
using Salus.Platform.Identity;

namespace Salus.Modules.Pharmacovigilance.Pages;

[Authorize(Policy = AccessPolicies.PharmacovigilanceReconciliation)]
public sealed class ReconciliationModel(ReconciliationReport report) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<ReconciliationRow> Rows { get; private set; } = [];

    public bool CanOpenCases => User.IsInRole(Roles.PharmacovigilanceOfficer);

    public string QueryString { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Rows = await report.BuildAsync(From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc), HttpContext.RequestAborted);
        var parts = new[] { ("from", From), ("to", To) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2:yyyy-MM-dd}").ToList();
        QueryString = parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
