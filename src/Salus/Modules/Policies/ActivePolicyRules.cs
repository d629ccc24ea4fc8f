using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Contracts;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Rules;
using Salus.Platform.Persistence;
using Salus.Platform.Scale;
using Salus.Screening.Rules;
using StackExchange.Redis;

namespace Salus.Modules.Policies;

/// <summary>
/// The compiled rules of the published version of each market's policy. Loaded from the database on first use,
/// replaced atomically (one immutable map) when a version is published, so a screening sees either the old rules
/// or the new ones, never a mix. A market without its own policy falls back to the EU policy when one is published.
/// With Redis (<c>Salus:Redis</c>), a publication is announced to every node, which reloads at once; every
/// <see cref="PoliciesOptions.RefreshSeconds"/> a background reload also picks up publications made by other nodes (the
/// only way without Redis, and the safety net when an announcement is lost).
/// </summary>
public sealed partial class ActivePolicyRules : IActivePolicyRules
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IOptions<PoliciesOptions> options;
    private readonly ILogger<ActivePolicyRules> logger;
    private readonly SharedRedis? _redis;
    private readonly RedisChannel _announcements;
    private ImmutableDictionary<string, RuleSet>? _byMarket;
    private long _loadedAt;
    private int _reloading;
    private int _announced;
    private int _announcedReloadRunning;

    public ActivePolicyRules(
        IServiceScopeFactory scopes, TimeProvider time, IOptions<PoliciesOptions> options, ILogger<ActivePolicyRules> logger, SharedRedis? redis = null)
    {
        this.scopes = scopes;
        this.time = time;
        this.options = options;
        this.logger = logger;
        _redis = redis;
        _announcements = RedisChannel.Literal((redis?.Prefix ?? "") + "policies:published");
        if (redis is not null)
        {
            _ = ListenAsync(redis); // Redis down at start must not stop screening: the periodic reload still runs
        }
    }

    public RuleSet? ForMarket(string? market)
    {
        var map = Volatile.Read(ref _byMarket) ?? Load();
        RefreshInBackgroundWhenStale();
        if (market is not null && map.TryGetValue(market.ToUpperInvariant(), out var own))
        {
            return own;
        }

        return map.GetValueOrDefault("EU");
    }

    /// <summary>Makes <paramref name="rules"/> the rules in force for <paramref name="market"/> from now.</summary>
    public void Activate(string market, RuleSet rules)
    {
        while (true)
        {
            var current = Volatile.Read(ref _byMarket) ?? Load();
            if (Interlocked.CompareExchange(ref _byMarket, current.SetItem(market.ToUpperInvariant(), rules), current) == current)
            {
                break;
            }
        }

        LogActivated(logger, market, rules.PolicyVersion, rules.Rules.Count);
        Announce(market);
    }

    private void Announce(string market)
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            _redis.Connection.GetSubscriber().Publish(_announcements, market.ToUpperInvariant(), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            LogAnnounceFailed(logger, ex.GetType().Name); // the other nodes catch up at their next periodic reload
        }
    }

    private async Task ListenAsync(SharedRedis redis)
    {
        try
        {
            await redis.Connection.GetSubscriber().SubscribeAsync(_announcements, (_, _) =>
            {
                Interlocked.Exchange(ref _announced, 1);
                _ = Task.Run(ReloadAnnounced);
            });
        }
        catch (RedisException ex)
        {
            LogAnnounceFailed(logger, ex.GetType().Name);
        }
    }

    /// <summary>One reload at a time, repeated while announcements keep arriving, each reading after the announcement.</summary>
    private void ReloadAnnounced()
    {
        if (Interlocked.CompareExchange(ref _announcedReloadRunning, 1, 0) != 0)
        {
            return; // the running reload loops again for this announcement
        }

        try
        {
            while (Interlocked.Exchange(ref _announced, 0) == 1)
            {
                Load(retryOnRace: true);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _announcedReloadRunning, 0);
        }

        if (Volatile.Read(ref _announced) == 1)
        {
            _ = Task.Run(ReloadAnnounced); // arrived between the last check and the release
        }
    }

    /// <summary>Reads and compiles every published version again (another node may have published).</summary>
    public ImmutableDictionary<string, RuleSet> Load() => Load(retryOnRace: false);

    /// <param name="retryOnRace">Read again when this node activated rules meanwhile, instead of keeping those.</param>
    private ImmutableDictionary<string, RuleSet> Load(bool retryOnRace)
    {
        while (true)
        {
            var before = Volatile.Read(ref _byMarket);
            var read = ReadPublished();
            if (read is null)
            {
                return ImmutableDictionary<string, RuleSet>.Empty;
            }

            Interlocked.Exchange(ref _loadedAt, time.GetTimestamp());

            // A publication on this node while reading wins over what was read.
            if (Interlocked.CompareExchange(ref _byMarket, read, before) == before || !retryOnRace)
            {
                return Volatile.Read(ref _byMarket)!;
            }
        }
    }

    private ImmutableDictionary<string, RuleSet>? ReadPublished()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SalusDbContext>();
            var published = db.Set<PolicyVersion>().AsNoTracking().Include(v => v.Policy).Include(v => v.Sections)
                .Where(v => v.Status == PolicyStatus.Published).ToList();
            var map = ImmutableDictionary.CreateBuilder<string, RuleSet>();
            foreach (var version in published.OrderBy(v => v.PublishedUtc))
            {
                var compiled = PolicyRuleCompiler.Compile(version.Policy!.Code, version.Label(version.Policy), version.Sections);
                if (compiled.Succeeded)
                {
                    map[version.Policy.Market.ToUpperInvariant()] = compiled.RuleSet;
                }
            }

            return map.ToImmutable();
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // Schema not migrated yet (first start): no policy in force; try again on the next call.
            LogLoadFailed(logger, ex.GetType().Name);
            return null;
        }
    }

    private void RefreshInBackgroundWhenStale()
    {
        var seconds = options.Value.RefreshSeconds;
        if (seconds <= 0 || time.GetElapsedTime(Interlocked.Read(ref _loadedAt)).TotalSeconds < seconds
            || Interlocked.CompareExchange(ref _reloading, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                Load();
            }
            finally
            {
                Interlocked.Exchange(ref _reloading, 0);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy rules for market {Market} now in force: {Version} ({Count} rules)")]
    private static partial void LogActivated(ILogger logger, string market, string version, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy publications could not be announced or heard through Redis ({Error}); nodes refresh periodically")]
    private static partial void LogAnnounceFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published policy rules could not be loaded ({Error}); default rules apply until they can")]
    private static partial void LogLoadFailed(ILogger logger, string error);
}
