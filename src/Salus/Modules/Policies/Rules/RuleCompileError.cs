namespace Salus.Modules.Policies.Rules;

/// <summary>A rule that does not compile: where (section, line and column inside the section's Markdown) and why.</summary>
public sealed record RuleCompileError(string SectionKey, string SectionTitle, int Line, int Column, string Message)
{
    public override string ToString() => $"section '{SectionTitle}' ({SectionKey}), line {Line}, column {Column}: {Message}";
}
