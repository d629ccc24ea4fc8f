using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Persistence;
using Salus.Modules.Pharmacovigilance.Features;

namespace Salus.Modules.Pharmacovigilance.Features.Deadlines;

/// <summary>Where a case stands against its due date: none, ok, soon-due, overdue, or done (reported/closed).</summary>
public static class DeadlineState
{
    public static string Of(PvCase c, DateOnly today, int soonDueDays)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Status != CaseStatus.Open)
        {
            return "done";
        }

        return c.DueDate() switch
        {
            null => "none",
            { } due when due < today => "overdue",
            { } due when due.AddDays(-soonDueDays) <= today => "soon-due",
            _ => "ok",
        };
    }
}

/// <summary>The alerts raised by the deadline job for cases that are still open, newest first.</summary>
internal static class AlertList
{
    public static async Task<IReadOnlyList<AlertDto>> LoadAsync(SalusDbContext db, CancellationToken ct)
    {
        var rows = await (from a in db.Set<CaseAlert>().AsNoTracking()
                          join c in db.Set<PvCase>().AsNoTracking() on a.CaseId equals c.Id
                          where c.Status == CaseStatus.Open
                          select new { a.CaseId, c.Number, a.Kind, a.DueDate, a.RaisedUtc }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.RaisedUtc).Select(r => new AlertDto(r.CaseId, r.Number, r.Kind == AlertKind.Overdue ? "overdue" : "soon-due", r.DueDate, r.RaisedUtc))];
    }
}
