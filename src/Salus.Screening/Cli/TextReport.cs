using System.Globalization;
using System.Text;

namespace Salus.Screening.Cli;

/// <summary>The human-readable report of <c>salus screen --format text</c>: spans marked as ⟦text⟧{category}.</summary>
public static class TextReport
{
    public static string Format(string? rawId, long lineNumber, ScreeningRequest request, ScreeningResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("── ").Append(rawId ?? ("line " + lineNumber.ToString(CultureInfo.InvariantCulture)))
          .Append("  ").Append(JsonlScreening.DecisionName(result.Decision).ToUpperInvariant())
          .Append("  [").Append(string.Join(", ", result.Categories)).Append("]  lang=").Append(result.Language).Append('\n');
        sb.Append("   ").Append(Mark(request.Text, result.Findings).Replace("\n", "\n   ", StringComparison.Ordinal)).Append('\n');
        foreach (var f in result.Findings)
        {
            sb.Append("   • ").Append(f.Category).Append(' ').Append(f.Start).Append("..").Append(f.End)
              .Append(" \"").Append(f.Text).Append('"');
            if (f.Code is not null)
            {
                sb.Append(" code=").Append(f.Code);
            }

            sb.Append(" score=").Append(f.Score.ToString("0.00", CultureInfo.InvariantCulture));
            foreach (var (k, v) in f.Details)
            {
                sb.Append(' ').Append(k).Append('=').Append(v);
            }

            sb.Append('\n');
        }

        foreach (var r in result.Reasons)
        {
            sb.Append("   → ").Append(JsonlScreening.DecisionName(r.Decision)).Append(" by ").Append(r.RuleId)
              .Append(" (clause ").Append(r.ClauseRef).Append(" @ ").Append(r.PolicyVersion).Append("): ").Append(r.Message).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Marks non-overlapping finding spans in the text.</summary>
    public static string Mark(string text, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var spans = findings.Where(f => f.End > f.Start).OrderBy(f => f.Start).ThenByDescending(f => f.End).ToList();
        var sb = new StringBuilder(text.Length + spans.Count * 16);
        int pos = 0;
        foreach (var f in spans)
        {
            if (f.Start < pos)
            {
                continue;
            }

            sb.Append(text, pos, f.Start - pos).Append('⟦').Append(text, f.Start, f.End - f.Start).Append("⟧{").Append(f.Category).Append('}');
            pos = f.End;
        }

        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
