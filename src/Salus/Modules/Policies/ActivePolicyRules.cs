using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Contracts;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Rules;
using Salus.Platform.Persistence;
using Salus.Screening.Rules;

namespace Salus.Modules.Policies;

/// <summary>
/// The compiled rules of the published version of each market's policy. Loaded from the database on first use,
/// replaced atomically (one immutable map) when a version is published, so a screening sees either the old rules
/// or the new ones, never a mix. A market without its own policy falls back to the EU policy when one is published.
/// Every <see cref="PoliciesOptions.RefreshSeconds"/> a background reload picks up publications made by other nodes.
/// </summary>
public sealed partial class ActivePolicyRules(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<PoliciesOptions> options, ILogger<ActivePolicyRules> logger) : IActivePolicyRules
{
    private ImmutableDictionary<string, RuleSet>? _byMarket;
    private long _loadedAt;
    private int _reloading;

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
    }

    /// <summary>Reads and compiles every published version again (another node may have published).</summary>
    public ImmutableDictionary<string, RuleSet> Load()
    {
        var before = Volatile.Read(ref _byMarket);
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

            var result = map.ToImmutable();
            Interlocked.Exchange(ref _loadedAt, time.GetTimestamp());

            // A publication on this node while reading wins over what was read.
            return Interlocked.CompareExchange(ref _byMarket, result, before) == before ? result : Volatile.Read(ref _byMarket)!;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // Schema not migrated yet (first start): no policy in force; try again on the next call.
            LogLoadFailed(logger, ex.GetType().Name);
            return ImmutableDictionary<string, RuleSet>.Empty;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published policy rules could not be loaded ({Error}); default rules apply until they can")]
    private static partial void LogLoadFailed(ILogger logger, string error);
}
