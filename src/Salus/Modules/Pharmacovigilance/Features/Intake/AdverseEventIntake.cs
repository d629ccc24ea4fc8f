using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance.Features.Intake;

/// <summary>
/// How items flagged as adverse events (by the inbox, by screening, by a person) become case proposals, and how the
/// reporter's replies to a follow-up request reach their case.
/// </summary>
internal sealed class AdverseEventIntake(SalusDbContext db, TimeProvider time) : IAdverseEventIntake
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> ProposeAsync(AdverseEventSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.SourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.SourceId);
        ArgumentNullException.ThrowIfNull(signal.Text);

        var existing = await FindAsync(signal.SourceType, signal.SourceId, cancellationToken);
        if (existing is not null)
        {
            return existing.Value;
        }

        var proposal = new CaseProposal
        {
            SourceType = signal.SourceType.Trim(),
            SourceId = signal.SourceId.Trim(),
            ChannelId = signal.ChannelId,
            Channel = signal.Channel,
            Market = signal.Market?.ToUpperInvariant(),
            Language = signal.Language,
            Text = signal.Text,
            ReporterPlatformId = signal.ReporterPlatformId,
            ReporterHandle = signal.ReporterHandle,
            ReporterDisplayName = signal.ReporterDisplayName,
            Permalink = signal.Permalink,
            ReceivedUtc = signal.ReceivedAt.UtcDateTime,
            ProposedUtc = time.GetUtcNow().UtcDateTime,
            FlaggedBy = signal.FlaggedBy,
            ProductsJson = JsonSerializer.Serialize(signal.Products ?? [], Json),
            ReactionsJson = JsonSerializer.Serialize(signal.Reactions ?? [], Json),
        };
        db.Set<CaseProposal>().Add(proposal);
        db.RecordEvent("pv.proposal.created", nameof(CaseProposal), proposal.Id.ToString(), $"{{\"source\":\"{proposal.SourceType}\",\"flaggedBy\":{JsonSerializer.Serialize(proposal.FlaggedBy)}}}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return proposal.Id;
        }
        catch (DbUpdateException)
        {
            // Another node proposed the same source at the same moment: theirs is the one.
            db.ChangeTracker.Clear();
            return await FindAsync(signal.SourceType, signal.SourceId, cancellationToken) ?? throw new InvalidOperationException("The proposal could not be stored.");
        }
    }

    public async Task<bool> TryAttachFollowUpAsync(FollowUpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var candidates = await db.Set<PvCase>()
            .Where(c => c.ChannelId == message.ChannelId && c.ReporterPlatformId == message.ReporterPlatformId && c.Status == CaseStatus.Open)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return false;
        }

        var ids = candidates.Select(c => c.Id).ToList();
        var already = await db.Set<FollowUp>().AnyAsync(f => ids.Contains(f.CaseId) && f.Kind == FollowUpKind.Reply && f.PlatformItemId == message.PlatformItemId, cancellationToken);
        if (already)
        {
            return true;
        }

        var awaiting = candidates.Where(c => c.AwaitingFollowUp).ToList();
        if (awaiting.Count == 0)
        {
            return false;
        }

        // The most recent request is the one being answered.
        var lastRequests = await db.Set<FollowUp>().Where(f => ids.Contains(f.CaseId) && f.Kind == FollowUpKind.Request)
            .Select(f => new { f.CaseId, f.AtUtc }).ToListAsync(cancellationToken);
        var target = awaiting.OrderByDescending(c => lastRequests.Where(r => r.CaseId == c.Id).Select(r => r.AtUtc).DefaultIfEmpty().Max()).First();
        db.Set<FollowUp>().Add(new FollowUp
        {
            CaseId = target.Id, Kind = FollowUpKind.Reply, Text = message.Text, PlatformItemId = message.PlatformItemId,
            AtUtc = message.ReceivedAt.UtcDateTime, By = "reporter",
        });
        target.AwaitingFollowUp = false;
        db.RecordEvent("pv.follow-up.received", nameof(PvCase), target.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Guid?> FindAsync(string sourceType, string sourceId, CancellationToken cancellationToken)
    {
        var type = sourceType.Trim();
        var id = sourceId.Trim();
        return await db.Set<CaseProposal>().Where(p => p.SourceType == type && p.SourceId == id)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
