using Salus.Modules.Policies.Contracts;
using Salus.Modules.Screening.Contracts;
using Salus.Screening;

namespace Salus.Modules.Screening;

internal sealed class PolicyScreener(Screener screener, IEnumerable<IActivePolicyRules> policies) : IPolicyScreener
{
    private readonly IActivePolicyRules? _policy = policies.LastOrDefault();

    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = request.RuleSet ?? _policy?.ForMarket(request.Market);
        return screener.Screen(rules is null ? request : request with { RuleSet = rules });
    }
}
