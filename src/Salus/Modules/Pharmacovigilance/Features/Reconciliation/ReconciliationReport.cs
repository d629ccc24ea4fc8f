using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance.Features.Reconciliation;

/// <summary>
/// One inbound item flagged as an adverse event and what became of it. <see cref="Gap"/> names what an inspector
/// would ask about: a flag nobody decided in time, a confirmation without its case, a case that is late.
/// </summary>
public sealed record ReconciliationRow(
    Guid ProposalId, string SourceType, string SourceId, string? Channel, string? Market, DateTime ReceivedUtc, string FlaggedBy,
    string Outcome, string? CaseNumber, Guid? CaseId, string? RejectionReason, DateOnly? DueDate, string? Gap);

public sealed class ReconciliationReport(SalusDbContext db, TimeProvider time, IOptions<PharmacovigilanceOptions> options)
{
    public async Task<IReadOnlyList<ReconciliationRow>> BuildAsync(DateTime? fromUtc, DateTime? toUtc, CancellationToken ct)
    {
        var proposals = db.Set<CaseProposal>().AsNoTracking();
        if (fromUtc is { } from)
        {
            proposals = proposals.Where(p => p.ReceivedUtc >= from);
        }

        if (toUtc is { } to)
        {
            proposals = proposals.Where(p => p.ReceivedUtc <= to);
        }

        var items = await proposals.OrderBy(p => p.ReceivedUtc).ThenBy(p => p.SourceId).ToListAsync(ct);
        var cases = await db.Set<PvCase>().AsNoTracking().ToDictionaryAsync(c => c.ProposalId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var grace = TimeSpan.FromDays(options.Value.ProposalGraceDays);
        return [.. items.Select(p =>
        {
            cases.TryGetValue(p.Id, out var c);
            var due = c?.DueDate();
            string? gap = p.Status switch
            {
                ProposalStatus.Pending when now - p.ProposedUtc > grace => "undecided",
                ProposalStatus.Confirmed when c is null => "case-missing",
                ProposalStatus.Confirmed when c!.Status == CaseStatus.Open && due is { } d && d < today => "overdue",
                ProposalStatus.Confirmed when c!.Status == CaseStatus.Open && c.Day0 is null => "criteria-incomplete",
                _ => null,
            };
            var outcome = p.Status switch
            {
                ProposalStatus.Pending => "pending",
                ProposalStatus.Rejected => "rejected",
                _ => c?.Status.ToString().ToLowerInvariant() ?? "confirmed",
            };
            return new ReconciliationRow(p.Id, p.SourceType, p.SourceId, p.Channel, p.Market, p.ReceivedUtc, p.FlaggedBy, outcome,
                c?.Number, c?.Id, p.Status == ProposalStatus.Rejected ? p.DecisionReason : null, due, gap);
        })];
    }

    public static async Task WriteCsvAsync(IEnumerable<ReconciliationRow> rows, TextWriter writer, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        await csv.WriteRecordAsync(
            ["received_utc", "source_type", "source_id", "channel", "market", "flagged_by", "outcome", "case", "rejection_reason", "due_date", "gap"], ct);
        foreach (var r in rows)
        {
            await csv.WriteRecordAsync(
                [r.ReceivedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.SourceType, r.SourceId, r.Channel ?? "", r.Market ?? "",
                 r.FlaggedBy, r.Outcome, r.CaseNumber ?? "", r.RejectionReason ?? "", r.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Gap ?? ""], ct);
        }

        await csv.FlushAsync(ct);
    }
}
