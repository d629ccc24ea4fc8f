using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.Erasure;

public sealed record ErasureOutcome(int CasesPseudonymised, int ProposalsPseudonymised);

/// <summary>
/// A data subject's erasure request against PV data. Cases are NOT deleted: keeping them is a legal obligation
/// (GDPR Art. 17(3)(b) and (c); Dir. 2001/83/EC Art. 104; GVP Module VI retention), and an authority may still ask
/// about them. What the law allows is done: direct identifiers (account id, handle, display name, permalink, patient
/// initials) are replaced by the case's pseudonym, handles in stored texts are redacted, and no further contact is
/// made. Clinical content (reactions, products, dates, age, sex, seriousness) stays, as the report needs it.
/// See docs/pharmacovigilance.md, "Erasure".
/// </summary>
internal sealed class CaseErasure(SalusDbContext db, AuditScope audit, TimeProvider time)
{
    public async Task<Result<ErasureOutcome>> EraseAsync(string? reporterPlatformId, string? reporterHandle, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Errors.Validation("pv.reason.required", "Record the erasure request (reference or reason).", new Dictionary<string, string[]> { ["reason"] = ["Required."] });
        }

        if (string.IsNullOrWhiteSpace(reporterPlatformId) && string.IsNullOrWhiteSpace(reporterHandle))
        {
            return Errors.Validation("pv.erasure.subject", "Name the person: their platform account id or handle.",
                new Dictionary<string, string[]> { ["reporterPlatformId"] = ["Account id or handle required."] });
        }

        var id = reporterPlatformId?.Trim();
        var handle = reporterHandle?.Trim();
        var cases = await db.Set<PvCase>().Include(c => c.FollowUps)
            .Where(c => (id != null && c.ReporterPlatformId == id) || (handle != null && c.ReporterHandle == handle)).ToListAsync(ct);
        var proposals = await db.Set<CaseProposal>()
            .Where(p => (id != null && p.ReporterPlatformId == id) || (handle != null && p.ReporterHandle == handle)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        audit.Reason = "Erasure request: " + reason.Trim();
        foreach (var c in cases)
        {
            string?[] identifiers = [c.ReporterHandle, c.ReporterDisplayName];
            c.SourceText = Pseudonyms.Redact(c.SourceText, c.ReporterPseudonym, identifiers);
            c.Narrative = c.Narrative is null ? null : Pseudonyms.Redact(c.Narrative, c.ReporterPseudonym, identifiers);
            foreach (var f in c.FollowUps)
            {
                f.Text = Pseudonyms.Redact(f.Text, c.ReporterPseudonym, identifiers);
            }

            if (c.ReporterDetail is not null)
            {
                c.ReporterDetail = Pseudonyms.Redact(c.ReporterDetail, c.ReporterPseudonym, identifiers);
            }

            c.ReporterPlatformId = null;
            c.ReporterHandle = null;
            c.ReporterDisplayName = null;
            c.Permalink = null;
            c.PatientInitials = null;
            c.AwaitingFollowUp = false;
            c.PseudonymisedUtc = now;
            db.RecordEvent("pv.case.pseudonymised", nameof(PvCase), c.Id.ToString());
        }

        foreach (var p in proposals)
        {
            var pseudonym = cases.FirstOrDefault(c => c.ProposalId == p.Id)?.ReporterPseudonym ?? "RPT-ERASED";
            p.Text = Pseudonyms.Redact(p.Text, pseudonym, p.ReporterHandle, p.ReporterDisplayName);
            p.ReporterPlatformId = null;
            p.ReporterHandle = null;
            p.ReporterDisplayName = null;
            p.Permalink = null;
        }

        await db.SaveChangesAsync(ct);
        return new ErasureOutcome(cases.Count, proposals.Count);
    }
}
