using System.Reflection;
using NetArchTest.Rules;

namespace Salus.ArchitectureTests;

/// <summary>
/// The rules, written once against a root namespace so they can be checked on the product (<c>Salus</c>) and on
/// deliberately broken code planted in this test assembly (<c>Planted</c>), proving each rule can fail.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>A module uses another module only through that module's <c>Contracts</c> namespace.</summary>
    public static IReadOnlyList<string> ModulesTalkOnlyThroughContracts(Assembly assembly, string root)
    {
        var modulesPrefix = $"{root}.Modules.";
        var types = assembly.GetTypes().Where(t => t.Namespace?.StartsWith(modulesPrefix, StringComparison.Ordinal) == true).ToList();
        var modules = types.Select(t => t.Namespace![modulesPrefix.Length..].Split('.')[0]).Distinct().ToList();
        var violations = new List<string>();
        foreach (var from in modules)
        {
            foreach (var to in modules.Where(m => m != from))
            {
                var internals = types
                    .Where(t => t.Namespace!.StartsWith($"{modulesPrefix}{to}", StringComparison.Ordinal)
                        && !t.Namespace.StartsWith($"{modulesPrefix}{to}.Contracts", StringComparison.Ordinal))
                    .Select(t => t.FullName!.Split('`')[0]).ToArray();
                if (internals.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(assembly).That().ResideInNamespace($"{modulesPrefix}{from}")
                    .ShouldNot().HaveDependencyOnAny(internals).GetResult();
                violations.AddRange((result.FailingTypeNames ?? []).Select(n => $"{n} uses internals of module {to}"));
            }
        }

        return violations;
    }

    /// <summary>The platform knows no module, except the composition root that lists them.</summary>
    public static IReadOnlyList<string> PlatformDoesNotDependOnModules(Assembly assembly, string root)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace($"{root}.Platform")
            .And().DoNotResideInNamespace($"{root}.Platform.Hosting")
            .ShouldNot().HaveDependencyOn($"{root}.Modules").GetResult();
        return [.. (result.FailingTypeNames ?? []).Select(n => $"{n} depends on a module")];
    }

    /// <summary>Domain code (entities and their rules) is free of ASP.NET Core and HTTP.</summary>
    public static IReadOnlyList<string> DomainIsFreeOfAspNetCore(Assembly assembly, string root)
    {
        var domainTypes = assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith($"{root}.Modules.", StringComparison.Ordinal) && ns.Contains(".Domain", StringComparison.Ordinal))
            .Select(t => t.Namespace!).Distinct().ToList();
        var violations = new List<string>();
        foreach (var ns in domainTypes)
        {
            var result = Types.InAssembly(assembly).That().ResideInNamespace(ns)
                .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "System.Net.Http").GetResult();
            violations.AddRange((result.FailingTypeNames ?? []).Select(n => $"{n} depends on ASP.NET Core or HTTP"));
        }

        return violations;
    }

    /// <summary>The screening engine is a pure library: no web, no database, no application code.</summary>
    public static IReadOnlyList<string> EngineIsPure(Assembly assembly, string engineNamespace)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(engineNamespace)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Salus.Platform", "Salus.Modules", "System.Net.Http")
            .GetResult();
        return [.. (result.FailingTypeNames ?? []).Select(n => $"{n} is not pure")];
    }
}
