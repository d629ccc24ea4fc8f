using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Inbox;

/// <summary>Stands in for the Channels module's connectors: records what the inbox asked the platform to do.</summary>
public sealed class RecordingChannelActions : IChannelActions
{
    public sealed record Call(string Action, Guid ChannelId, string Target, string? Text);

    public ConcurrentQueue<Call> Calls { get; } = new();

    public IReadOnlyList<Call> For(Guid channel) => [.. Calls.Where(c => c.ChannelId == channel)];

    public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken) => Record("reply", channelId, platformItemId, text);

    public Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken) =>
        Record("private", channelId, recipientPlatformId, text);

    public Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken) => Record(hidden ? "hide" : "unhide", channelId, platformItemId, null);

    public Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken) => Record("delete", channelId, platformItemId, null);

    private Task<Result<string>> Record(string action, Guid channel, string target, string? text)
    {
        Calls.Enqueue(new Call(action, channel, target, text));
        return Task.FromResult(Result<string>.Success($"platform-{Guid.NewGuid():N}"));
    }
}

/// <summary>Stands in for pharmacovigilance: records proposals and follow-ups, one case per source.</summary>
public sealed class RecordingIntake : IAdverseEventIntake
{
    public ConcurrentDictionary<string, (Guid CaseId, AdverseEventSignal Signal)> Proposals { get; } = new();

    public ConcurrentQueue<FollowUpMessage> FollowUps { get; } = new();

    public Task<Guid> ProposeAsync(AdverseEventSignal signal, CancellationToken cancellationToken) =>
        Task.FromResult(Proposals.GetOrAdd(signal.SourceId, _ => (Guid.NewGuid(), signal)).CaseId);

    public Task<bool> TryAttachFollowUpAsync(FollowUpMessage message, CancellationToken cancellationToken)
    {
        FollowUps.Enqueue(message);
        return Task.FromResult(true);
    }
}

internal static class InboxServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<RecordingChannelActions>();
        services.AddSingleton<IChannelActions>(sp => sp.GetRequiredService<RecordingChannelActions>());
        services.AddSingleton<RecordingIntake>();
        services.AddSingleton<IAdverseEventIntake>(sp => sp.GetRequiredService<RecordingIntake>());
    }
}

public sealed class InboxSqliteApp : SqliteApp
{
    protected override void ConfigureServices(IServiceCollection services) => InboxServices.Add(services);
}

public sealed class InboxPostgresApp : PostgresApp
{
    protected override void ConfigureServices(IServiceCollection services) => InboxServices.Add(services);
}

/// <summary>Helpers shared by the inbox tests: deliver through the sink, run jobs, read state.</summary>
public abstract class InboxTestBase(SalusApp app)
{
    protected SalusApp App => app;

    protected RecordingChannelActions Channel => app.Factory.Services.GetRequiredService<RecordingChannelActions>();

    protected RecordingIntake Intake => app.Factory.Services.GetRequiredService<RecordingIntake>();

    protected DateTimeOffset Now => app.Factory.Clock.GetUtcNow();

    protected static InboundItem Comment(Guid channel, string itemId, string text, string market = "IT", string author = "u-1", string? name = "Giulia Rossi",
        InboundChange change = InboundChange.Created, string? eventId = null, DateTimeOffset? at = null, string? language = null,
        InboundItemKind kind = InboundItemKind.Comment, string channelName = "Test channel", string thread = "post-1") =>
        new(channel, ChannelKind.Facebook, channelName, market, eventId ?? $"{itemId}:{change}", change, kind, itemId, thread, thread, author,
            author, name, text, language, $"https://example.test/{itemId}", at ?? DateTimeOffset.UnixEpoch, at ?? DateTimeOffset.UnixEpoch);

    protected Task DeliverAsync(InboundItem item) =>
        app.Factory.InScopeAsync(sp => sp.GetRequiredService<IInboundItemSink>().AcceptAsync(item, CancellationToken.None), "channels");

    protected async Task RunJobsAsync()
    {
        var worker = app.Factory.Services.GetRequiredService<JobWorker>();
        for (var i = 0; i < 20 && await worker.RunOnceAsync(CancellationToken.None) > 0; i++)
        {
        }
    }

    protected Task<T> QueryAsync<T>(Func<SalusDbContext, Task<T>> query) =>
        app.Factory.InScopeAsync(sp => query(sp.GetRequiredService<SalusDbContext>()));

    protected Task<InboxItem> ItemAsync(Guid channel, string itemId) =>
        QueryAsync(db => db.Set<InboxItem>().AsNoTracking().SingleAsync(i => i.ChannelId == channel && i.PlatformItemId == itemId));

    protected Task<Conversation> ConversationOfAsync(Guid channel, string itemId) =>
        QueryAsync(async db =>
        {
            var item = await db.Set<InboxItem>().AsNoTracking().SingleAsync(i => i.ChannelId == channel && i.PlatformItemId == itemId);
            return await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == item.ConversationId);
        });

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
