using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Sla;

/// <summary>
/// Runs at a warning time or a deadline. If the deadline it was scheduled for still stands and is not met it warns the
/// assignee, or on breach marks the conversation breached and escalates to the on-call lead (or every lead).
/// </summary>
public sealed class SlaCheckJob(SalusDbContext db, InboxNotifier notifier, RotaQueries rota, UserManager<SalusUser> users, TimeProvider time) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var check = JsonSerializer.Deserialize<SlaCheck>(job.Payload) ?? throw new InvalidOperationException("Empty SLA check.");
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == check.ConversationId, cancellationToken);
        if (conversation is null || !StillOpen(conversation, check))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var target = check.Target switch
        {
            SlaTarget.FirstResponse => "first response",
            SlaTarget.NextResponse => "next response",
            _ => "resolution",
        };
        if (check.Warning)
        {
            if (conversation.SlaState == SlaState.Running)
            {
                conversation.SlaState = SlaState.Warning;
            }

            var minutes = Math.Max(0, (int)Math.Round((check.DueUtc - now).TotalMinutes));
            notifier.Notify(NotificationKind.SlaWarning, conversation.Id, conversation.AssigneeId, conversation.AssigneeName ?? "unassigned",
                $"SLA warning: {target} due in {minutes} min ({conversation.ChannelName}).");
        }
        else
        {
            conversation.SlaState = SlaState.Breached;
            foreach (var (id, name) in await LeadsAsync(conversation.Market, now, cancellationToken))
            {
                notifier.Notify(NotificationKind.SlaBreach, conversation.Id, id, name,
                    $"SLA breached: {target} was due {check.DueUtc:yyyy-MM-dd HH:mm} UTC ({conversation.ChannelName}, {conversation.AssigneeName ?? "unassigned"}).");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Flush();
    }

    private static bool StillOpen(Conversation c, SlaCheck check)
    {
        if (c.Status == ConversationStatus.Resolved || c.SlaState == SlaState.Breached && !check.Warning && check.Target != SlaTarget.Resolution)
        {
            return false;
        }

        return check.Target switch
        {
            SlaTarget.FirstResponse => c.FirstResponseUtc is null && c.FirstResponseDueUtc == check.DueUtc,
            SlaTarget.NextResponse => c.NextResponseDueUtc == check.DueUtc,
            _ => c.ResolvedUtc is null && c.ResolutionDueUtc == check.DueUtc,
        };
    }

    /// <summary>The on-call leads now; when no one is on call, every community lead.</summary>
    private async Task<List<(string Id, string Name)>> LeadsAsync(string market, DateTime now, CancellationToken cancellationToken)
    {
        var onCall = await rota.OnCallAsync(now, market, cancellationToken);
        if (onCall.Count > 0)
        {
            return [(onCall[0].Shift.UserId, onCall[0].Shift.UserName)];
        }

        var leads = await users.GetUsersInRoleAsync(Roles.CommunityLead);
        return [.. leads.Select(l => (l.Id, string.IsNullOrEmpty(l.DisplayName) ? l.Email ?? l.Id : l.DisplayName))];
    }
}
