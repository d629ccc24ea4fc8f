using System.Text.Json;

namespace Salus.Modules.Inbox.Domain;

public sealed record CrisisContact(string Name, string Contact, string Hours, string Note);

public sealed record CrisisResourceSet(string Market, IReadOnlyList<CrisisContact> Contacts);

/// <summary>Crisis lines per market, from the embedded <c>crisis-resources.json</c> (data, not code, so they can be reviewed).</summary>
public static class CrisisResources
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyDictionary<string, CrisisResourceSet>> Sets = new(Load);

    public static CrisisResourceSet For(string market) =>
        Sets.Value.TryGetValue(market.ToUpperInvariant(), out var set) ? set
        : Sets.Value.TryGetValue("*", out var fallback) ? fallback with { Market = market }
        : new CrisisResourceSet(market, []);

    public static IReadOnlyCollection<CrisisResourceSet> All => [.. Sets.Value.Values];

    private static Dictionary<string, CrisisResourceSet> Load()
    {
        using var stream = typeof(CrisisResources).Assembly.GetManifestResourceStream("Salus.Modules.Inbox.crisis-resources.json")
            ?? throw new InvalidOperationException("The embedded crisis-resources.json is missing.");
        var sets = JsonSerializer.Deserialize<List<CrisisResourceSet>>(stream, Json) ?? [];
        return sets.ToDictionary(s => s.Market.ToUpperInvariant());
    }
}
