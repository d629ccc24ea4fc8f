using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Pages;

/// <summary>The rota: everyone in the inbox team reads it and writes handover notes; leads and administrators change it.</summary>
[Authorize(Policy = AccessPolicies.Staff)]
public sealed class RotaModel(SalusDbContext db, RotaQueries rotaQueries, RotaService rota, InboxQueries queries, TimeProvider time, IStringLocalizer<InboxResource> l) : InboxFormPage
{

    public DateTime NowUtc { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Shift> Shifts { get; private set; } = [];
    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];
    public IReadOnlyList<HandoverNote> Handovers { get; private set; } = [];
    public IReadOnlySet<Guid> ActiveShiftIds { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public IReadOnlyList<SlaPolicy> SlaPolicies { get; private set; } = [];

    public bool IsLead => User.IsInRole(Roles.CommunityLead) || User.IsInRole(Roles.Administrator);
    public bool CanWork => User.IsInRole(Roles.CommunityAgent) || User.IsInRole(Roles.CommunityLead) || User.IsInRole(Roles.MedicalInformationSpecialist);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanWork && !IsLead)
        {
            return Forbid();
        }

        NowUtc = time.GetUtcNow().UtcDateTime;
        Teams = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Shifts = await db.Set<Shift>().AsNoTracking().OrderBy(s => s.StartLocal).ToListAsync(cancellationToken);
        Holidays = await db.Set<Holiday>().AsNoTracking().ToListAsync(cancellationToken);
        Handovers = await db.Set<HandoverNote>().AsNoTracking().OrderByDescending(h => h.CreatedUtc).Take(100).ToListAsync(cancellationToken);
        ActiveShiftIds = (await rotaQueries.OnDutyAsync(NowUtc, cancellationToken)).Select(a => a.Shift.Id).ToHashSet();
        Staff = await queries.AssignableAsync();
        var stored = await db.Set<SlaPolicy>().AsNoTracking().OrderBy(p => p.Priority).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        SlaPolicies = stored.Count > 0 ? stored : SlaPolicy.BuiltIn;
        return Page();
    }

    public async Task<IActionResult> OnPostHandoverAsync(Guid teamId, string? text, CancellationToken cancellationToken) =>
        !CanWork ? Forbid() : Done(await rota.AddHandoverAsync(teamId, text, Actor.From(User), cancellationToken), l["Handover note added."]);

    public async Task<IActionResult> OnPostTeamAsync(string? name, string? timeZone, string? markets, CancellationToken cancellationToken) =>
        !IsLead ? Forbid() : Done(await rota.AddTeamAsync(new TeamRequest(name, timeZone, markets), cancellationToken), l["Team added."]);

    public async Task<IActionResult> OnPostShiftAsync(Guid teamId, string? userId, string? label, List<DayOfWeek> days, string? start, string? end, bool onCall, int capacity, CancellationToken cancellationToken) =>
        !IsLead ? Forbid() : Done(await rota.AddShiftAsync(new ShiftRequest(teamId, userId, label, days, start, end, onCall, capacity), cancellationToken), l["Shift added."]);

    public async Task<IActionResult> OnPostHolidayAsync(DateOnly date, string? name, string? market, CancellationToken cancellationToken) =>
        !IsLead ? Forbid() : Done(await rota.AddHolidayAsync(new HolidayRequest(null, string.IsNullOrWhiteSpace(market) ? null : market, date, name), cancellationToken), l["Holiday added."]);

    private RedirectResult Done<T>(Result<T> result, string message) => Done(result, message, "/inbox/rota");
}
