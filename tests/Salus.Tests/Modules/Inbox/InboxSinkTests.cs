using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Ingest;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Inbox;

/// <summary>The sink: once per event, the same end state whatever the order, screened on arrival.</summary>
public abstract class InboxSinkTests(SalusApp app) : InboxTestBase(app)
{
    [SkippableFact]
    public async Task The_same_event_delivered_twice_is_applied_once()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var item = Comment(channel, "c1", "Bel video, grazie!", at: Now);
        await DeliverAsync(item);
        await DeliverAsync(item);
        await Task.WhenAll(DeliverAsync(item), DeliverAsync(item));

        Assert.Equal(1, await QueryAsync(db => db.Set<InboxItem>().CountAsync(i => i.ChannelId == channel)));
        Assert.Equal(1, await QueryAsync(db => db.Set<Conversation>().CountAsync(c => c.ChannelId == channel)));
        Assert.Equal(1, await QueryAsync(db => db.Set<ProcessedInboundEvent>().CountAsync(e => e.ChannelId == channel)));
    }

    [SkippableFact]
    public async Task An_edit_arriving_before_its_creation_keeps_the_edited_text()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var created = Now.AddMinutes(-10);
        await DeliverAsync(Comment(channel, "c2", "Ho avuto mal di testa dopo la Tachipirina", change: InboundChange.Edited, at: created.AddMinutes(5)));
        await DeliverAsync(Comment(channel, "c2", "Ho avuto mal di tsta", change: InboundChange.Created, at: created));

        var item = await ItemAsync(channel, "c2");
        Assert.Equal("Ho avuto mal di testa dopo la Tachipirina", item.Text);
        Assert.True(item.Edited);
        Assert.True(item.CreationSeen);
        Assert.Equal(created.UtcDateTime, DateTime.SpecifyKind(item.OccurredUtc, DateTimeKind.Utc));
        Assert.True(item.HasCategory("adverse-event"), item.Categories);
    }

    [SkippableFact]
    public async Task An_older_edit_arriving_late_does_not_overwrite_a_newer_one()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var t = Now.AddMinutes(-30);
        await DeliverAsync(Comment(channel, "c3", "first", at: t));
        await DeliverAsync(Comment(channel, "c3", "third", change: InboundChange.Edited, eventId: "e3", at: t.AddMinutes(2)));
        await DeliverAsync(Comment(channel, "c3", "second", change: InboundChange.Edited, eventId: "e2", at: t.AddMinutes(1)));

        Assert.Equal("third", (await ItemAsync(channel, "c3")).Text);
    }

    [SkippableFact]
    public async Task A_deletion_before_the_creation_leaves_the_item_deleted_with_its_text()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var t = Now.AddMinutes(-5);
        await DeliverAsync(Comment(channel, "c4", "", change: InboundChange.Deleted, at: t.AddMinutes(3)));
        await DeliverAsync(Comment(channel, "c4", "Thanks for the video", market: "US", change: InboundChange.Created, at: t));
        await DeliverAsync(Comment(channel, "c4", "Thanks for the video!!", market: "US", change: InboundChange.Edited, at: t.AddMinutes(1)));

        var item = await ItemAsync(channel, "c4");
        Assert.True(item.DeletedOnPlatform);
        Assert.Equal("Thanks for the video!!", item.Text);
    }

    [SkippableFact]
    public async Task Every_permutation_of_create_edit_hide_and_delete_ends_in_the_same_state()
    {
        App.SkipIfUnavailable();
        var t = Now.AddHours(-1);
        InboundItem[] events(Guid channel) =>
        [
            Comment(channel, "p", "v1", at: t),
            Comment(channel, "p", "v2", change: InboundChange.Edited, eventId: "edit-1", at: t.AddMinutes(1)),
            Comment(channel, "p", "v3", change: InboundChange.Edited, eventId: "edit-2", at: t.AddMinutes(2)),
            Comment(channel, "p", "", change: InboundChange.Hidden, at: t.AddMinutes(3)),
            Comment(channel, "p", "", change: InboundChange.Deleted, at: t.AddMinutes(4)),
        ];
        var orders = new[] { new[] { 0, 1, 2, 3, 4 }, [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 4, 0, 3, 2], [3, 2, 1, 4, 0] };
        foreach (var order in orders)
        {
            var channel = Guid.NewGuid();
            var all = events(channel);
            foreach (var index in order)
            {
                await DeliverAsync(all[index]);
            }

            var item = await ItemAsync(channel, "p");
            Assert.Equal("v3", item.Text);
            Assert.True(item.DeletedOnPlatform && item.Hidden && item.CreationSeen, $"order {string.Join(",", order)}");
        }
    }

    [SkippableFact]
    public async Task Findings_are_stored_with_utf16_offsets_into_the_original_text()
    {
        App.SkipIfUnavailable();
        var channel = Guid.NewGuid();
        var text = "😀 Dopo la Tachipirina ho avuto un forte mal di testa.";
        await DeliverAsync(Comment(channel, "c5", text, at: Now));
        var item = await ItemAsync(channel, "c5");
        var findings = ItemScreening.Findings(item.FindingsJson);
        var drug = Assert.Single(findings, f => f.Category == "drug-mention");
        Assert.Equal("Tachipirina", text[drug.Start..drug.End]);
        Assert.Contains(findings, f => f.Category == "adverse-event" && text[f.Start..f.End] == "mal di testa");
        Assert.Equal(RiskPriority.AdverseEvent, item.Priority);
        Assert.Equal("escalate", item.Decision);
        Assert.Equal("it", item.Language);
    }
}

public sealed class InboxSinkTests_Sqlite(InboxSqliteApp app) : InboxSinkTests(app), IClassFixture<InboxSqliteApp>;

public sealed class InboxSinkTests_Postgres(InboxPostgresApp app) : InboxSinkTests(app), IClassFixture<InboxPostgresApp>;
