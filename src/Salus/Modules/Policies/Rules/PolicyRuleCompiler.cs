using System.Globalization;
using Salus.Modules.Policies.Domain;
using Salus.Screening.Rules;

namespace Salus.Modules.Policies.Rules;

/// <summary>A rule of a version with the section it was written in (for the test bench and the docs).</summary>
public sealed record CompiledRule(Rule Rule, string SectionKey, string SectionTitle, int Line);

/// <summary>The result of compiling every ```rules block of a version: the rule set, or the errors that block publication.</summary>
public sealed record PolicyCompilation(RuleSet RuleSet, IReadOnlyList<CompiledRule> Rules, IReadOnlyList<RuleCompileError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Finds the fenced <c>```rules</c> blocks in the sections of a version and compiles them into one <see cref="RuleSet"/>.</summary>
public static class PolicyRuleCompiler
{
    public static PolicyCompilation Compile(string policyCode, string versionLabel, IEnumerable<PolicySection> sections)
    {
        var errors = new List<RuleCompileError>();
        var compiled = new List<CompiledRule>();
        var ids = new Dictionary<string, (string Section, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            var index = 0;
            var blocks = RuleBlocks(section.Body, out var blockError);
            foreach (var block in blocks)
            {
                var raw = new List<(int Line, int Column, string Message)>();
                var tokens = RuleLexer.Tokenize(block, raw);
                var parsed = RuleParser.Parse(tokens, raw);
                errors.AddRange(raw.Select(e => new RuleCompileError(section.Key, section.Title, e.Line, e.Column, e.Message)));
                foreach (var p in parsed)
                {
                    index++;
                    if (ids.TryGetValue(p.Id, out var first))
                    {
                        errors.Add(new RuleCompileError(section.Key, section.Title, p.Line, p.Column,
                            $"The rule name '{p.Id}' is already used in section '{first.Section}' line {first.Line}; rule names are unique in a policy."));
                        continue;
                    }

                    ids[p.Id] = (section.Title, p.Line);
                    var clause = p.Clause ?? string.Create(CultureInfo.InvariantCulture, $"{section.Number}.{index}");
                    var rule = new Rule(p.Id, clause, versionLabel, p.Condition, p.Action, p.Message)
                    {
                        RouteTo = p.RouteTo, DeadlineHours = p.DeadlineHours, AddDisclosure = p.Disclosure, OpenCase = p.OpenCase,
                    };
                    compiled.Add(new CompiledRule(rule, section.Key, section.Title, p.Line));
                }
            }

            if (blockError is { } unclosed)
            {
                errors.Add(new RuleCompileError(section.Key, section.Title, unclosed, 1, "This ```rules block is never closed with ```."));
            }
        }

        return new PolicyCompilation(new RuleSet(policyCode, versionLabel, compiled.Select(c => c.Rule)), compiled, errors);
    }

    /// <summary>The lines (1-based numbers in the section body) of each fenced rules block.</summary>
    internal static List<List<(int Line, string Text)>> RuleBlocks(string markdown, out int? unclosedAt)
    {
        var blocks = new List<List<(int, string)>>();
        List<(int, string)>? current = null;
        unclosedAt = null;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (current is null)
            {
                if (trimmed.StartsWith("```", StringComparison.Ordinal) && trimmed[3..].Trim().Equals("rules", StringComparison.OrdinalIgnoreCase))
                {
                    current = [];
                    unclosedAt = i + 1;
                }
            }
            else if (trimmed == "```")
            {
                blocks.Add(current);
                current = null;
                unclosedAt = null;
            }
            else
            {
                current.Add((i + 1, lines[i]));
            }
        }

        if (current is not null)
        {
            blocks.Add(current);
        }

        return blocks;
    }
}
