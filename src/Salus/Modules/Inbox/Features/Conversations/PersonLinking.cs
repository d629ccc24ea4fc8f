using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Conversations;

/// <summary>
/// One person across channels: an agent confirms that two people are the same (a suggestion is someone with the same
/// name or handle on another channel), and their identities, conversations and history become one.
/// </summary>
public sealed class PersonLinking(SalusDbContext db)
{
    /// <summary>People on other channels with the same display name or handle, never merged automatically.</summary>
    public async Task<IReadOnlyList<InboxPerson>> SuggestionsAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.Set<InboxPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return [];
        }

        var identities = await db.Set<InboxIdentity>().AsNoTracking().Where(i => i.PersonId == personId).ToListAsync(cancellationToken);
        var handles = identities.Where(i => i.Handle != null).Select(i => i.Handle!.ToLower()).Distinct().ToList();
        var channels = identities.Select(i => i.ChannelId).ToList();
#pragma warning disable CA1862 // ToLower() translates to SQL on both providers; string.Equals with a comparison does not.
        var name = person.DisplayName.ToLower();
        var byHandle = await db.Set<InboxIdentity>().AsNoTracking()
            .Where(i => i.PersonId != personId && !channels.Contains(i.ChannelId) && i.Handle != null && handles.Contains(i.Handle.ToLower()))
            .Select(i => i.PersonId).ToListAsync(cancellationToken);
        var byName = await db.Set<InboxPerson>().AsNoTracking().Where(p => p.Id != personId && p.DisplayName.ToLower() == name)
            .Select(p => p.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var ids = byHandle.Concat(byName).Distinct().ToList();
        return await db.Set<InboxPerson>().AsNoTracking().Where(p => ids.Contains(p.Id)).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>Moves everything of <paramref name="sourceId"/> to <paramref name="targetId"/> and removes the source person.</summary>
    public async Task<Result<InboxPerson>> MergeAsync(Guid sourceId, Guid targetId, CancellationToken cancellationToken)
    {
        if (sourceId == targetId)
        {
            return Errors.Validation("inbox.merge-self", "A person cannot be merged with themselves.",
                new Dictionary<string, string[]> { ["intoPersonId"] = ["Choose another person."] });
        }

        var source = await db.Set<InboxPerson>().FirstOrDefaultAsync(p => p.Id == sourceId, cancellationToken);
        var target = await db.Set<InboxPerson>().FirstOrDefaultAsync(p => p.Id == targetId, cancellationToken);
        if (source is null || target is null)
        {
            return Errors.NotFound("inbox.person", "No such person.");
        }

        foreach (var identity in await db.Set<InboxIdentity>().Where(i => i.PersonId == sourceId).ToListAsync(cancellationToken))
        {
            identity.PersonId = targetId;
        }

        foreach (var conversation in await db.Set<Conversation>().Where(c => c.PersonId == sourceId).ToListAsync(cancellationToken))
        {
            conversation.PersonId = targetId;
        }

        target.Market ??= source.Market;
        target.Language ??= source.Language;
        db.Set<InboxPerson>().Remove(source);
        db.RecordEvent("inbox.person-merged", nameof(InboxPerson), targetId.ToString(), $"{{\"merged\":\"{sourceId}\"}}");
        await db.SaveChangesAsync(cancellationToken);
        return target;
    }
}
