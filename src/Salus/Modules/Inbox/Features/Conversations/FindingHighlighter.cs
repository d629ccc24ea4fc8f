using System.Net;
using System.Text;
using Salus.Modules.Inbox.Features.Ingest;

namespace Salus.Modules.Inbox.Features.Conversations;

/// <summary>
/// Renders an item's text as HTML with its findings marked. Every piece of the text is HTML-encoded; offsets are UTF-16
/// indexes into the text, clamped, moved off the middle of surrogate pairs, and overlapping findings merge into one mark.
/// </summary>
public static class FindingHighlighter
{
    public static string Render(string text, IReadOnlyList<StoredFinding> findings)
    {
        var spans = Spans(text, findings);
        var html = new StringBuilder(text.Length + (spans.Count * 64));
        var position = 0;
        foreach (var (start, end, categories) in spans)
        {
            html.Append(WebUtility.HtmlEncode(text[position..start]));
            var label = string.Join(", ", categories);
            html.Append("<mark class=\"finding ").Append(WebUtility.HtmlEncode(categories[0])).Append("\" title=\"").Append(WebUtility.HtmlEncode(label))
                .Append("\" data-categories=\"").Append(WebUtility.HtmlEncode(label)).Append("\">")
                .Append(WebUtility.HtmlEncode(text[start..end])).Append("<span class=\"visually-hidden\"> (").Append(WebUtility.HtmlEncode(label)).Append(")</span></mark>");
            position = end;
        }

        html.Append(WebUtility.HtmlEncode(text[position..]));
        return html.ToString();
    }

    /// <summary>Non-overlapping spans in order, each with the categories of the findings merged into it (most severe first).</summary>
    public static List<(int Start, int End, List<string> Categories)> Spans(string text, IReadOnlyList<StoredFinding> findings)
    {
        var spans = new List<(int Start, int End, List<string> Categories)>();
        foreach (var f in findings.Select(f => (Start: Snap(text, f.Start), End: Snap(text, f.End), f.Category)).Where(f => f.Start < f.End).OrderBy(f => f.Start).ThenByDescending(f => f.End))
        {
            if (spans.Count > 0 && f.Start < spans[^1].End)
            {
                var last = spans[^1];
                if (!last.Categories.Contains(f.Category))
                {
                    last.Categories.Add(f.Category);
                }

                spans[^1] = (last.Start, Math.Max(last.End, f.End), last.Categories);
            }
            else
            {
                spans.Add((f.Start, f.End, [f.Category]));
            }
        }

        foreach (var span in spans)
        {
            span.Categories.Sort((a, b) => Severity(a).CompareTo(Severity(b)));
        }

        return spans;
    }

    private static int Severity(string category) => category switch
    {
        "crisis" => 0,
        "adverse-event" => 1,
        "personal-data" => 2,
        "medical-inquiry" => 3,
        _ => 4,
    };

    private static int Snap(string text, int offset)
    {
        var clamped = Math.Clamp(offset, 0, text.Length);
        return clamped > 0 && clamped < text.Length && char.IsLowSurrogate(text[clamped]) && char.IsHighSurrogate(text[clamped - 1]) ? clamped - 1 : clamped;
    }
}
