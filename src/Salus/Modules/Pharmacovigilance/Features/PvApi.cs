using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Modules.Pharmacovigilance.Features.Deadlines;
using Salus.Modules.Pharmacovigilance.Features.Duplicates;
using Salus.Modules.Pharmacovigilance.Features.Erasure;
using Salus.Modules.Pharmacovigilance.Features.FollowUps;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Modules.Pharmacovigilance.Features.Reconciliation;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features;

public sealed record CaseSummaryDto(Guid Id, string Number, string Status, string? Market, bool Serious, DateOnly? Day0, DateOnly? DueDate, string Deadline, bool AwaitingFollowUp);

public sealed record AlertDto(Guid CaseId, string CaseNumber, string Kind, DateOnly DueDate, DateTime RaisedUtc);

public sealed record DuplicateDto(Guid Id, Guid CaseId, Guid OtherCaseId, string? OtherCaseNumber, double Score, string Reason, string Status);

/// <summary>The module's REST endpoints under <c>/api/pv</c>.</summary>
internal static class PvApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/pv").WithTags("Pharmacovigilance");
        api.MapPost("/signals", FlagSignalEndpoint.HandleAsync).RequireAuthorization(AccessPolicies.AdverseEventFlagging)
            .WithName("FlagAdverseEvent").WithSummary("Flags an item as a possible adverse event: creates (or returns) the case proposal for its source.");

        var pv = api.MapGroup("").RequireAuthorization(AccessPolicies.Pharmacovigilance);
        pv.MapGet("/proposals", async (string? status, SalusDbContext db, CancellationToken ct) =>
        {
            var query = db.Set<CaseProposal>().AsNoTracking();
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<ProposalStatus>(status, true, out var s))
                {
                    return Errors.Validation("pv.status", "Use pending, confirmed or rejected.", new Dictionary<string, string[]> { ["status"] = ["Unknown status."] }).ToProblem();
                }

                query = query.Where(p => p.Status == s);
            }

            var rows = await query.OrderByDescending(p => p.ReceivedUtc).Take(500).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ProposalDto.From));
        }).WithName("ListPvProposals");
        pv.MapPost("/proposals/{id:guid}/confirm", async (Guid id, ReasonBody? body, CaseWork work, CancellationToken ct) =>
            (await work.ConfirmAsync(id, body?.Reason, ct)).ToHttp(c => TypedResults.Created($"/api/pv/cases/{c.Id}", CaseDto.From(c))))
            .WithName("ConfirmPvProposal").WithSummary("Opens a case from the proposal.");
        pv.MapPost("/proposals/{id:guid}/reject", async (Guid id, ReasonBody? body, CaseWork work, CancellationToken ct) =>
            (await work.RejectAsync(id, body?.Reason, ct)).ToHttp(p => TypedResults.Ok(ProposalDto.From(p))))
            .WithName("RejectPvProposal").WithSummary("Rejects the proposal; the reason is required and audited.");

        pv.MapGet("/cases", async (SalusDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var cases = await db.Set<PvCase>().AsNoTracking().OrderByDescending(c => c.OpenedUtc).Take(500).ToListAsync(ct);
            return cases.Select(c => new CaseSummaryDto(c.Id, c.Number, c.Status.ToString().ToLowerInvariant(), c.Market, c.Seriousness.IsSerious,
                c.Day0, c.DueDate(), DeadlineState.Of(c, today, 3), c.AwaitingFollowUp));
        }).WithName("ListPvCases");
        pv.MapGet("/cases/{id:guid}", async (Guid id, CaseWork work, CancellationToken ct) =>
            await work.LoadAsync(id, ct) is { } c ? Results.Ok(CaseDto.From(c)) : Errors.NotFound("pv.case.not-found", "No such case.").ToProblem())
            .WithName("GetPvCase");
        pv.MapPut("/cases/{id:guid}/criteria/{criterion}", async (Guid id, string criterion, CriterionBody body, CaseWork work, CancellationToken ct) =>
            !Enum.TryParse<Criterion>(criterion, true, out var k) || int.TryParse(criterion, out _)
                ? Errors.Validation("pv.criterion", "Use reporter, patient, reaction or product.", new Dictionary<string, string[]> { ["criterion"] = ["Unknown criterion."] }).ToProblem()
                : (await work.SetCriterionAsync(id, k, body.Known, body.Detail, body.KnownAt, body.Reason, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvCriterion").WithSummary("Records what is known about one of the four minimum criteria and since when.");
        pv.MapPut("/cases/{id:guid}/day0", async (Guid id, Day0Body body, CaseWork work, CancellationToken ct) =>
            (await work.SetDay0Async(id, body.Day0, body.Reason, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvDay0").WithSummary("Sets (or clears, with null) an explicit day 0; the reason is required and audited.");
        pv.MapPut("/cases/{id:guid}/seriousness", async (Guid id, SeriousnessBody body, CaseWork work, CancellationToken ct) =>
            (await work.SetSeriousnessAsync(id, new Seriousness(body.Death, body.LifeThreatening, body.Hospitalisation, body.Disability, body.CongenitalAnomaly, body.OtherMedicallyImportant), body.Unexpected, body.Reason, ct))
                .ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvSeriousness");
        pv.MapPut("/cases/{id:guid}/patient", async (Guid id, PatientBody body, CaseWork work, CancellationToken ct) =>
            (await work.SetPatientAsync(id, new PatientUpdate(body.Initials, body.Sex, body.AgeYears), body.Reason, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvPatient");
        pv.MapPut("/cases/{id:guid}/narrative", async (Guid id, NarrativeBody body, CaseWork work, CancellationToken ct) =>
            (await work.SetNarrativeAsync(id, body.Narrative, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvNarrative");
        pv.MapPost("/cases/{id:guid}/reactions", async (Guid id, ReactionBody body, CaseWork work, CancellationToken ct) =>
            (await work.AddReactionAsync(id, body.Term, body.Text, body.MedDraCode, body.MedDraVersion, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("AddPvReaction");
        pv.MapPut("/cases/{id:guid}/reactions/{reactionId:guid}", async (Guid id, Guid reactionId, ReactionCodingBody body, CaseWork work, CancellationToken ct) =>
            (await work.CodeReactionAsync(id, reactionId, body.OnsetDate, body.Outcome, body.MedDraCode, body.MedDraVersion, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("CodePvReaction").WithSummary("Onset date, outcome and (optionally) MedDRA code of a reaction.");
        pv.MapPost("/cases/{id:guid}/products", async (Guid id, ProductBody body, CaseWork work, CancellationToken ct) =>
            (await work.AddProductAsync(id, body.Name, body.Role, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("AddPvProduct").WithSummary("Adds a product, linked to the drug lexicon when the name is known there.");
        pv.MapPut("/cases/{id:guid}/products/{productId:guid}", async (Guid id, Guid productId, ProductDosingBody body, CaseWork work, CancellationToken ct) =>
            !ProductDto.TryParseAction(body.Action, out var action)
                ? Errors.Validation("pv.product.dosing", "The dosing is not valid.", new Dictionary<string, string[]>
                    { ["action"] = [ProductDto.ActionHint] }).ToProblem()
                : (await work.SetDosingAsync(id, productId, new DosingUpdate(body.Dose, body.DoseUnit, body.Frequency, body.Route, body.Indication,
                    body.TherapyStart, body.TherapyStop, action, body.DoseForm, body.BatchNumber), body.Reason, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("SetPvProductDosing")
            .WithSummary("Replaces the whole dosing record of a product: dose and unit, frequency, route, indication, therapy dates, action taken, dose form and batch number (an omitted field is cleared; audited with the reason).");
        pv.MapPatch("/cases/{id:guid}/products/{productId:guid}", PatchDosingEndpoint.HandleAsync)
            .Accepts<ProductDosingBody>(PatchDosingEndpoint.MergePatchJson, "application/json")
            .WithName("PatchPvProductDosing")
            .WithSummary("Changes only the dosing members sent (JSON Merge Patch, RFC 7396): absent keeps, null clears; the merged record is checked as for the PUT; reason required and audited.");
        pv.MapPost("/cases/{id:guid}/follow-ups", async (Guid id, FollowUpBody body, FollowUpRequests requests, CancellationToken ct) =>
            (await requests.RequestAsync(id, body.Template, body.Language, ct)).ToHttp(f => TypedResults.Ok(new FollowUpDto(f.Id, "request", f.TemplateKey, f.Language, f.Text, f.AtUtc, f.By))))
            .WithName("RequestPvFollowUp").WithSummary("Sends an approved follow-up template to the reporter as a private message on the source channel.");
        pv.MapPost("/cases/{id:guid}/reported", async (Guid id, ReasonBody? body, CaseWork work, CancellationToken ct) =>
            (await work.MarkReportedAsync(id, body?.Reason, ct)).ToHttp(c => TypedResults.Ok(CaseDto.From(c))))
            .WithName("MarkPvCaseReported");
        pv.MapGet("/cases/{id:guid}/e2b", async (Guid id, CaseWork work, CaseExporter exporter, SalusDbContext db, CancellationToken ct) =>
        {
            if (await work.LoadAsync(id, ct) is not { } c)
            {
                return Errors.NotFound("pv.case.not-found", "No such case.").ToProblem();
            }

            var result = exporter.Export(c);
            if (!result.IsSuccess)
            {
                return result.Error!.ToProblem();
            }

            await db.SaveChangesAsync(ct);
            return Results.File(Encoding.UTF8.GetBytes(result.Value.Xml), "application/xml", result.Value.FileName);
        }).WithName("ExportPvCaseE2b").WithSummary("The case as an ICH E2B(R3) ICSR message, validated against the ICH schemas.");
        pv.MapGet("/cases/{id:guid}/duplicates", async (Guid id, SalusDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Set<DuplicateSuggestion>().AsNoTracking().Where(d => d.CaseId == id || d.OtherCaseId == id).ToListAsync(ct);
            var otherIds = rows.Select(r => r.CaseId == id ? r.OtherCaseId : r.CaseId).ToList();
            var numbers = await db.Set<PvCase>().Where(c => otherIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            return rows.Select(r =>
            {
                var other = r.CaseId == id ? r.OtherCaseId : r.CaseId;
                return new DuplicateDto(r.Id, id, other, numbers.GetValueOrDefault(other), r.Score, r.Reason, r.Status.ToString().ToLowerInvariant());
            });
        }).WithName("ListPvDuplicates");
        pv.MapPost("/duplicates/{id:guid}/link", async (Guid id, ReasonBody? body, DuplicateFinder finder, CancellationToken ct) =>
            (await finder.DecideAsync(id, true, body?.Reason, ct)).ToHttp(d => TypedResults.Ok(new { d.Id, status = "linked" })))
            .WithName("LinkPvDuplicate");
        pv.MapPost("/duplicates/{id:guid}/dismiss", async (Guid id, ReasonBody? body, DuplicateFinder finder, CancellationToken ct) =>
            (await finder.DecideAsync(id, false, body?.Reason, ct)).ToHttp(d => TypedResults.Ok(new { d.Id, status = "dismissed" })))
            .WithName("DismissPvDuplicate");
        pv.MapPost("/erasure", async (ErasureBody body, CaseErasure erasure, CancellationToken ct) =>
            (await erasure.EraseAsync(body.ReporterPlatformId, body.ReporterHandle, body.Reason, ct)).ToHttp(TypedResults.Ok))
            .WithName("PvErasureRequest").WithSummary("A data subject's erasure request: PV cases are kept (legal obligation) and pseudonymised.");
        pv.MapGet("/alerts", async (SalusDbContext db, CancellationToken ct) => await AlertList.LoadAsync(db, ct)).WithName("ListPvAlerts");
        pv.MapGet("/reaction-terms", (DrugLinker linker) => linker.ReactionTerms).WithName("ListPvReactionTerms")
            .WithSummary("The screening engine's reaction terms (id, English and Italian label) used to code reactions.");

        var reconciliation = api.MapGroup("/reconciliation").RequireAuthorization(AccessPolicies.PharmacovigilanceReconciliation);
        reconciliation.MapGet("/", async (DateTime? from, DateTime? to, ReconciliationReport report, CancellationToken ct) =>
            await report.BuildAsync(from?.ToUniversalTime(), to?.ToUniversalTime(), ct)).WithName("PvReconciliation")
            .WithSummary("Every item flagged as an adverse event and the case made of it, with gaps named.");
        reconciliation.MapGet("/csv", async (DateTime? from, DateTime? to, ReconciliationReport report, HttpContext http, CancellationToken ct) =>
        {
            var rows = await report.BuildAsync(from?.ToUniversalTime(), to?.ToUniversalTime(), ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"pv-reconciliation.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
            await ReconciliationReport.WriteCsvAsync(rows, writer, ct);
        }).WithName("PvReconciliationCsv");
    }
}
