namespace Salus.Screening.Rules;

/// <summary>What a condition sees: the request and what the detectors found.</summary>
public sealed class RuleInput
{
    public RuleInput(ScreeningRequest request, string language, IReadOnlyList<string> categories, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, double> scores)
    {
        Request = request;
        Language = language;
        Categories = categories;
        Findings = findings;
        Scores = scores;
    }

    public ScreeningRequest Request { get; }

    public string Language { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyDictionary<string, double> Scores { get; }
}

/// <summary>
/// A rule condition: a plain object tree (And/Or/Not over leaf tests) so a policy compiler can build it.
/// </summary>
public abstract record Condition
{
    public abstract bool Evaluate(RuleInput input);

    /// <summary>Categories this condition tests, for citing the rule on findings.</summary>
    public virtual IEnumerable<string> ReferencedCategories() => [];

    public static Condition Always { get; } = new AlwaysCondition();

    public static Condition Found(string category, double minScore = 0) => new HasCategory(category, minScore);

    public static Condition InContext(params ScreeningContext[] contexts) => new ContextIs(contexts);

    public static Condition And(params Condition[] all) => new AllOf(all);

    public static Condition Or(params Condition[] any) => new AnyOf(any);

    public static Condition Not(Condition c) => new NotCondition(c);
}

public sealed record AlwaysCondition : Condition
{
    public override bool Evaluate(RuleInput input) => true;
}

public sealed record AllOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Evaluate(RuleInput input)
    {
        // a loop, not LINQ: every screened text evaluates every rule
        for (int i = 0; i < Conditions.Count; i++)
        {
            if (!Conditions[i].Evaluate(input))
            {
                return false;
            }
        }

        return true;
    }

    public override IEnumerable<string> ReferencedCategories() => Conditions.SelectMany(c => c.ReferencedCategories());
}

public sealed record AnyOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Evaluate(RuleInput input)
    {
        for (int i = 0; i < Conditions.Count; i++)
        {
            if (Conditions[i].Evaluate(input))
            {
                return true;
            }
        }

        return false;
    }

    public override IEnumerable<string> ReferencedCategories() => Conditions.SelectMany(c => c.ReferencedCategories());
}

public sealed record NotCondition(Condition Inner) : Condition
{
    public override bool Evaluate(RuleInput input) => !Inner.Evaluate(input);
}

/// <summary>The request's context is one of <see cref="Contexts"/>.</summary>
public sealed record ContextIs(IReadOnlyList<ScreeningContext> Contexts) : Condition
{
    public override bool Evaluate(RuleInput input)
    {
        for (int i = 0; i < Contexts.Count; i++)
        {
            if (Contexts[i] == input.Request.Context)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The request's channel is one of <see cref="Channels"/> (case-insensitive).</summary>
public sealed record ChannelIs(IReadOnlyList<string> Channels) : Condition
{
    public override bool Evaluate(RuleInput input) =>
        input.Request.Channel is { } ch && Channels.Any(c => string.Equals(c, ch, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The request's market is one of <see cref="Markets"/> (case-insensitive).</summary>
public sealed record MarketIs(IReadOnlyList<string> Markets) : Condition
{
    public override bool Evaluate(RuleInput input) =>
        input.Request.Market is { } m && Markets.Any(c => string.Equals(c, m, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The (given or detected) language is one of <see cref="Languages"/>.</summary>
public sealed record LanguageIs(IReadOnlyList<string> Languages) : Condition
{
    public override bool Evaluate(RuleInput input) => Languages.Any(l => string.Equals(l, input.Language, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The category was found, with at least <see cref="MinScore"/> when the engine scores it.</summary>
public sealed record HasCategory(string Category, double MinScore = 0) : Condition
{
    public override bool Evaluate(RuleInput input)
    {
        var categories = input.Categories;
        for (int i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], Category, StringComparison.Ordinal))
            {
                return MinScore <= 0 || !input.Scores.TryGetValue(Category, out var s) || s >= MinScore;
            }
        }

        return false;
    }

    public override IEnumerable<string> ReferencedCategories() => [Category];
}

/// <summary>
/// A finding of <see cref="Category"/> has detail <see cref="Fact"/> equal to <see cref="Value"/>
/// (e.g. drug-mention / "prescription-only" / "true"). For "prescription-only" the value is looked up
/// in <see cref="Market"/>, or the request's market when null.
/// </summary>
public sealed record FindingFact(string Category, string Fact, string Value, string? Market = null) : Condition
{
    public override bool Evaluate(RuleInput input)
    {
        string key = Fact;
        if (Fact == "prescription-only")
        {
            var m = (Market ?? input.Request.Market)?.ToUpperInvariant();
            key = m switch
            {
                "US" => "rx-us",
                "IT" or "EU" => "rx-it",
                _ => "prescription-only",
            };
        }

        return input.Findings.Any(f => f.Category == Category && f.Details.TryGetValue(key, out var v) && string.Equals(v, Value, StringComparison.OrdinalIgnoreCase));
    }

    public override IEnumerable<string> ReferencedCategories() => [Category];
}
