using System.Text.Json;

namespace Salus.Modules.Policies.Domain;

/// <summary>A multiple-choice question on a section; <see cref="Answer"/> is the index of the right option.</summary>
public sealed record QuizQuestion(string Question, IReadOnlyList<string> Options, int Answer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<QuizQuestion> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<QuizQuestion>>(json, Json) ?? [];

    public static string? Serialize(IReadOnlyList<QuizQuestion>? quiz) =>
        quiz is null || quiz.Count == 0 ? null : JsonSerializer.Serialize(quiz, Json);

    public static string? Validate(IReadOnlyList<QuizQuestion>? quiz)
    {
        foreach (var q in quiz ?? [])
        {
            if (string.IsNullOrWhiteSpace(q.Question) || q.Options is not { Count: >= 2 } || q.Answer < 0 || q.Answer >= q.Options.Count)
            {
                return "Each quiz question needs a text, at least two options and the index of the right one.";
            }
        }

        return null;
    }
}
