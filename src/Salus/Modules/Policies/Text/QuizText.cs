using System.Text;
using Salus.Modules.Policies.Domain;

namespace Salus.Modules.Policies.Text;

/// <summary>
/// The quiz of a section as plain text for the editor: <c>? question</c> starts a question, <c>+ option</c> is the
/// right option, <c>- option</c> a wrong one.
/// </summary>
public static class QuizText
{
    public static string Format(IReadOnlyList<QuizQuestion> quiz)
    {
        var sb = new StringBuilder();
        foreach (var q in quiz)
        {
            sb.Append("? ").Append(q.Question).Append('\n');
            for (var i = 0; i < q.Options.Count; i++)
            {
                sb.Append(i == q.Answer ? "+ " : "- ").Append(q.Options[i]).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>The questions, or an error naming the line.</summary>
    public static (IReadOnlyList<QuizQuestion> Quiz, string? Error) Parse(string? text)
    {
        var quiz = new List<QuizQuestion>();
        string? question = null;
        var options = new List<string>();
        var answer = -1;
        var lineNo = 0;

        string? Flush()
        {
            if (question is null)
            {
                return null;
            }

            if (options.Count < 2 || answer < 0)
            {
                return $"The question \"{question}\" needs at least two options, one of them marked right with '+'.";
            }

            quiz.Add(new QuizQuestion(question, [.. options], answer));
            (question, options, answer) = (null, [], -1);
            return null;
        }

        foreach (var raw in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var body = line.Length > 1 ? line[1..].Trim() : "";
            switch (line[0])
            {
                case '?':
                    if (Flush() is { } error)
                    {
                        return ([], error);
                    }

                    question = body;
                    break;
                case '+' or '-' when question is not null && body.Length > 0:
                    if (line[0] == '+')
                    {
                        if (answer >= 0)
                        {
                            return ([], $"Line {lineNo}: only one option per question is right.");
                        }

                        answer = options.Count;
                    }

                    options.Add(body);
                    break;
                default:
                    return ([], $"Line {lineNo}: start a question with '?', a right option with '+', a wrong one with '-'.");
            }
        }

        return Flush() is { } last ? ([], last) : (quiz, null);
    }
}
