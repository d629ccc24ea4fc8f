using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Pages.Admin;

public sealed class JobsModel(SalusDbContext db, JobQueue queue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public JobStatus? Status { get; set; }

    public List<Job> Jobs { get; private set; } = [];

    public Dictionary<string, int> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Jobs.AsNoTracking();
        if (Status is { } s)
        {
            query = query.Where(j => j.Status == s);
        }

        Jobs = await query.OrderByDescending(j => j.Id).Take(200).ToListAsync();
        Counts = (await db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key.ToString(), x => x.Count);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        await queue.RetryAsync(id);
        return RedirectToPage();
    }
}
