using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Ingest;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox.Features.Conversations;

/// <summary>Filters of the inbox. <see cref="Assignee"/>: a user id, <c>me</c> or <c>none</c>. Resolved ones only when asked for.</summary>
public sealed record InboxFilter(
    string? Channel = null, ConversationStatus? Status = null, string? Category = null, string? Assignee = null,
    string? Market = null, string? Language = null, string? Queue = null, string? Q = null, Guid? Person = null, int Take = 200);

public sealed record ConversationRow(
    Guid Id, string ChannelName, string ChannelKind, string Market, string? Language, ConversationStatus Status, RiskPriority Priority,
    IReadOnlyList<string> Categories, string Queue, string? AssigneeId, string? AssigneeName, Guid PersonId, string PersonName, string Preview,
    DateTime LastInboundUtc, DateTime? ResponseDueUtc, DateTime? ResolutionDueUtc, SlaState SlaState, bool MovedToPrivate);

public sealed record ConversationDetail(
    Conversation Conversation, InboxPerson Person, IReadOnlyList<InboxIdentity> Identities, IReadOnlyList<InboxItem> Items,
    IReadOnlyList<OutboundReply> Replies, IReadOnlyList<InboxNote> Notes, IReadOnlyList<ConversationRow> PersonHistory,
    IReadOnlyList<InboxNotification> Notifications);

public sealed record StaffMember(string Id, string Name);

/// <summary>Reads the inbox: filtered, searched, in risk order (crisis, adverse event, medical question, the rest), then by deadline.</summary>
public sealed class InboxQueries(SalusDbContext db, UserManager<SalusUser> users)
{
    public async Task<IReadOnlyList<ConversationRow>> ListAsync(InboxFilter filter, string? currentUserId, CancellationToken cancellationToken)
    {
        var query = db.Set<Conversation>().AsNoTracking();
        query = filter.Status is { } status ? query.Where(c => c.Status == status) : query.Where(c => c.Status != ConversationStatus.Resolved);
        if (!string.IsNullOrWhiteSpace(filter.Channel))
        {
            query = query.Where(c => c.ChannelName == filter.Channel || c.ChannelKind == filter.Channel);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var pattern = $"%|{filter.Category}|%";
            query = query.Where(c => EF.Functions.Like(c.Categories, pattern));
        }

        query = filter.Assignee switch
        {
            null or "" => query,
            "none" => query.Where(c => c.AssigneeId == null),
            "me" => query.Where(c => c.AssigneeId == currentUserId),
            var id => query.Where(c => c.AssigneeId == id),
        };
        if (!string.IsNullOrWhiteSpace(filter.Market))
        {
            var market = filter.Market.ToUpperInvariant();
            query = query.Where(c => c.Market == market);
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(c => c.Language == filter.Language);
        }

        if (!string.IsNullOrWhiteSpace(filter.Queue))
        {
            query = query.Where(c => c.Queue == filter.Queue);
        }

        if (filter.Person is { } person)
        {
            query = query.Where(c => c.PersonId == person);
        }

        foreach (var token in Tokens(filter.Q))
        {
            var pattern = $"%{Escape(token)}%";
            query = query.Where(c => db.Set<InboxItem>().Any(i => i.ConversationId == c.Id && EF.Functions.Like(i.SearchText, pattern, "\\")));
        }

        var rows = await query
            .OrderBy(c => c.Status == ConversationStatus.Resolved ? 1 : 0)
            .ThenBy(c => c.Priority)
            .ThenBy(c => c.FirstResponseUtc == null ? c.FirstResponseDueUtc : c.NextResponseDueUtc ?? c.ResolutionDueUtc)
            .ThenByDescending(c => c.LastInboundUtc)
            .Take(Math.Clamp(filter.Take, 1, 1000))
            .Join(db.Set<InboxPerson>(), c => c.PersonId, p => p.Id, (c, p) => new { c, p.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Row(r.c, r.DisplayName))];
    }

    public async Task<ConversationDetail?> DetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var person = await db.Set<InboxPerson>().AsNoTracking().FirstAsync(p => p.Id == conversation.PersonId, cancellationToken);
        var identities = await db.Set<InboxIdentity>().AsNoTracking().Where(i => i.PersonId == person.Id).ToListAsync(cancellationToken);
        var items = await db.Set<InboxItem>().AsNoTracking().Where(i => i.ConversationId == id).OrderBy(i => i.OccurredUtc).ToListAsync(cancellationToken);
        var replies = await db.Set<OutboundReply>().AsNoTracking().Where(r => r.ConversationId == id).OrderBy(r => r.CreatedUtc).ToListAsync(cancellationToken);
        var notes = await db.Set<InboxNote>().AsNoTracking().Where(n => n.ConversationId == id).OrderBy(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var notifications = await db.Set<InboxNotification>().AsNoTracking().Where(n => n.ConversationId == id).OrderBy(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var history = await db.Set<Conversation>().AsNoTracking().Where(c => c.PersonId == person.Id && c.Id != id)
            .OrderByDescending(c => c.LastInboundUtc).Take(50).ToListAsync(cancellationToken);
        return new ConversationDetail(conversation, person, identities, items, replies, notes,
            [.. history.Select(h => Row(h, person.DisplayName))], notifications);
    }

    /// <summary>People who can be given conversations: agents, leads and medical information specialists.</summary>
    public async Task<IReadOnlyList<StaffMember>> AssignableAsync()
    {
        var people = new Dictionary<string, StaffMember>();
        foreach (var role in new[] { Roles.CommunityAgent, Roles.CommunityLead, Roles.MedicalInformationSpecialist })
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                people[user.Id] = new StaffMember(user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
            }
        }

        return [.. people.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken cancellationToken) =>
        await db.Set<Conversation>().AsNoTracking().Select(c => c.ChannelName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

    public static IReadOnlyList<string> Tokens(string? q) =>
        string.IsNullOrWhiteSpace(q) ? [] : [.. ItemScreening.SearchKey(q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8)];

    private static string Escape(string token) => token.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static ConversationRow Row(Conversation c, string personName) => new(
        c.Id, c.ChannelName, c.ChannelKind, c.Market, c.Language, c.Status, c.Priority, ItemScreening.Unpipe(c.Categories), c.Queue,
        c.AssigneeId, c.AssigneeName, c.PersonId, personName, c.Preview, c.LastInboundUtc, c.ResponseDueUtc, c.ResolutionDueUtc, c.SlaState, c.MovedToPrivate);
}
