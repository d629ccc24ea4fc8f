using System.Globalization;
using System.Net;
using System.Text;

namespace Salus.Modules.Inbox.Features.Metrics;

/// <summary>Server-rendered, accessible SVG bar charts (no script); every label is encoded.</summary>
public static class SvgCharts
{
    public static string HorizontalBars(string title, IReadOnlyList<Bar> bars, double? max = null, string unit = "")
    {
        const int RowHeight = 26;
        const int LabelWidth = 160;
        const int BarWidth = 360;
        var height = Math.Max(1, bars.Count) * RowHeight + 10;
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {LabelWidth + BarWidth + 80} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        if (bars.Count == 0)
        {
            svg.Append("<text x=\"0\" y=\"18\" class=\"chart-empty\">—</text>");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight + 5;
            var width = top <= 0 ? 0 : Math.Max(0, bar.Value / top * BarWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"chart-label\">{Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{RowHeight - 8}\" class=\"chart-bar\"><title>{Encode(bar.Label)}: {Encode(bar.Display + unit)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:0.#}\" y=\"{y + 15}\" class=\"chart-value\">{Encode(bar.Display + unit)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
