using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance.Features.Deadlines;

internal sealed record DeadlinePayload(Guid CaseId, AlertKind Kind, DateOnly DueDate);

/// <summary>
/// Puts two durable jobs in the outbox for each due date of an open case: one when it becomes soon due, one when it
/// is overdue (the day after the due date). A new due date gets new jobs; old ones find nothing to do.
/// </summary>
public sealed class DeadlineScheduler(SalusDbContext db, JobQueue queue, IOptions<PharmacovigilanceOptions> options)
{
    public const string JobType = "pv.deadline";

    public async Task ScheduleAsync(PvCase pvCase, CancellationToken ct)
    {
        if (pvCase.Status != CaseStatus.Open || pvCase.DueDate() is not { } due)
        {
            return;
        }

        var soon = due.AddDays(-options.Value.SoonDueDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var overdue = due.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (kind, at) in new[] { (AlertKind.SoonDue, soon), (AlertKind.Overdue, overdue) })
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{JobType}:{pvCase.Id:N}:{kind}:{due:yyyyMMdd}");
            var pending = db.ChangeTracker.Entries<Job>().Any(e => e.Entity.DedupKey == key);
            if (pending || await db.Jobs.AnyAsync(j => j.DedupKey == key, ct))
            {
                continue;
            }

            queue.Add(JobType, JsonSerializer.Serialize(new DeadlinePayload(pvCase.Id, kind, due)), at, key);
        }
    }
}

/// <summary>Raises a soon-due or overdue alert if the case is still open and its due date is still the one scheduled.</summary>
internal sealed class DeadlineJobHandler(SalusDbContext db, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<DeadlinePayload>(job.Payload) ?? throw new InvalidOperationException("Empty deadline payload.");
        var pvCase = await db.Set<PvCase>().FirstOrDefaultAsync(c => c.Id == payload.CaseId, cancellationToken);
        if (pvCase is null || pvCase.Status != CaseStatus.Open || pvCase.DueDate() != payload.DueDate)
        {
            return;
        }

        var exists = await db.Set<CaseAlert>().AnyAsync(a => a.CaseId == pvCase.Id && a.Kind == payload.Kind && a.DueDate == payload.DueDate, cancellationToken);
        if (exists)
        {
            return;
        }

        db.Set<CaseAlert>().Add(new CaseAlert { CaseId = pvCase.Id, Kind = payload.Kind, DueDate = payload.DueDate, RaisedUtc = time.GetUtcNow().UtcDateTime });
        db.RecordEvent(payload.Kind == AlertKind.Overdue ? "pv.case.overdue" : "pv.case.soon-due", nameof(PvCase), pvCase.Id.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{{\"due\":\"{payload.DueDate:yyyy-MM-dd}\"}}"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
