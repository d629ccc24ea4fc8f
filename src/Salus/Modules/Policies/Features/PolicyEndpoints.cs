using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features.Acknowledgement;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Features.Bench;
using Salus.Modules.Policies.Features.Export;
using Salus.Modules.Policies.Features.Review;
using Salus.Modules.Policies.Templates;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Policies.Features;

/// <summary>The HTTP API of the Policies module under <c>/api/policies</c>.</summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/policies").WithTags("Policies");

        api.MapGet("/", async (SalusDbContext db, CancellationToken ct) =>
                (await db.Set<Policy>().AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct)).Select(PolicyViews.Summary))
            .RequireAuthorization(PolicyAccess.Read).WithName("ListPolicies").WithSummary("Policies with their versions.");

        api.MapGet("/templates", () => PolicyTemplates.All.Select(t => new { t.Id, t.Market, t.DefaultLanguage, t.TitleEn, t.TitleIt, t.DescriptionEn, RequiredSignOffs = t.RequiredSignOffs.Select(f => f.ToString()), Sections = t.Sections.Select(s => s.Key) }))
            .RequireAuthorization(PolicyAccess.Read).WithName("ListPolicyTemplates").WithSummary("Built-in templates (IT pharma, US hospital, EU healthcare).");

        api.MapPost("/", async (CreatePolicyRequest request, PolicyAuthoring authoring, PolicyReview review, ClaimsPrincipal user, CancellationToken ct) =>
                await ToVersionAsync(await authoring.CreateAsync(request, user.UserId(), ct), review, ct, created: true))
            .RequireAuthorization(PolicyAccess.Own).WithName("CreatePolicy").WithSummary("Creates a policy from a template, with draft version 1.");

        api.MapPost("/{policyId:guid}/versions", async (Guid policyId, ReasonBody? body, PolicyAuthoring authoring, PolicyReview review, ClaimsPrincipal user, CancellationToken ct) =>
                await ToVersionAsync(await authoring.NewVersionAsync(policyId, user.UserId(), body?.Reason, ct), review, ct, created: true))
            .RequireAuthorization(PolicyAccess.Own).WithName("NewPolicyVersion").WithSummary("Starts a new draft version from the latest one.");

        var versions = api.MapGroup("/versions/{versionId:guid}");
        versions.MapGet("/", async (Guid versionId, SalusDbContext db, PolicyReview review, CancellationToken ct) =>
                await ToVersionAsync(await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false), review, ct))
            .RequireAuthorization(PolicyAccess.Read).WithName("GetPolicyVersion").WithSummary("A version with sections, signatures (and whether they still match), sign-offs and rule errors.");

        versions.MapPut("/sections/{key}", async (Guid versionId, string key, SaveSectionRequest request, PolicyAuthoring authoring, CancellationToken ct) =>
                (await authoring.SaveSectionAsync(versionId, key, request, ct)).ToHttp(errors => TypedResults.Ok(new { ruleErrors = errors })))
            .RequireAuthorization(PolicyAccess.Own).WithName("SavePolicySection").WithSummary("Edits or adds a section; returns rule compile errors (which block publication).");

        versions.MapPost("/submit", async (Guid versionId, ReasonBody? body, PolicyAuthoring authoring, PolicyReview review, CancellationToken ct) =>
                await ToVersionAsync(await authoring.SubmitAsync(versionId, body?.Reason, ct), review, ct))
            .RequireAuthorization(PolicyAccess.Own).WithName("SubmitPolicyVersion").WithSummary("Sends a draft (or a version with changes requested) for review.");

        versions.MapPost("/sign", async (Guid versionId, SignPolicyRequest request, PolicyReview review, ClaimsPrincipal user, CancellationToken ct) =>
                (await review.SignAsync(versionId, request, user.UserId(), ct)).ToHttp(s => TypedResults.Ok(s)))
            .RequireAuthorization(PolicyAccess.SignOff).WithName("SignPolicyVersion").WithSummary("Electronic sign-off (re-authentication) with meaning approved or changes-requested.");

        versions.MapPost("/publish", async (Guid versionId, PublishRequest request, PolicyReview review, ClaimsPrincipal user, CancellationToken ct) =>
                await ToVersionAsync(await review.PublishAsync(versionId, request, user.UserId(), ct), review, ct))
            .RequireAuthorization(PolicyAccess.Own).WithName("PublishPolicyVersion").WithSummary("Publishes an approved version whose required signatures all match it; its rules are in force from now.");

        versions.MapGet("/diff", async (Guid versionId, Guid? against, SalusDbContext db, CancellationToken ct) =>
            {
                var after = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
                if (!after.IsSuccess)
                {
                    return after.Error!.ToProblem();
                }

                var otherId = against ?? await db.Set<PolicyVersion>().Where(v => v.PolicyId == after.Value.PolicyId && v.Number < after.Value.Number)
                    .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
                if (otherId is null)
                {
                    return Errors.Validation("policy.diff-against", "Name the version to compare with (?against=...).").ToProblem();
                }

                var before = await PolicyLoader.VersionAsync(db, otherId.Value, ct, tracking: false);
                return before.ToHttp(b => TypedResults.Ok(PolicyDiff.Compare(b, after.Value)));
            })
            .RequireAuthorization(PolicyAccess.Read).WithName("DiffPolicyVersions").WithSummary("Word-level differences from another version (default: the previous one).");

        versions.MapGet("/export", async (Guid versionId, SalusDbContext db, PolicyReview review, HttpContext http, CancellationToken ct) =>
            {
                var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
                if (!loaded.IsSuccess)
                {
                    return loaded.Error!.ToProblem();
                }

                http.Response.Headers.CacheControl = "no-store";
                return Microsoft.AspNetCore.Http.Results.Content(PolicyExport.Html(await PolicyViews.VersionAsync(loaded.Value, review, ct)), "text/html; charset=utf-8");
            })
            .RequireAuthorization(PolicyAccess.Read).WithName("ExportPolicyVersion").WithSummary("Printable HTML of the version with its signatures.");

        versions.MapPost("/comments", async (Guid versionId, CommentRequest request, PolicyAuthoring authoring, ClaimsPrincipal user, CancellationToken ct) =>
                (await authoring.CommentAsync(versionId, request, user.UserId(), user.DisplayName(), ct)).ToHttp(c => TypedResults.Created($"/api/policies/comments/{c.Id}", c)))
            .RequireAuthorization(PolicyAccess.Collaborate).WithName("CommentPolicySection").WithSummary("Comments on a section or a selected passage, or replies to a comment.");

        versions.MapGet("/comments", async (Guid versionId, SalusDbContext db, CancellationToken ct) =>
                await db.Set<PolicyComment>().AsNoTracking().Where(c => c.VersionId == versionId).OrderBy(c => c.CreatedUtc).ToListAsync(ct))
            .RequireAuthorization(PolicyAccess.Read).WithName("ListPolicyComments");

        versions.MapPost("/proposals", async (Guid versionId, ProposalRequest request, PolicyAuthoring authoring, ClaimsPrincipal user, CancellationToken ct) =>
                (await authoring.ProposeAsync(versionId, request, user.UserId(), user.DisplayName(), ct)).ToHttp(p => TypedResults.Created($"/api/policies/proposals/{p.Id}", p)))
            .RequireAuthorization(PolicyAccess.Collaborate).WithName("ProposePolicyChange").WithSummary("Proposes new text for a section.");

        versions.MapGet("/proposals", async (Guid versionId, SalusDbContext db, CancellationToken ct) =>
                await db.Set<ChangeProposal>().AsNoTracking().Where(c => c.VersionId == versionId).OrderBy(c => c.CreatedUtc).ToListAsync(ct))
            .RequireAuthorization(PolicyAccess.Read).WithName("ListPolicyProposals");

        versions.MapPost("/acknowledge", async (Guid versionId, AcknowledgeRequest request, PolicyAcknowledgementService acks, ClaimsPrincipal user, CancellationToken ct) =>
                (await acks.AcknowledgeAsync(versionId, request, user.UserId(), ct)).ToHttp(left => TypedResults.Ok(new { remainingSections = left })))
            .RequireAuthorization(PolicyAccess.Acknowledge).WithName("AcknowledgePolicySection").WithSummary("Acknowledges one section (answers its quiz when it has one).");

        versions.MapGet("/coverage", async (Guid versionId, PolicyAcknowledgementService acks, CancellationToken ct) =>
                (await acks.CoverageAsync(versionId, ct)).ToHttp(r => TypedResults.Ok(r)))
            .RequireAuthorization(PolicyAccess.Read).WithName("PolicyCoverage").WithSummary("Acknowledgement coverage by department and market.");

        api.MapPost("/comments/{commentId:guid}/resolve", async (Guid commentId, PolicyAuthoring authoring, ClaimsPrincipal user, CancellationToken ct) =>
                (await authoring.ResolveCommentAsync(commentId, user.UserId(), ct)).ToHttp(c => TypedResults.Ok(c)))
            .RequireAuthorization(PolicyAccess.Collaborate).WithName("ResolvePolicyComment");

        api.MapPost("/proposals/{proposalId:guid}/accept", async (Guid proposalId, ReasonBody? body, PolicyAuthoring authoring, ClaimsPrincipal user, CancellationToken ct) =>
                (await authoring.DecideAsync(proposalId, true, user.UserId(), body?.Reason, ct)).ToHttp(p => TypedResults.Ok(p)))
            .RequireAuthorization(PolicyAccess.Own).WithName("AcceptPolicyProposal");

        api.MapPost("/proposals/{proposalId:guid}/reject", async (Guid proposalId, ReasonBody? body, PolicyAuthoring authoring, ClaimsPrincipal user, CancellationToken ct) =>
                (await authoring.DecideAsync(proposalId, false, user.UserId(), body?.Reason, ct)).ToHttp(p => TypedResults.Ok(p)))
            .RequireAuthorization(PolicyAccess.Own).WithName("RejectPolicyProposal");

        api.MapGet("/mine", async (PolicyAcknowledgementService acks, ClaimsPrincipal user, CancellationToken ct) =>
                await acks.StateAsync(user.UserId(), ct))
            .RequireAuthorization(PolicyAccess.Acknowledge).WithName("MyPolicyAcknowledgements").WithSummary("Published versions for me and the sections I still have to acknowledge.");

        api.MapPost("/bench", async (BenchRequest request, RuleBench bench, CancellationToken ct) =>
                (await bench.RunAsync(request, ct)).ToHttp(r => TypedResults.Ok(r)))
            .RequireAuthorization(PolicyAccess.Bench).WithName("PolicyRuleBench").WithSummary("Screens a text under the rules in force (or a version's) and shows the rules fired.");
    }

    private static async Task<IResult> ToVersionAsync(Result<PolicyVersion> result, PolicyReview review, CancellationToken ct, bool created = false)
    {
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var view = await PolicyViews.VersionAsync(result.Value, review, ct);
        return created ? TypedResults.Created($"/api/policies/versions/{view.Id}", view) : TypedResults.Ok(view);
    }
}
