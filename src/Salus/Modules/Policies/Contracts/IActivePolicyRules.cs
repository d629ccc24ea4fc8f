using Salus.Screening.Rules;

namespace Salus.Modules.Policies.Contracts;

/// <summary>The compiled rules of the policy version published for a market, swapped atomically at publication.</summary>
public interface IActivePolicyRules
{
    /// <summary>The rule set in force for <paramref name="market"/> (IT, US, EU...), or null when no policy is published.</summary>
    RuleSet? ForMarket(string? market);
}
