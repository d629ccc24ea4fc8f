using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Platform.Results;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>Stands in for the Channels module: records private messages instead of calling a platform.</summary>
public sealed class RecordingChannelActions : IChannelActions
{
    public ConcurrentQueue<(Guid Channel, string Recipient, string? InResponseTo, string Text)> PrivateMessages { get; } = new();

    public Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken)
    {
        PrivateMessages.Enqueue((channelId, recipientPlatformId, inResponseToItemId, text));
        return Task.FromResult<Result<string>>($"pm-{PrivateMessages.Count}");
    }

    public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Errors.Conflict("test", "not used"));

    public Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Errors.Conflict("test", "not used"));

    public Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(Errors.Conflict("test", "not used"));
}

public sealed class SqlitePvApp : SqliteApp
{
    public RecordingChannelActions Channels { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IChannelActions>(Channels);
}

public sealed class PostgresPvApp : PostgresApp
{
    public RecordingChannelActions Channels { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IChannelActions>(Channels);
}

/// <summary>Shortcuts through the public API, as an agent and a PV officer would use it.</summary>
public static class PvApi
{
    public const string Officer = "pv@demo.salus.local";

    public static async Task<Guid> FlagAsync(HttpClient client, object signal)
    {
        var response = await client.PostAsJsonAsync("/api/pv/signals", signal);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("proposalId").GetGuid();
    }

    public static async Task<JsonElement> ConfirmAsync(HttpClient officer, Guid proposal)
    {
        var response = await officer.PostAsJsonAsync($"/api/pv/proposals/{proposal}/confirm", new { reason = "valid report" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>An agent flags a received post naming <paramref name="product"/>, the officer confirms it: the open case and its product.</summary>
    public static async Task<(HttpClient Officer, Guid CaseId, Guid ProductId)> OpenCaseWithProductAsync(
        SalusApp app, string product, string text, string reaction, string market, string language)
    {
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(Officer);
        var now = app.Factory.Clock.GetUtcNow();
        var opened = await ConfirmAsync(officer, await FlagAsync(agent, new
        {
            text, market, language, channel = "Facebook", channelId = Guid.NewGuid(),
            sourceType = "inbox-item", sourceId = Unique("case"), reporterPlatformId = Unique("acct"), reporterHandle = "someone",
            receivedAt = now.AddDays(-1), products = new[] { product }, reactions = new[] { reaction },
        }));
        return (officer, opened.GetProperty("id").GetGuid(), opened.GetProperty("products")[0].GetProperty("id").GetGuid());
    }
}
