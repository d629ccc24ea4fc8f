using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Rules;

namespace Salus.Tests.Modules.Policies;

public sealed class RuleDocsTests
{
    [Fact]
    public void Every_example_in_the_rule_language_documentation_compiles()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Salus.slnx")))
        {
            folder = folder.Parent;
        }

        var markdown = File.ReadAllText(Path.Combine(folder!.FullName, "docs", "policy-rules.md"));
        var section = new PolicySection { Key = "docs", Title = "docs/policy-rules.md", Order = 0, Body = markdown };
        var compiled = PolicyRuleCompiler.Compile("docs", "docs/v1", [section]);
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Errors));
        Assert.True(compiled.Rules.Count >= 6);
    }
}
