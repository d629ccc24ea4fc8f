using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Secrets;

namespace Salus.Modules.Channels.Ingest;

/// <summary>
/// Channels with their secrets decrypted, cached briefly so a burst of webhooks does not decrypt per request.
/// Editing a channel calls <see cref="Forget"/>; other nodes see the change when their entry expires.
/// </summary>
public sealed class ChannelDirectory(IServiceScopeFactory scopes, SecretProtector secrets, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, (ChannelContext? Channel, bool Enabled, DateTimeOffset Until)> _cache = new();

    public async Task<ChannelContext?> FindEnabledAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(id, out var hit) && hit.Until > now)
        {
            return hit.Enabled ? hit.Channel : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var channel = await scope.ServiceProvider.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var context = channel is null ? null : ToContext(channel);
        _cache[id] = (context, channel?.Enabled == true, now + Lifetime);
        return channel?.Enabled == true ? context : null;
    }

    public void Forget(Guid id) => _cache.TryRemove(id, out _);

    public ChannelContext ToContext(Channel channel) =>
        new(channel.Id, channel.Kind, channel.Name, channel.Market, channel.ApiBaseUrl, channel.AccountId, ReadCredentials(channel), channel.Streaming, channel.Product);

    public ChannelCredentials ReadCredentials(Channel channel) =>
        string.IsNullOrEmpty(channel.ProtectedCredentials)
            ? new ChannelCredentials()
            : JsonSerializer.Deserialize<ChannelCredentials>(secrets.Unprotect(channel.ProtectedCredentials)) ?? new ChannelCredentials();

    public string ProtectCredentials(ChannelCredentials credentials) => secrets.Protect(JsonSerializer.Serialize(credentials));
}

/// <summary>The connector of each platform.</summary>
public sealed class ConnectorRegistry(IEnumerable<IChannelConnector> connectors)
{
    private readonly Dictionary<ChannelKind, IChannelConnector> _byKind = connectors.ToDictionary(c => c.Kind);

    public IChannelConnector For(ChannelKind kind) =>
        _byKind.TryGetValue(kind, out var connector) ? connector : throw new InvalidOperationException($"No connector for {kind}.");
}
