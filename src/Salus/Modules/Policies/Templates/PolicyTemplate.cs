using Salus.Modules.Policies.Domain;
using Salus.Platform.Identity;

namespace Salus.Modules.Policies.Templates;

/// <summary>A section of a built-in template, in English and Italian.</summary>
public sealed record TemplateSection(string Key, string TitleEn, string TitleIt, string BodyEn, string BodyIt,
    IReadOnlyList<QuizQuestion>? QuizEn = null, IReadOnlyList<QuizQuestion>? QuizIt = null)
{
    public string Title(string language) => language == "it" ? TitleIt : TitleEn;

    public string Body(string language) => (language == "it" ? BodyIt : BodyEn).ReplaceLineEndings("\n").Trim() + "\n";

    public IReadOnlyList<QuizQuestion>? Quiz(string language) => language == "it" ? QuizIt : QuizEn;
}

/// <summary>A built-in starting point written for one kind of organisation and market.</summary>
public sealed record PolicyTemplate(string Id, string Market, string DefaultLanguage, string TitleEn, string TitleIt, string DescriptionEn,
    IReadOnlyList<StakeholderFunction> RequiredSignOffs, IReadOnlyList<TemplateSection> Sections)
{
    public string Title(string language) => language == "it" ? TitleIt : TitleEn;
}

public static class PolicyTemplates
{
    public static IReadOnlyList<PolicyTemplate> All { get; } = [ItalianPharmaTemplate.Template, UsHospitalTemplate.Template, EuHealthcareTemplate.Template];

    public static PolicyTemplate? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
