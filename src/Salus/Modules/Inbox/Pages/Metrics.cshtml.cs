using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Inbox.Features.Metrics;
using Salus.Platform.Identity;

namespace Salus.Modules.Inbox.Pages;

[Authorize(Policy = AccessPolicies.InboxLead)]
public sealed class MetricsModel(InboxMetrics metrics) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 30;

    public InboxMetricsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await metrics.ReportAsync(Days, cancellationToken);

#pragma warning disable CA1822 // Used by the view.
    public IReadOnlyList<Bar> Percent(IReadOnlyList<Attainment> groups) =>
        [.. groups.Select(g => new Bar(g.Group, g.Percent, g.Percent.ToString("0", CultureInfo.InvariantCulture)))];
#pragma warning restore CA1822
}
