using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Deadlines;
using Salus.Modules.Pharmacovigilance.Features.Duplicates;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.Cases;

public sealed record PatientUpdate(string? Initials, PatientSex Sex, int? AgeYears);

/// <summary>
/// The PV officer's work on proposals and cases. Every change is audited by the platform (who, when, old/new values)
/// with the reason the officer gave; identifying reporter fields are redacted from the trail.
/// </summary>
public sealed class CaseWork(
    SalusDbContext db, AuditScope audit, TimeProvider time, DrugLinker linker, DeadlineScheduler deadlines, DuplicateFinder duplicates)
{
    private string Actor => audit.Actor.Name;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<PvCase>> ConfirmAsync(Guid proposalId, string? reason, CancellationToken ct = default)
    {
        var proposal = await db.Set<CaseProposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Errors.NotFound("pv.proposal.not-found", "No such proposal.");
        }

        if (proposal.Status != ProposalStatus.Pending)
        {
            return Errors.Conflict("pv.proposal.decided", $"The proposal was already {proposal.Status.ToString().ToLowerInvariant()}.");
        }

        audit.Reason = string.IsNullOrWhiteSpace(reason) ? "Case opened from proposal" : reason.Trim();
        var number = await NextNumberAsync(ct);
        var pvCase = new PvCase
        {
            Number = number, ProposalId = proposal.Id, Market = proposal.Market, Language = proposal.Language, Channel = proposal.Channel,
            ChannelId = proposal.ChannelId, SourceType = proposal.SourceType, SourceId = proposal.SourceId, SourceText = proposal.Text,
            Permalink = proposal.Permalink, ReceivedUtc = proposal.ReceivedUtc, OpenedUtc = Now, OpenedBy = Actor,
            ReporterPlatformId = proposal.ReporterPlatformId, ReporterHandle = proposal.ReporterHandle,
            ReporterDisplayName = proposal.ReporterDisplayName, ReporterPseudonym = Pseudonyms.NewReporterPseudonym(),
        };

        var products = JsonSerializer.Deserialize<List<SignalProduct>>(proposal.ProductsJson, AdverseEventIntake.Json) ?? [];
        foreach (var p in products.DistinctBy(p => p.Name))
        {
            var linked = linker.Link(p.Name, p.Code, p.Ingredients);
            pvCase.Products.Add(new CaseProduct { Name = linked.Name, Code = linked.Code, Ingredients = Join(linked.Ingredients), AddedUtc = Now });
        }

        var reactions = JsonSerializer.Deserialize<List<SignalReaction>>(proposal.ReactionsJson, AdverseEventIntake.Json) ?? [];
        foreach (var r in reactions)
        {
            pvCase.Reactions.Add(new CaseReaction { Term = r.Term ?? linker.ReactionTermFor(r.Text), ReportedText = r.Text, AddedUtc = Now });
        }

        // What the source item itself establishes, known from the moment it was received.
        if (!string.IsNullOrWhiteSpace(proposal.ReporterPlatformId) || !string.IsNullOrWhiteSpace(proposal.ReporterHandle))
        {
            pvCase.SetCriterion(Criterion.Reporter, $"Contactable account on {proposal.Channel ?? "the channel"} ({pvCase.ReporterPseudonym})", proposal.ReceivedUtc);
        }

        if (pvCase.Reactions.Count > 0)
        {
            pvCase.SetCriterion(Criterion.Reaction, string.Join(", ", pvCase.Reactions.Select(r => r.ReportedText)), proposal.ReceivedUtc);
        }

        if (pvCase.Products.Count > 0)
        {
            pvCase.SetCriterion(Criterion.Product, string.Join(", ", pvCase.Products.Select(p => p.Name)), proposal.ReceivedUtc);
        }

        proposal.Status = ProposalStatus.Confirmed;
        proposal.DecidedBy = Actor;
        proposal.DecidedUtc = Now;
        proposal.DecisionReason = audit.Reason;
        proposal.CaseId = pvCase.Id;
        db.Set<PvCase>().Add(pvCase);
        await duplicates.SuggestAsync(pvCase, ct);
        await deadlines.ScheduleAsync(pvCase, ct);
        for (int attempt = 1; ; attempt++)
        {
            db.RecordEvent("pv.proposal.confirmed", nameof(CaseProposal), proposal.Id.ToString(), $"{{\"case\":\"{pvCase.Number}\"}}");
            try
            {
                await db.SaveChangesAsync(ct);
                return pvCase;
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                if (!await NumberTakenAsync(pvCase.Number, ct))
                {
                    throw;
                }

                // another officer (or node) took this number between our count and our commit: nothing was written
                // (the save is one transaction); take the next number and save again
                pvCase.Number = await NextNumberAsync(ct);
            }
        }
    }

    private const int MaxNumberAttempts = 10;

    private Task<bool> NumberTakenAsync(string number, CancellationToken ct) =>
        db.Set<PvCase>().AsNoTracking().AnyAsync(c => c.Number == number, ct);

    public async Task<Result<CaseProposal>> RejectAsync(Guid proposalId, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Errors.Validation("pv.reason.required", "A reason is required to reject a proposal.", new Dictionary<string, string[]> { ["reason"] = ["Required."] });
        }

        var proposal = await db.Set<CaseProposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Errors.NotFound("pv.proposal.not-found", "No such proposal.");
        }

        if (proposal.Status != ProposalStatus.Pending)
        {
            return Errors.Conflict("pv.proposal.decided", $"The proposal was already {proposal.Status.ToString().ToLowerInvariant()}.");
        }

        audit.Reason = reason.Trim();
        proposal.Status = ProposalStatus.Rejected;
        proposal.DecisionReason = reason.Trim();
        proposal.DecidedBy = Actor;
        proposal.DecidedUtc = Now;
        db.RecordEvent("pv.proposal.rejected", nameof(CaseProposal), proposal.Id.ToString(), reason: reason.Trim());
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    public async Task<PvCase?> LoadAsync(Guid caseId, CancellationToken ct = default) =>
        await db.Set<PvCase>().Include(c => c.Reactions).Include(c => c.Products).Include(c => c.FollowUps)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == caseId, ct);

    /// <summary>Finds a case by id or by number (for the CLI and links).</summary>
    public async Task<PvCase?> FindAsync(string idOrNumber, CancellationToken ct = default)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return await LoadAsync(id, ct);
        }

        var number = idOrNumber.Trim().ToUpperInvariant();
        var match = await db.Set<PvCase>().Where(c => c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return match is { } m ? await LoadAsync(m, ct) : null;
    }

    public Task<Result<PvCase>> SetCriterionAsync(Guid caseId, Criterion criterion, bool known, string? detail, DateTime? knownUtc, string? reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, reason ?? $"Criterion {criterion} updated", c =>
        {
            if (known && string.IsNullOrWhiteSpace(detail))
            {
                return Errors.Validation("pv.criterion.detail", "Say what is known.", new Dictionary<string, string[]> { ["detail"] = ["Required when the criterion is known."] });
            }

            var when = knownUtc?.ToUniversalTime() ?? Now;
            if (when > Now)
            {
                return Errors.Validation("pv.criterion.future", "A criterion cannot become known in the future.", new Dictionary<string, string[]> { ["knownAt"] = ["Not in the future."] });
            }

            c.SetCriterion(criterion, known ? detail!.Trim() : null, known ? when : null);
            return c;
        }, ct);

    public Task<Result<PvCase>> SetDay0Async(Guid caseId, DateOnly? day0, string? reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, reason, c =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Errors.Validation("pv.reason.required", "Changing day 0 needs a reason.", new Dictionary<string, string[]> { ["reason"] = ["Required."] });
            }

            if (day0 is { } d && d > DateOnly.FromDateTime(Now))
            {
                return Errors.Validation("pv.day0.future", "Day 0 cannot be in the future.", new Dictionary<string, string[]> { ["day0"] = ["Not in the future."] });
            }

            if (day0 is { } earliest && earliest < DateOnly.FromDateTime(c.ReceivedUtc).AddYears(-1))
            {
                return Errors.Validation("pv.day0.range", "Day 0 is more than a year before the item was received.", new Dictionary<string, string[]> { ["day0"] = ["Out of range."] });
            }

            c.Day0Override = day0;
            c.Day0OverrideReason = day0 is null ? null : reason!.Trim();
            return c;
        }, ct);

    public Task<Result<PvCase>> SetSeriousnessAsync(Guid caseId, Seriousness seriousness, bool? unexpected, string? reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, reason ?? "Seriousness assessed", c =>
        {
            c.SetSeriousness(seriousness);
            c.Unexpected = unexpected;
            return c;
        }, ct);

    public Task<Result<PvCase>> SetPatientAsync(Guid caseId, PatientUpdate patient, string? reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, reason ?? "Patient details updated", c =>
        {
            if (patient.AgeYears is < 0 or > 130)
            {
                return Errors.Validation("pv.patient.age", "Age must be between 0 and 130 years.", new Dictionary<string, string[]> { ["ageYears"] = ["0 to 130."] });
            }

            if (patient.Initials is { Length: > 10 })
            {
                return Errors.Validation("pv.patient.initials", "Initials only (at most 10 characters).", new Dictionary<string, string[]> { ["initials"] = ["At most 10 characters."] });
            }

            c.PatientInitials = string.IsNullOrWhiteSpace(patient.Initials) ? null : patient.Initials.Trim();
            c.PatientSex = patient.Sex;
            c.PatientAgeYears = patient.AgeYears;
            return c;
        }, ct);

    public Task<Result<PvCase>> SetNarrativeAsync(Guid caseId, string? narrative, CancellationToken ct = default) =>
        ChangeAsync(caseId, "Narrative updated", c =>
        {
            if (narrative is { Length: > 20_000 })
            {
                return Errors.Validation("pv.narrative.length", "At most 20,000 characters.", new Dictionary<string, string[]> { ["narrative"] = ["Too long."] });
            }

            c.Narrative = string.IsNullOrWhiteSpace(narrative) ? null : narrative.Trim();
            return c;
        }, ct);

    public async Task<Result<PvCase>> AddReactionAsync(Guid caseId, string? term, string? text, string? medDraCode, string? medDraVersion, CancellationToken ct = default)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(term))
        {
            fields["text"] = ["Give the reaction as reported, or choose a reaction term."];
        }

        if (!string.IsNullOrWhiteSpace(term) && !linker.IsReactionTerm(term))
        {
            fields["term"] = [$"'{term}' is not a reaction term of the screening engine."];
        }

        foreach (var (key, value) in MedDraProblems(medDraCode, medDraVersion))
        {
            fields[key] = value;
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("pv.reaction.invalid", "The reaction is not valid.", fields);
        }

        var result = await ChangeAsync(caseId, "Reaction added", c =>
        {
            var resolvedTerm = string.IsNullOrWhiteSpace(term) ? linker.ReactionTermFor(text) : term.Trim();
            var reported = string.IsNullOrWhiteSpace(text) ? linker.ReactionTerms.First(t => t.Id == resolvedTerm).English : text.Trim();
            c.Reactions.Add(new CaseReaction
            {
                CaseId = c.Id, Term = resolvedTerm, ReportedText = reported,
                MedDraCode = medDraCode?.Trim() is { Length: > 0 } code ? code : null,
                MedDraVersion = medDraVersion?.Trim() is { Length: > 0 } v ? v : null, AddedUtc = Now,
            });
            return c;
        }, ct);
        return result;
    }

    /// <summary>Codes an existing reaction: onset date, outcome, MedDRA code and version (null leaves the code as it is).</summary>
    public Task<Result<PvCase>> CodeReactionAsync(Guid caseId, Guid reactionId, DateOnly? onset, ReactionOutcome outcome, string? medDraCode, string? medDraVersion, CancellationToken ct = default) =>
        ChangeAsync(caseId, "Reaction coded", c =>
        {
            var reaction = c.Reactions.FirstOrDefault(r => r.Id == reactionId);
            if (reaction is null)
            {
                return Errors.NotFound("pv.reaction.not-found", "No such reaction in this case.");
            }

            var fields = MedDraProblems(medDraCode, medDraVersion);
            if (onset is { } day && day > DateOnly.FromDateTime(Now))
            {
                fields["onsetDate"] = ["Not in the future."];
            }

            if (!Enum.IsDefined(outcome))
            {
                fields["outcome"] = ["Unknown outcome."];
            }

            if (fields.Count > 0)
            {
                return Errors.Validation("pv.reaction.invalid", "The reaction is not valid.", fields);
            }

            reaction.OnsetDate = onset;
            reaction.Outcome = outcome;
            if (!string.IsNullOrWhiteSpace(medDraCode))
            {
                reaction.MedDraCode = medDraCode.Trim();
                reaction.MedDraVersion = medDraVersion!.Trim();
            }

            return c;
        }, ct);

    public Task<Result<PvCase>> AddProductAsync(Guid caseId, string? name, ProductRole role, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 300)
        {
            return Task.FromResult<Result<PvCase>>(Errors.Validation("pv.product.invalid", "The product name is required (at most 300 characters).", new Dictionary<string, string[]> { ["name"] = ["Required."] }));
        }

        return ChangeAsync(caseId, "Product added", c =>
        {
            var linked = linker.Link(name);
            c.Products.Add(new CaseProduct { CaseId = c.Id, Name = linked.Name, Code = linked.Code, Ingredients = Join(linked.Ingredients), Role = role, AddedUtc = Now });
            return c;
        }, ct);
    }

    /// <summary>Replaces the dosing record of one product (the PUT); every bad field is named, nothing is stored then.</summary>
    public Task<Result<PvCase>> SetDosingAsync(Guid caseId, Guid productId, DosingUpdate dosing, string? reason, CancellationToken ct = default) =>
        ChangeDosingAsync(caseId, productId, _ => dosing, reason ?? "Product dosing updated", ct);

    /// <summary>
    /// Merges a patch into the stored dosing record (the PATCH): the merged record is checked as a whole, as for a PUT.
    /// The reason is required: a partial change is otherwise easy to miss in the trail.
    /// </summary>
    public Task<Result<PvCase>> PatchDosingAsync(Guid caseId, Guid productId, DosingPatch patch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (string.IsNullOrWhiteSpace(patch.Reason))
        {
            return Task.FromResult<Result<PvCase>>(Errors.Validation("pv.reason.required", "Changing the dosing needs a reason.",
                new Dictionary<string, string[]> { ["reason"] = ["Required."] }));
        }

        return ChangeDosingAsync(caseId, productId, patch.ApplyTo, patch.Reason, ct);
    }

    private Task<Result<PvCase>> ChangeDosingAsync(Guid caseId, Guid productId, Func<DosingUpdate, DosingUpdate> next, string reason, CancellationToken ct) =>
        ChangeAsync(caseId, reason, c =>
        {
            var product = c.Products.FirstOrDefault(p => p.Id == productId);
            if (product is null)
            {
                return Errors.NotFound("pv.product.not-found", "No such product in this case.");
            }

            var dosing = next(product.DosingRecord());
            var fields = Dosing.Problems(dosing, DateOnly.FromDateTime(Now));
            if (fields.Count > 0)
            {
                return Errors.Validation("pv.product.dosing", "The dosing is not valid.", fields);
            }

            product.SetDosing(dosing);
            return c;
        }, ct);

    public Task<Result<PvCase>> MarkReportedAsync(Guid caseId, string? reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, reason ?? "Reported to the authority", c =>
        {
            if (c.Status != CaseStatus.Open)
            {
                return Errors.Conflict("pv.case.not-open", "Only an open case can be marked as reported.");
            }

            if (c.Day0 is null)
            {
                return Errors.Conflict("pv.case.invalid", "The case does not meet the four minimum criteria yet: it is not a valid ICSR.");
            }

            c.Status = CaseStatus.Reported;
            c.ReportedUtc = Now;
            return c;
        }, ct);

    /// <summary>Loads, applies, reschedules deadlines and re-checks duplicates, saves with the reason in the trail.</summary>
    private async Task<Result<PvCase>> ChangeAsync(Guid caseId, string? reason, Func<PvCase, Result<PvCase>> change, CancellationToken ct)
    {
        var pvCase = await LoadAsync(caseId, ct);
        if (pvCase is null)
        {
            return Errors.NotFound("pv.case.not-found", "No such case.");
        }

        var result = change(pvCase);
        if (!result.IsSuccess)
        {
            return result;
        }

        audit.Reason = reason?.Trim();
        await duplicates.SuggestAsync(pvCase, ct);
        await deadlines.ScheduleAsync(pvCase, ct);
        await db.SaveChangesAsync(ct);
        return pvCase;
    }

    private async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"PV-{Now.Year}-");
        var count = await db.Set<PvCase>().CountAsync(c => c.Number.StartsWith(prefix), ct);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{count + 1:0000}");
    }

    private static Dictionary<string, string[]> MedDraProblems(string? code, string? version)
    {
        var fields = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(code) && (code.Trim().Length != 8 || !code.Trim().All(char.IsAsciiDigit)))
        {
            fields["medDraCode"] = ["A MedDRA code has 8 digits."];
        }

        if (!string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(version))
        {
            fields["medDraVersion"] = ["The MedDRA version (e.g. 27.1) is required with a code."];
        }

        return fields;
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join("; ", values);
}
