using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Pages;

[Authorize(Policy = AccessPolicies.InboxWork)]
public sealed class ConversationModel(
    InboxQueries queries, ConversationActions actions, PersonLinking linking, ReplyService replies, SalusDbContext db, TimeProvider time, IStringLocalizer<InboxResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public ConversationDetail Detail { get; private set; } = null!;
    public IReadOnlyList<SavedReply> SavedReplies { get; private set; } = [];
    public IReadOnlyList<MediaAsset> Media { get; private set; } = [];
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public IReadOnlyList<InboxPerson> SamePersonSuggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(Id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        var now = time.GetUtcNow().UtcDateTime;
        // Only approved, unexpired replies are offered; the conversation's language first.
        SavedReplies = [.. (await db.Set<SavedReply>().AsNoTracking().Where(r => r.Status == SavedReplyStatus.Approved && r.ExpiresUtc > now).ToListAsync(cancellationToken))
            .OrderBy(r => r.Language == detail.Conversation.Language ? 0 : 1).ThenBy(r => r.Title, StringComparer.CurrentCulture)];
        // Only media with a current MLR approval are offered, like saved replies.
        Media = [.. (await db.Set<MediaAsset>().AsNoTracking().Where(m => m.DeletedUtc == null && m.Status == MediaStatus.Approved && m.ExpiresUtc > now)
            .ToListAsync(cancellationToken)).OrderBy(m => m.Language == detail.Conversation.Language ? 0 : 1).ThenBy(m => m.Title, StringComparer.CurrentCulture)];
        Staff = await queries.AssignableAsync();
        SamePersonSuggestions = await linking.SuggestionsAsync(detail.Person.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid? savedReplyId, string? text, List<Guid> mediaIds, bool @private, CancellationToken cancellationToken)
    {
        var result = await replies.SendAsync(Id, new ReplyRequest(text, savedReplyId, mediaIds, @private, null), Actor.From(User), cancellationToken);
        return Done(result, r => r.Status switch
        {
            ReplyStatus.Sent => l["Reply sent."],
            ReplyStatus.PendingReview => l["The policy asks for MLR review: the reply waits for a reviewer."],
            _ => l["The reply could not be sent: {0}", r.Error ?? r.Status.ToString()],
        });
    }

    public async Task<IActionResult> OnPostStatusAsync(ConversationStatus status, CancellationToken cancellationToken) =>
        Done(await actions.SetStatusAsync(Id, status, cancellationToken), _ => l["Status changed."]);

    public async Task<IActionResult> OnPostAssignAsync(string? assigneeId, CancellationToken cancellationToken) =>
        Done(await actions.AssignAsync(Id, assigneeId, cancellationToken), _ => l["Assignment changed."]);

    public async Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken cancellationToken) =>
        Done(await actions.AddNoteAsync(Id, note, Actor.From(User), cancellationToken), _ => l["Note added."]);

    public async Task<IActionResult> OnPostHideAsync(Guid itemId, bool hidden, CancellationToken cancellationToken) =>
        Done(await actions.HideAsync(itemId, hidden, cancellationToken), _ => hidden ? l["Hidden on the platform."] : l["Shown again on the platform."]);

    public async Task<IActionResult> OnPostDeleteAsync(Guid itemId, CancellationToken cancellationToken) =>
        Done(await actions.DeleteAsync(itemId, cancellationToken), _ => l["Deleted on the platform."]);

    public async Task<IActionResult> OnPostReportAeAsync(Guid itemId, CancellationToken cancellationToken) =>
        Done(await actions.ReportAdverseEventAsync(itemId, Actor.From(User), cancellationToken), _ => l["Sent to pharmacovigilance."]);

    public async Task<IActionResult> OnPostMoveToPrivateAsync(CancellationToken cancellationToken) =>
        Done(await actions.MoveToPrivateAsync(Id, null, Actor.From(User), cancellationToken), _ => l["Moved to private messages."]);

    public async Task<IActionResult> OnPostMergeAsync(Guid sourcePersonId, Guid intoPersonId, CancellationToken cancellationToken) =>
        Done(await linking.MergeAsync(sourcePersonId, intoPersonId, cancellationToken), _ => l["Linked: one person across channels."]);

    private RedirectResult Done<T>(Result<T> result, Func<T, string> message)
    {
        if (result.IsSuccess)
        {
            Message = message(result.Value);
        }
        else
        {
            Error = result.Error!.Message;
        }

        return Redirect($"/inbox/conversations/{Id}");
    }
}
