namespace Salus.Screening.Rules;

/// <summary>One policy rule: when <see cref="Condition"/> holds, <see cref="Action"/> applies and the rule is cited.</summary>
public sealed record Rule(string Id, string ClauseRef, string PolicyVersion, Condition Condition, Decision Action, string Message)
{
    /// <summary>Disclosure text to add (e.g. "#employee").</summary>
    public string? AddDisclosure { get; init; }

    /// <summary>Queue to route to ("pharmacovigilance", "medical-information", "urgent"...).</summary>
    public string? RouteTo { get; init; }

    /// <summary>Deadline for handling, in hours.</summary>
    public int? DeadlineHours { get; init; }

    /// <summary>Open a case (e.g. a PV case) in the receiving module.</summary>
    public bool OpenCase { get; init; }
}

/// <summary>The outcome of evaluating a rule set.</summary>
public sealed record RuleEvaluation(Decision Decision, IReadOnlyList<RuleReason> Reasons, IReadOnlyList<Rule> Fired);

/// <summary>An ordered list of rules. Every rule whose condition holds fires and is cited; the most severe decision wins.</summary>
public sealed class RuleSet
{
    public RuleSet(string name, string policyVersion, IEnumerable<Rule> rules)
    {
        Name = name;
        PolicyVersion = policyVersion;
        Rules = [.. rules];
    }

    public string Name { get; }

    public string PolicyVersion { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public RuleEvaluation Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = Decision.Allow;
        var reasons = new List<RuleReason>();
        var fired = new List<Rule>();
        foreach (var rule in Rules)
        {
            if (!rule.Condition.Evaluate(input))
            {
                continue;
            }

            fired.Add(rule);
            reasons.Add(new RuleReason(rule.Id, rule.ClauseRef, rule.PolicyVersion, rule.Action, rule.Message, rule.AddDisclosure, rule.RouteTo, rule.DeadlineHours, rule.OpenCase));
            if (rule.Action > decision)
            {
                decision = rule.Action;
            }
        }

        return new RuleEvaluation(decision, reasons, fired);
    }
}
