using System.Reflection;

namespace Salus.ArchitectureTests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Product = typeof(Salus.Platform.Persistence.SalusDbContext).Assembly;
    private static readonly Assembly Planted = typeof(ArchitectureTests).Assembly;

    [Fact]
    public void Modules_talk_to_each_other_only_through_contracts() =>
        Assert.Empty(ArchitectureRules.ModulesTalkOnlyThroughContracts(Product, "Salus"));

    [Fact]
    public void The_contracts_rule_catches_a_module_using_another_modules_internals()
    {
        var violations = ArchitectureRules.ModulesTalkOnlyThroughContracts(Planted, "Planted");
        Assert.Contains(violations, v => v.Contains("AlphaHandler", StringComparison.Ordinal) && v.Contains("Beta", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Contracts", StringComparison.Ordinal));
    }

    [Fact]
    public void The_platform_does_not_depend_on_modules() =>
        Assert.Empty(ArchitectureRules.PlatformDoesNotDependOnModules(Product, "Salus"));

    [Fact]
    public void The_platform_rule_catches_a_platform_type_using_a_module() =>
        Assert.Contains(ArchitectureRules.PlatformDoesNotDependOnModules(Planted, "Planted"), v => v.Contains("PlatformThing", StringComparison.Ordinal));

    [Fact]
    public void Domain_code_is_free_of_aspnetcore() =>
        Assert.Empty(ArchitectureRules.DomainIsFreeOfAspNetCore(Product, "Salus"));

    [Fact]
    public void The_domain_rule_catches_an_entity_that_knows_http() =>
        Assert.Contains(ArchitectureRules.DomainIsFreeOfAspNetCore(Planted, "Planted"), v => v.Contains("AlphaEntity", StringComparison.Ordinal));

    [Fact]
    public void The_screening_engine_is_a_pure_library() =>
        Assert.Empty(ArchitectureRules.EngineIsPure(typeof(Salus.Screening.Screener).Assembly, "Salus.Screening"));

    [Fact]
    public void The_purity_rule_catches_an_engine_type_using_the_database() =>
        Assert.Contains(ArchitectureRules.EngineIsPure(Planted, "Planted.Engine"), v => v.Contains("ImpureDetector", StringComparison.Ordinal));
}
