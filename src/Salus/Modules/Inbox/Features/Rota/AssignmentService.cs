using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Rota;

/// <summary>
/// Round robin among the agents on shift for the conversation's market (any team when none covers it): the agent given
/// a conversation longest ago who still has room under the shift's capacity of open conversations.
/// </summary>
public sealed class AssignmentService(SalusDbContext db, RotaQueries rota, TimeProvider time)
{
    public async Task<bool> AutoAssignAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var onDuty = (await rota.OnDutyAsync(now, cancellationToken)).Where(a => !a.Shift.OnCall).ToList();
        conversation.ShiftLabel ??= onDuty.FirstOrDefault(a => a.Team.Covers(conversation.Market)) is { } s ? $"{s.Team.Name} · {s.Shift.Label}" : null;
        var candidates = onDuty.Where(a => a.Team.Covers(conversation.Market)).ToList();
        if (candidates.Count == 0)
        {
            candidates = onDuty;
        }

        if (candidates.Count == 0)
        {
            return false;
        }

        var userIds = candidates.Select(c => c.Shift.UserId).Distinct().ToList();
        var open = await db.Set<Conversation>().Where(c => c.AssigneeId != null && userIds.Contains(c.AssigneeId) && c.Status != ConversationStatus.Resolved)
            .GroupBy(c => c.AssigneeId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // Conversations assigned earlier in this same unit of work are not in the database yet.
        foreach (var pending in db.ChangeTracker.Entries<Conversation>().Where(e => e.State == EntityState.Added && e.Entity.AssigneeId is not null && e.Entity != conversation))
        {
            open[pending.Entity.AssigneeId!] = open.GetValueOrDefault(pending.Entity.AssigneeId!) + 1;
        }

        var cursors = await db.Set<AgentAssignmentCursor>().Where(c => userIds.Contains(c.UserId)).ToDictionaryAsync(c => c.UserId, cancellationToken);
        var chosen = candidates
            .GroupBy(c => c.Shift.UserId)
            .Select(g => new { UserId = g.Key, g.First().Shift.UserName, Capacity = g.Max(x => x.Shift.Capacity) })
            .Where(a => open.GetValueOrDefault(a.UserId) < a.Capacity)
            .OrderBy(a => cursors.TryGetValue(a.UserId, out var c) ? c.LastAssignedUtc : DateTime.MinValue)
            .ThenBy(a => a.UserId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (chosen is null)
        {
            return false;
        }

        Assign(conversation, chosen.UserId, chosen.UserName, now);
        // A logical clock: strictly after every earlier assignment, so several in the same instant still rotate.
        var latest = await db.Set<AgentAssignmentCursor>().MaxAsync(c => (DateTime?)c.LastAssignedUtc, cancellationToken);
        var stamp = latest is { } l && l >= now ? l.AddMilliseconds(1) : now;
        if (cursors.TryGetValue(chosen.UserId, out var cursor))
        {
            cursor.LastAssignedUtc = DateTime.SpecifyKind(stamp, DateTimeKind.Utc);
        }
        else
        {
            db.Set<AgentAssignmentCursor>().Add(new AgentAssignmentCursor { UserId = chosen.UserId, LastAssignedUtc = DateTime.SpecifyKind(stamp, DateTimeKind.Utc) });
        }

        return true;
    }

    /// <summary>Manual assignment by a person: to a staff member by id, or back to unassigned with null.</summary>
    public async Task<Result<bool>> AssignManuallyAsync(Conversation conversation, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            conversation.AssigneeId = null;
            conversation.AssigneeName = null;
            conversation.AssignedUtc = null;
            return true;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Errors.Validation("inbox.assignee", "No such user.", new Dictionary<string, string[]> { ["assigneeId"] = ["Unknown user."] });
        }

        Assign(conversation, user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName, time.GetUtcNow().UtcDateTime);
        return true;
    }

    private static void Assign(Conversation conversation, string userId, string name, DateTime now)
    {
        conversation.AssigneeId = userId;
        conversation.AssigneeName = name;
        conversation.AssignedUtc = now;
    }
}
