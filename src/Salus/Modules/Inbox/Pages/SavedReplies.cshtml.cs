using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Pages;

[Authorize(Policy = AccessPolicies.InboxLibrary)]
public sealed class SavedRepliesModel(SalusDbContext db, SavedReplyService savedReplies, ReplyService replies, TimeProvider time, IStringLocalizer<InboxResource> l) : InboxFormPage
{

    public DateTime NowUtc { get; private set; }
    public IReadOnlyList<SavedReply> Replies { get; private set; } = [];
    public IReadOnlyList<OutboundReply> PendingReplies { get; private set; } = [];
    public bool IsMlr => User.IsInRole(Roles.MlrReviewer);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Replies = await db.Set<SavedReply>().AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.Language).ToListAsync(cancellationToken);
        PendingReplies = IsMlr ? await db.Set<OutboundReply>().AsNoTracking().Where(r => r.Status == ReplyStatus.PendingReview).OrderBy(r => r.CreatedUtc).ToListAsync(cancellationToken) : [];
    }

    public async Task<IActionResult> OnPostCreateAsync(string? key, string? title, string? language, string? body, SavedReplyPurpose purpose, CancellationToken cancellationToken) =>
        Done(await savedReplies.CreateAsync(new SavedReplyDraft(key, title, language, body, purpose), Actor.From(User), cancellationToken), l["Draft saved; it needs MLR approval."]);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? expires, CancellationToken cancellationToken)
    {
        if (!IsMlr)
        {
            return Forbid();
        }

        var until = ParseExpiry(expires);
        return Done(await savedReplies.ApproveAsync(id, until, Actor.From(User), cancellationToken), l["Approved."]);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, bool approve, CancellationToken cancellationToken) =>
        !IsMlr ? Forbid() : Done(await replies.ReviewAsync(id, approve, Actor.From(User), cancellationToken), approve ? l["Approved and sent."] : l["Rejected."]);

    private RedirectResult Done<T>(Result<T> result, string message) => Done(result, message, "/inbox/saved-replies");
}
