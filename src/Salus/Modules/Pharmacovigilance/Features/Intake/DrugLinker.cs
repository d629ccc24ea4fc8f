using Salus.Screening;
using Salus.Screening.Lexicons;
using Salus.Screening.Normalization;

namespace Salus.Modules.Pharmacovigilance.Features.Intake;

/// <summary>A product as the drug lexicon knows it.</summary>
public sealed record LinkedProduct(string Name, string? Code, IReadOnlyList<string> Ingredients);

/// <summary>A reaction term of the screening engine: its stable id and a label per language.</summary>
public sealed record ReactionTerm(string Id, string English, string Italian);

/// <summary>
/// Links product names to the engine's drug lexicon (DrugBank, Orange Book, AIFA) and lists the engine's reaction
/// terms, so that cases use the same vocabulary as the screening that flagged them.
/// </summary>
public sealed class DrugLinker
{
    private readonly Lazy<Dictionary<string, DrugEntry>> _drugs;
    private readonly Lazy<IReadOnlyList<ReactionTerm>> _reactions;
    private readonly Lazy<Dictionary<string, string>> _reactionBySurface;

    public DrugLinker(Screener screener)
    {
        ArgumentNullException.ThrowIfNull(screener);
        var lexicon = screener.Lexicon;
        _drugs = new(() =>
        {
            var map = new Dictionary<string, DrugEntry>(StringComparer.Ordinal);
            foreach (var d in lexicon.Drugs)
            {
                map.TryAdd(d.Surface, d);
            }

            return map;
        });
        _reactionBySurface = new(() =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (surface, id, _) in ReactionSurfaces(lexicon))
            {
                map.TryAdd(surface, id);
            }

            return map;
        });
        _reactions = new(() =>
        {
            var surfaces = ReactionSurfaces(lexicon).ToList();
            string Label(string id, string lang, string fallback) =>
                surfaces.Where(s => s.Id == id && s.Language == lang).Select(s => s.Surface).OrderBy(s => s.Length).FirstOrDefault() ?? fallback;
            return [.. surfaces.Select(s => s.Id).Distinct().Order(StringComparer.Ordinal)
                .Select(id => new ReactionTerm(id, Label(id, "en", id.Replace('_', ' ')), Label(id, "it", id.Replace('_', ' '))))];
        });
    }

    public IReadOnlyList<ReactionTerm> ReactionTerms => _reactions.Value;

    public bool IsReactionTerm(string? id) => id is not null && ReactionTerms.Any(t => t.Id == id);

    /// <summary>
    /// The engine's reaction id for words such as "mal di testa" or "terrible headaches": the whole text, else the
    /// longest run of up to five words that is a reaction term; null when none is.
    /// </summary>
    public string? ReactionTermFor(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var map = _reactionBySurface.Value;
        var normalized = TextNormalizer.NormalizeTerm(text);
        if (map.TryGetValue(normalized, out var whole))
        {
            return whole;
        }

        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = Math.Min(5, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (map.TryGetValue(string.Join(' ', words, start, length), out var id))
                {
                    return id;
                }
            }
        }

        return null;
    }

    public LinkedProduct Link(string name, string? code = null, IReadOnlyList<string>? ingredients = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_drugs.Value.TryGetValue(TextNormalizer.NormalizeTerm(name), out var d))
        {
            return new LinkedProduct(d.Product, d.Code ?? code, d.Ingredients.Count > 0 ? d.Ingredients : ingredients ?? []);
        }

        return new LinkedProduct(name.Trim(), code, ingredients ?? []);
    }

    private static IEnumerable<(string Surface, string Id, string? Language)> ReactionSurfaces(ScreeningLexicon lexicon)
    {
        for (var i = 0; i < lexicon.Patterns.Count; i++)
        {
            foreach (var info in lexicon.PayloadOf(i))
            {
                if (info.Kind == LexiconKind.Reaction && info.Tag is { } tag)
                {
                    yield return (lexicon.Patterns[i], tag, info.Language);
                }
            }
        }
    }
}
