using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.Duplicates;

/// <summary>Suggests links between a case and earlier or later ones (any channel, any time); officers link or dismiss.</summary>
public sealed class DuplicateFinder(SalusDbContext db, TimeProvider time, AuditScope audit)
{
    public async Task SuggestAsync(PvCase pvCase, CancellationToken ct)
    {
        var me = Profile(pvCase);
        var others = await db.Set<PvCase>().AsNoTracking().Where(c => c.Id != pvCase.Id)
            .Include(c => c.Products).Include(c => c.Reactions).AsSplitQuery().ToListAsync(ct);
        var known = await db.Set<DuplicateSuggestion>().Where(d => d.CaseId == pvCase.Id || d.OtherCaseId == pvCase.Id)
            .Select(d => new { d.CaseId, d.OtherCaseId }).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<DuplicateSuggestion>().Select(e => e.Entity).ToList();
        foreach (var other in others)
        {
            var score = DuplicateScorer.Score(me, Profile(other));
            var already = known.Any(k => (k.CaseId == other.Id && k.OtherCaseId == pvCase.Id) || (k.CaseId == pvCase.Id && k.OtherCaseId == other.Id))
                || pending.Any(p => (p.CaseId == pvCase.Id && p.OtherCaseId == other.Id) || (p.CaseId == other.Id && p.OtherCaseId == pvCase.Id));
            if (score.Score >= DuplicateScorer.Threshold && !already)
            {
                db.Set<DuplicateSuggestion>().Add(new DuplicateSuggestion
                {
                    CaseId = pvCase.Id, OtherCaseId = other.Id, Score = score.Score, Reason = score.Reason, SuggestedUtc = time.GetUtcNow().UtcDateTime,
                });
            }
        }
    }

    public async Task<Result<DuplicateSuggestion>> DecideAsync(Guid suggestionId, bool link, string? reason, CancellationToken ct)
    {
        var suggestion = await db.Set<DuplicateSuggestion>().FirstOrDefaultAsync(d => d.Id == suggestionId, ct);
        if (suggestion is null)
        {
            return Errors.NotFound("pv.duplicate.not-found", "No such duplicate suggestion.");
        }

        if (suggestion.Status != DuplicateStatus.Suggested)
        {
            return Errors.Conflict("pv.duplicate.decided", "This suggestion was already decided.");
        }

        audit.Reason = string.IsNullOrWhiteSpace(reason) ? (link ? "Linked as duplicate" : "Not a duplicate") : reason.Trim();
        suggestion.Status = link ? DuplicateStatus.Linked : DuplicateStatus.Dismissed;
        suggestion.DecidedBy = audit.Actor.Name;
        suggestion.DecidedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return suggestion;
    }

    internal static DuplicateProfile Profile(PvCase c) => new(
        c.Id, c.ReporterPlatformId, c.ReporterHandle, c.ReporterDisplayName,
        [.. c.Products.SelectMany(p => new[] { p.Name }.Concat((p.Ingredients ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Select(DuplicateScorer.Key).OfType<string>().Distinct()],
        [.. c.Reactions.Select(r => r.Term ?? DuplicateScorer.Key(r.ReportedText)).OfType<string>().Distinct()],
        c.ReceivedUtc);
}
