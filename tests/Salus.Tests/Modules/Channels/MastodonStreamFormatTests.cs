using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;

namespace Salus.Tests.Modules.Channels;

/// <summary>The documented Mastodon stream examples through the SSE reader, Interpret and Normalize (no server, no database).</summary>
public sealed class MastodonStreamFormatTests
{
    private static readonly ChannelContext Channel = new(Guid.NewGuid(), ChannelKind.Mastodon, "Mastodon test", "US", "https://mastodon.social", "14715",
        new ChannelCredentials { AccessToken = "t" }, Streaming: true);

    [Fact]
    public async Task Reference_stream_yields_heartbeats_and_the_notification_status_update_delete_and_filters_events()
    {
        var events = await ReadAsync(File.ReadAllText(Vector("mastodon-user-stream.sse")));
        Assert.Equal(["", "notification", "", "status.update", "delete", "filters_changed"], events.Select(e => e.Name));
        Assert.Equal(2, events.Count(e => e.IsHeartbeat));
        Assert.Equal("108914430312582020", events.Single(e => e.Name == "delete").Data);
    }

    [Fact]
    public async Task Data_lines_are_joined_and_fields_without_a_space_or_unknown_fields_are_handled()
    {
        var events = await ReadAsync("event:notification\ndata:{\"a\":\ndata: 1}\nid: 7\nretry: 10\n\n: comment\nevent: delete\ndata: 42\n\n");
        Assert.Equal("notification", events[0].Name);
        Assert.Equal("{\"a\":\n1}", events[0].Data);
        Assert.True(events[1].IsHeartbeat);
        Assert.Equal(new ServerSentEvent("delete", "42"), events[2]);
    }

    [Fact]
    public async Task Reference_notification_is_stored_with_the_polled_event_id_and_normalised_like_a_polled_one()
    {
        var connector = new MastodonConnector(null!);
        var events = await ReadAsync(File.ReadAllText(Vector("mastodon-user-stream.sse")));

        var stored = connector.Interpret(Channel, events.Single(e => e.Name == "notification"));
        Assert.NotNull(stored);
        Assert.Equal("mastodon:68739215", stored.EventId);
        Assert.Null(stored.RequiresKnownItem);
        var item = Assert.Single(connector.Normalize(Channel, Raw(stored)));
        Assert.Equal(InboundChange.Created, item.Change);
        Assert.Equal(InboundItemKind.Mention, item.ItemKind);
        Assert.Equal("108914343542683797", item.PlatformItemId);
        Assert.Equal("a@pl.nulled.red", item.AuthorHandle);
        Assert.Equal("@trwnh test", item.Text);
        Assert.Equal(DateTimeOffset.Parse("2022-08-30T23:09:52.359Z", System.Globalization.CultureInfo.InvariantCulture), item.OccurredAt);

        // The documented edit mentions nobody, so it is not inbox material; filters_changed never is.
        Assert.Null(connector.Interpret(Channel, events.Single(e => e.Name == "status.update")));
        Assert.Null(connector.Interpret(Channel, events.Single(e => e.Name == "filters_changed")));

        var deletion = connector.Interpret(Channel, events.Single(e => e.Name == "delete"));
        Assert.NotNull(deletion);
        Assert.Equal("mastodon:status:108914430312582020:delete", deletion.EventId);
        Assert.Equal("\"id\":\"108914430312582020\"", deletion.RequiresKnownItem);
        var deleted = Assert.Single(connector.Normalize(Channel, Raw(deletion)));
        Assert.Equal(InboundChange.Deleted, deleted.Change);
        Assert.Equal("108914430312582020", deleted.PlatformItemId);
    }

    [Fact]
    public void Edit_of_a_status_mentioning_the_account_becomes_an_edited_item()
    {
        var connector = new MastodonConnector(null!);
        const string status = """{"id":"109","created_at":"2022-11-15T16:06:48.410Z","in_reply_to_id":null,"visibility":"direct","edited_at":"2022-11-15T16:07:29.023Z","content":"<p>edited &amp; fixed</p>","account":{"id":"5","acct":"bob@x.example","display_name":"Bob"},"mentions":[{"id":"14715","acct":"trwnh"}]}""";
        var stored = connector.Interpret(Channel, new ServerSentEvent("status.update", status));
        Assert.NotNull(stored);
        Assert.Equal("mastodon:status:109:edit:2022-11-15T16:07:29.023Z", stored.EventId);
        var item = Assert.Single(connector.Normalize(Channel, Raw(stored)));
        Assert.Equal(InboundChange.Edited, item.Change);
        Assert.Equal(InboundItemKind.PrivateMessage, item.ItemKind);
        Assert.Equal("edited & fixed", item.Text);

        // The account's own edits are not inbound.
        Assert.Null(connector.Interpret(Channel, new ServerSentEvent("status.update", status.Replace("\"id\":\"5\"", "\"id\":\"14715\"", StringComparison.Ordinal))));
    }

    [Fact]
    public void Catch_up_edit_and_deletion_have_the_streamed_event_ids_and_normalise_like_the_streamed_events()
    {
        var connector = new MastodonConnector(null!);
        const string status = """{"id":"109","created_at":"2022-11-15T16:06:48.410Z","in_reply_to_id":null,"visibility":"public","edited_at":"2022-11-15T16:07:29.023Z","content":"<p>edited &amp; fixed</p>","account":{"id":"5","acct":"bob@x.example","display_name":"Bob"},"mentions":[{"id":"14715","acct":"trwnh"}]}""";
        var streamed = connector.Interpret(Channel, new ServerSentEvent("status.update", status))!;
        var caught = connector.EditOf(new CheckedStatus("109", DateTimeOffset.Parse("2022-11-15T16:07:29.023Z", System.Globalization.CultureInfo.InvariantCulture), status));
        Assert.Equal(streamed.EventId, caught.EventId);
        Assert.StartsWith("{\"stream\":[\"catch-up\"],\"event\":\"status.update\",\"payload\":{", caught.Body, StringComparison.Ordinal);
        Assert.Equal(connector.Normalize(Channel, Raw(streamed)), connector.Normalize(Channel, Raw(caught)));

        var streamedDeletion = connector.Interpret(Channel, new ServerSentEvent("delete", "109"))!;
        var caughtDeletion = connector.DeletionOf("109");
        Assert.Equal(streamedDeletion.EventId, caughtDeletion.EventId);
        var deleted = Assert.Single(connector.Normalize(Channel, Raw(caughtDeletion)));
        Assert.Equal(InboundChange.Deleted, deleted.Change);
        Assert.Equal("109", deleted.PlatformItemId);

        Assert.True(connector.IsStatusId("110000000001000001"));
        Assert.False(connector.IsStatusId("1&id[]=2"));
        Assert.False(connector.IsStatusId(""));
    }

    private static RawEvent Raw(StreamedItem stored) => new()
    {
        ChannelId = Channel.Id, EventId = stored.EventId, Source = RawEventSource.Stream, Body = stored.Body, ReceivedUtc = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
    };

    private static async Task<List<ServerSentEvent>> ReadAsync(string text)
    {
        using var reader = new StringReader(text);
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEventReader.ReadAsync(reader, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    private static string Vector(string name) => Path.Combine(AppContext.BaseDirectory, "Modules", "Channels", "Vectors", name);
}
