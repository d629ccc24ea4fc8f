using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Features.Review;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Policies.Pages;

/// <summary>A version: its text, signatures (and whether they still match), comments, proposals and the workflow actions.</summary>
[Authorize(Policy = PolicyAccess.Read)]
public sealed class VersionModel(SalusDbContext db, PolicyAuthoring authoring, PolicyReview review) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public VersionView View { get; private set; } = null!;

    public List<PolicyComment> Comments { get; private set; } = [];

    public List<ChangeProposal> Proposals { get; private set; } = [];

    public List<VersionSummary> Others { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanOwn => PolicyAccess.OwnRoles.Any(User.IsInRole);

    public bool CanCollaborate => PolicyAccess.CollaborateRoles.Any(User.IsInRole);

    public bool CanSign => User.IsInRole(Roles.PolicyStakeholder);

    public bool Editable => View.Status is "draft" or "changes-requested";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(string? reason, CancellationToken ct) =>
        Own(async () => (await authoring.SubmitAsync(Id, reason, ct)).Error, "Sent for review.", ct);

    public Task<IActionResult> OnPostPublishAsync(string? audience, string? audienceValue, int? passMark, string? reason, CancellationToken ct) =>
        Own(async () => (await review.PublishAsync(Id, new PublishRequest(audience, audienceValue, passMark, reason), User.UserId(), ct)).Error, "Published: its rules are in force from now.", ct);

    public async Task<IActionResult> OnPostNewVersionAsync(CancellationToken ct)
    {
        if (!CanOwn)
        {
            return Forbid();
        }

        var policyId = await db.Set<PolicyVersion>().Where(v => v.Id == Id).Select(v => v.PolicyId).FirstOrDefaultAsync(ct);
        var result = await authoring.NewVersionAsync(policyId, User.UserId(), null, ct);
        return result.IsSuccess ? Redirect($"/policies/versions/{result.Value.Id}") : await Done(result.Error, null, ct);
    }

    public async Task<IActionResult> OnPostSignAsync(string? password, string? code, string? meaning, string? comment, CancellationToken ct)
    {
        if (!CanSign)
        {
            return Forbid();
        }

        var result = await review.SignAsync(Id, new SignPolicyRequest(password, code, meaning, comment), User.UserId(), ct);
        return await Done(result.Error, "Signed.", ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(string? sectionKey, string? body, string? quote, Guid? parentId, CancellationToken ct)
    {
        if (!CanCollaborate)
        {
            return Forbid();
        }

        var result = await authoring.CommentAsync(Id, new CommentRequest(sectionKey, body, quote, parentId), User.UserId(), User.DisplayName(), ct);
        return await Done(result.Error, "Comment added.", ct);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid commentId, CancellationToken ct)
    {
        if (!CanCollaborate)
        {
            return Forbid();
        }

        return await Done((await authoring.ResolveCommentAsync(commentId, User.UserId(), ct)).Error, "Comment resolved.", ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(string? sectionKey, string? body, string? rationale, CancellationToken ct)
    {
        if (!CanCollaborate)
        {
            return Forbid();
        }

        return await Done((await authoring.ProposeAsync(Id, new ProposalRequest(sectionKey, body, rationale), User.UserId(), User.DisplayName(), ct)).Error, "Change proposed.", ct);
    }

    public Task<IActionResult> OnPostDecideAsync(Guid proposalId, bool accept, CancellationToken ct) =>
        Own(async () => (await authoring.DecideAsync(proposalId, accept, User.UserId(), null, ct)).Error, accept ? "Proposal accepted." : "Proposal rejected.", ct);

    private async Task<IActionResult> Own(Func<Task<Error?>> action, string success, CancellationToken ct)
    {
        if (!CanOwn)
        {
            return Forbid();
        }

        return await Done(await action(), success, ct);
    }

    private async Task<IActionResult> Done(Error? error, string? success, CancellationToken ct)
    {
        if (error is null)
        {
            return Redirect($"/policies/versions/{Id}?done={Uri.EscapeDataString(success ?? "")}");
        }

        Error = error.Message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, Id, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return false;
        }

        View = await PolicyViews.VersionAsync(loaded.Value, review, ct);
        Comments = await db.Set<PolicyComment>().AsNoTracking().Where(c => c.VersionId == Id).OrderBy(c => c.CreatedUtc).ToListAsync(ct);
        Proposals = await db.Set<ChangeProposal>().AsNoTracking().Where(c => c.VersionId == Id).OrderBy(c => c.CreatedUtc).ToListAsync(ct);
        Others = [.. (await db.Set<PolicyVersion>().AsNoTracking().Where(v => v.PolicyId == View.PolicyId && v.Id != Id).OrderByDescending(v => v.Number).ToListAsync(ct))
            .Select(v => new VersionSummary(v.Id, v.Number, PolicyWorkflow.Name(v.Status), v.CreatedUtc, v.PublishedUtc))];
        Message ??= Request.Query["done"].FirstOrDefault() is { Length: > 0 } done ? done : null;
        return true;
    }
}
