using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
/// </summary>
public sealed partial class ActivePolicyRules(IServiceScopeFactory scopes, ILogger<ActivePolicyRules> logger) : IActivePolicyRules
{
    private ImmutableDictionary<string, RuleSet>? _byMarket;

    public RuleSet? ForMarket(string? market)
    {
        var map = Volatile.Read(ref _byMarket) ?? Load();
        if (market is not null && map.TryGetValue(market.ToUpperInvariant(), out var own))
        {
            return own;
        }

        return map.GetValueOrDefault("EU");
    }

    /// <summary>Makes <paramref name="rules"/> the rules in force for <paramref name="market"/> from now.</summary>
    public void Activate(string market, RuleSet rules)
    {
        var current = Volatile.Read(ref _byMarket) ?? Load();
        Volatile.Write(ref _byMarket, current.SetItem(market.ToUpperInvariant(), rules));
        LogActivated(logger, market, rules.PolicyVersion, rules.Rules.Count);
    }

    /// <summary>Reads and compiles every published version again (another node may have published).</summary>
    public ImmutableDictionary<string, RuleSet> Load()
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

            var result = map.ToImmutable();
            Volatile.Write(ref _byMarket, result);
            return result;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // Schema not migrated yet (first start): no policy in force; try again on the next call.
            LogLoadFailed(logger, ex.GetType().Name);
            return ImmutableDictionary<string, RuleSet>.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy rules for market {Market} now in force: {Version} ({Count} rules)")]
    private static partial void LogActivated(ILogger logger, string market, string version, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published policy rules could not be loaded ({Error}); default rules apply until they can")]
    private static partial void LogLoadFailed(ILogger logger, string error);
}
