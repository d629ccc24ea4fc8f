using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies.Features.Acknowledgement;

public sealed record ReminderPayload(Guid VersionId, int Round);

/// <summary>
/// Durable reminder round: records a reminder for every employee of the audience who has not acknowledged the
/// version yet, then schedules the next round (until everyone has, the version is superseded, or the limit).
/// </summary>
public sealed class AcknowledgementReminderHandler(
    SalusDbContext db, PolicyAcknowledgementService acknowledgements, UserManager<SalusUser> users, JobQueue jobs,
    AuditScope audit, TimeProvider time, IOptions<PoliciesOptions> options) : IJobHandler
{
    public const string JobType = "policies.acknowledgement-reminder";

    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<ReminderPayload>(job.Payload) ?? throw new InvalidOperationException("Empty reminder payload.");
        audit.ActAs("system", "policy reminders");
        var version = await db.Set<PolicyVersion>().AsNoTracking().Include(v => v.Policy).Include(v => v.Sections)
            .FirstOrDefaultAsync(v => v.Id == payload.VersionId, cancellationToken);
        if (version is null || version.Status != PolicyStatus.Published)
        {
            return;
        }

        var own = (await db.Set<PolicyVersion>().Where(v => v.Status == PolicyStatus.Published).Select(v => v.Policy!.Market).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reminded = 0;
        foreach (var user in (await users.GetUsersInRoleAsync(Roles.Employee)).Where(u => u.IsActive && PolicyAcknowledgementService.Includes(version, u, own)))
        {
            if ((await acknowledgements.PendingAsync(user.Id, version, cancellationToken)).Count > 0)
            {
                db.RecordEvent("policy.reminder", "SalusUser", user.Id, JsonSerializer.Serialize(new { version = version.Label(version.Policy!), round = payload.Round }));
                reminded++;
            }
        }

        if (reminded > 0 && payload.Round < options.Value.MaxReminders)
        {
            var next = payload with { Round = payload.Round + 1 };
            var key = $"policy-reminder:{version.Id:N}:{next.Round}";
            if (!await db.Jobs.AnyAsync(j => j.DedupKey == key, cancellationToken))
            {
                jobs.Add(JobType, JsonSerializer.Serialize(next), time.GetUtcNow().UtcDateTime.AddHours(options.Value.ReminderIntervalHours),
                    key);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
