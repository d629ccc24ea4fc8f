using System.Globalization;
using System.Net;
using System.Text;
using Salus.Modules.Policies.Features.Review;
using Salus.Modules.Policies.Text;

namespace Salus.Modules.Policies.Features.Export;

/// <summary>A self-contained printable HTML document of a version with its signatures (name, UTC time, meaning, status).</summary>
public static class PolicyExport
{
    public static string Html(VersionView v)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(E(v.Market == "IT" ? "it" : "en")).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(v.PolicyTitle)).Append(" — ").Append(E(v.Label)).Append("</title><link rel=\"stylesheet\" href=\"/_content/Salus.App/css/policy-print.css\"></head><body>");
        sb.Append("<h1>").Append(E(v.PolicyTitle)).Append("</h1><p class=\"meta\">")
            .Append(E(v.Label)).Append(" · ").Append(E(v.Status)).Append(" · ").Append(E(v.Market));
        if (v.PublishedUtc is { } published)
        {
            sb.Append(" · published ").Append(published.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        sb.Append("<br>SHA-256 ").Append(E(v.ContentHash)).Append("</p>");
        foreach (var s in v.Sections)
        {
            sb.Append("<section><h2>").Append(E(s.Number)).Append(". ").Append(E(s.Title)).Append("</h2>")
                .Append(PolicyMarkdown.ToHtml(s.Body)).Append("</section>");
        }

        sb.Append("<h2>Signatures</h2><table><thead><tr><th>Name</th><th>Function</th><th>Signed (UTC)</th><th>Meaning</th><th>Comment</th><th>Matches this text</th></tr></thead><tbody>");
        foreach (var sig in v.Signatures)
        {
            sb.Append("<tr><td>").Append(E(sig.PrintedName)).Append("</td><td>").Append(E(sig.Function)).Append("</td><td>")
                .Append(sig.SignedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(sig.Meaning))
                .Append("</td><td>").Append(E(sig.Comment)).Append("</td><td>")
                .Append(sig.Matches ? "yes" : sig.Status == "no-longer-matches" ? "no longer matches" : "TAMPERED").Append("</td></tr>");
        }

        sb.Append("</tbody></table></body></html>");
        return sb.ToString();
    }
}
