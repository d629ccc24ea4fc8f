using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Rota;

public sealed record ActiveShift(Shift Shift, Team Team);

/// <summary>Who is on shift, and who is on call, at an instant.</summary>
public sealed class RotaQueries(SalusDbContext db)
{
    public async Task<IReadOnlyList<ActiveShift>> OnDutyAsync(DateTime utc, CancellationToken cancellationToken)
    {
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var shifts = await db.Set<Shift>().AsNoTracking().ToListAsync(cancellationToken);
        var holidays = await db.Set<Holiday>().AsNoTracking().ToListAsync(cancellationToken);
        var active = new List<ActiveShift>();
        foreach (var shift in shifts)
        {
            if (!teams.TryGetValue(shift.TeamId, out var team))
            {
                continue;
            }

            var days = holidays.Where(h => h.TeamId == team.Id || (h.TeamId is null && h.Market is not null && team.Covers(h.Market)))
                .Select(h => h.Date).ToHashSet();
            if (ShiftClock.IsActive(shift, team, utc, days))
            {
                active.Add(new ActiveShift(shift, team));
            }
        }

        return active;
    }

    /// <summary>The on-call shifts now, those whose team covers the market first.</summary>
    public async Task<IReadOnlyList<ActiveShift>> OnCallAsync(DateTime utc, string market, CancellationToken cancellationToken) =>
        [.. (await OnDutyAsync(utc, cancellationToken)).Where(a => a.Shift.OnCall).OrderBy(a => a.Team.Covers(market) ? 0 : 1)];

    public async Task<IReadOnlySet<DateOnly>> HolidaysForMarketAsync(string market, CancellationToken cancellationToken) =>
        (await db.Set<Holiday>().AsNoTracking().Where(h => h.Market == market || (h.Market == null && h.TeamId == null))
            .Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
}
