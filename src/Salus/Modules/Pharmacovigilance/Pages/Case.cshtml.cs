using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Modules.Pharmacovigilance.Features.Duplicates;
using Salus.Modules.Pharmacovigilance.Features.FollowUps;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Pages;

public sealed record DuplicateRow(DuplicateSuggestion Suggestion, string OtherNumber);

/// <summary>One case: criteria checklist, day 0, seriousness and due date, patient, reactions, products, follow-ups, duplicates, exports.</summary>
[Authorize(Policy = AccessPolicies.Pharmacovigilance)]
public sealed class CaseModel(SalusDbContext db, CaseWork work, DrugLinker linker) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PvCase? Case { get; private set; }

    public List<DuplicateRow> Duplicates { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public IReadOnlyList<ReactionTerm> Terms => linker.ReactionTerms;

    public string TermLabel(string? id)
    {
        var term = id is null ? null : linker.ReactionTerms.FirstOrDefault(t => t.Id == id);
        return term is null ? id ?? "—" : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "it" ? term.Italian : term.English;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostCriterionAsync(Criterion criterion, bool known, string? detail) =>
        Apply(work.SetCriterionAsync(Id, criterion, known, detail, null, null, Aborted));

    public Task<IActionResult> OnPostDay0Async(DateOnly? day0, string? reason) => Apply(work.SetDay0Async(Id, day0, reason, Aborted));

    public Task<IActionResult> OnPostSeriousnessAsync(bool death, bool lifeThreatening, bool hospitalisation, bool disability, bool congenitalAnomaly, bool otherMedicallyImportant, bool? unexpected) =>
        Apply(work.SetSeriousnessAsync(Id, new Seriousness(death, lifeThreatening, hospitalisation, disability, congenitalAnomaly, otherMedicallyImportant), unexpected, null, Aborted));

    public Task<IActionResult> OnPostPatientAsync(string? initials, PatientSex sex, int? ageYears) =>
        Apply(work.SetPatientAsync(Id, new PatientUpdate(initials, sex, ageYears), null, Aborted));

    public Task<IActionResult> OnPostReactionAsync(string? text, string? term, string? medDraCode, string? medDraVersion) =>
        Apply(work.AddReactionAsync(Id, term, text, medDraCode, medDraVersion, Aborted));

    public Task<IActionResult> OnPostCodeReactionAsync(Guid reactionId, DateOnly? onsetDate, ReactionOutcome outcome) =>
        Apply(work.CodeReactionAsync(Id, reactionId, onsetDate, outcome, null, null, Aborted));

    public Task<IActionResult> OnPostProductAsync(string? name, ProductRole role) => Apply(work.AddProductAsync(Id, name, role, Aborted));

    /// <summary>The dose arrives as the number input sends it (always a dot), so it is parsed invariantly, not in the UI culture.</summary>
    public async Task<IActionResult> OnPostDosingAsync(Guid productId, string? dose, string? doseUnit, string? frequency, string? route, string? indication,
        DateOnly? therapyStart, DateOnly? therapyStop, DrugAction? action, string? doseForm, string? batchNumber, string? reason)
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(dose))
        {
            if (!decimal.TryParse(dose.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return await Apply(Salus.Platform.Results.Errors.Validation("pv.product.dosing", "The dosing is not valid.",
                    new Dictionary<string, string[]> { ["dose"] = ["A number, e.g. 2.5."] }));
            }

            value = parsed;
        }

        return await Apply(work.SetDosingAsync(Id, productId, new DosingUpdate(value, doseUnit, frequency, route, indication, therapyStart, therapyStop, action, doseForm, batchNumber),
            string.IsNullOrWhiteSpace(reason) ? null : reason, Aborted));
    }

    public Task<IActionResult> OnPostNarrativeAsync(string? narrative) => Apply(work.SetNarrativeAsync(Id, narrative, Aborted));

    public Task<IActionResult> OnPostReportedAsync(string? reason) => Apply(work.MarkReportedAsync(Id, string.IsNullOrWhiteSpace(reason) ? null : reason, Aborted));

    public async Task<IActionResult> OnPostFollowUpAsync(string? template, string? language, [FromServices] FollowUpRequests requests) =>
        await Apply((await requests.RequestAsync(Id, template, string.IsNullOrEmpty(language) ? null : language, Aborted)).Error);

    public async Task<IActionResult> OnPostDuplicateAsync(Guid suggestion, bool link, [FromServices] DuplicateFinder finder) =>
        await Apply((await finder.DecideAsync(suggestion, link, null, Aborted)).Error);

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<IActionResult> Apply(Task<Result<PvCase>> change) => await Apply((await change).Error);

    private async Task<IActionResult> Apply(Error? error)
    {
        if (error is null)
        {
            return Redirect($"/pv/cases/{Id}");
        }

        Errors.Add(error.Message);
        if (error.Fields is { } fields)
        {
            Errors.AddRange(fields.SelectMany(f => f.Value.Select(v => $"{f.Key}: {v}")));
        }

        db.ChangeTracker.Clear();
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        Case = await work.LoadAsync(Id);
        if (Case is null)
        {
            return false;
        }

        var rows = await db.Set<DuplicateSuggestion>().AsNoTracking().Where(d => d.CaseId == Id || d.OtherCaseId == Id).ToListAsync();
        var others = rows.Select(r => r.CaseId == Id ? r.OtherCaseId : r.CaseId).ToList();
        var numbers = await db.Set<PvCase>().Where(c => others.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);
        Duplicates = [.. rows.Select(r => new DuplicateRow(r, numbers.GetValueOrDefault(r.CaseId == Id ? r.OtherCaseId : r.CaseId) ?? "?"))];
        return true;
    }
}
