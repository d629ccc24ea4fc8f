using Salus.Screening;

namespace Salus.Modules.Screening.Contracts;

/// <summary>
/// Screens a text under the policy published for its market (the engine's default rules when none is), so every
/// module's decision cites the clause and version in force at that moment.
/// </summary>
public interface IPolicyScreener
{
    ScreeningResult Screen(ScreeningRequest request);
}
