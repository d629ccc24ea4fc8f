using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Pages;

[Authorize(Policy = AccessPolicies.InboxWork)]
public sealed class InboxIndexModel(InboxQueries queries, ConversationActions actions, SalusDbContext db, IStringLocalizer<InboxResource> l, IOptions<InboxOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public ConversationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Market { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public IReadOnlyList<ConversationRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Channels { get; private set; } = [];
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public IReadOnlyList<InboxNotification> MyNotifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = Actor.From(User).Id;
        Rows = await queries.ListAsync(new InboxFilter(Channel, Status, Category, Assignee, Market, Language, Queue, Q, Take: options.Value.PageSize), me, cancellationToken);
        Channels = await queries.ChannelsAsync(cancellationToken);
        Staff = await queries.AssignableAsync();
        MyNotifications = await db.Set<InboxNotification>().AsNoTracking().Where(n => n.RecipientId == me && n.AcknowledgedUtc == null)
            .OrderByDescending(n => n.CreatedUtc).Take(20).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid notificationId, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var me = Actor.From(User).Id;
        var notification = await db.Set<InboxNotification>().FirstOrDefaultAsync(n => n.Id == notificationId && n.RecipientId == me, cancellationToken);
        if (notification is not null)
        {
            notification.AcknowledgedUtc ??= time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect("/inbox");
    }

    public async Task<IActionResult> OnPostBulkAsync(List<Guid> ids, ConversationStatus? bulkStatus, string? bulkAssignee, CancellationToken cancellationToken)
    {
        var request = bulkStatus is not null ? new BulkRequest(ids, "status", bulkStatus, null) : new BulkRequest(ids, "assign", null, bulkAssignee);
        var result = await actions.BulkAsync(request, cancellationToken);
        if (result.IsSuccess)
        {
            Message = l["{0} conversations updated.", result.Value];
        }
        else
        {
            Error = result.Error!.Message;
        }

        return Redirect("/inbox");
    }
}
