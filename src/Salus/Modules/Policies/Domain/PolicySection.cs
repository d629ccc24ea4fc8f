namespace Salus.Modules.Policies.Domain;

/// <summary>A section of a version, in Markdown; may hold ```rules blocks and quiz questions.</summary>
public sealed class PolicySection
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>Stable across versions ("products"), so changes are compared and re-acknowledged per section.</summary>
    public string Key { get; set; } = "";

    public int Order { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>Quiz questions as JSON (<see cref="QuizQuestion"/> array), or null.</summary>
    public string? QuizJson { get; set; }

    /// <summary>The clause number cited by rules in this section ("5" for the fifth section).</summary>
    public string Number => (Order + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<QuizQuestion> Quiz => QuizQuestion.Parse(QuizJson);
}
