using System.Text;
using Salus.Platform.Signatures;

namespace Salus.Modules.Policies.Domain;

/// <summary>The canonical text of a version that signatures are bound to, and per-section hashes.</summary>
public static class PolicyContent
{
    public const string RecordType = "policy-version";

    public static string Canonical(Policy policy, PolicyVersion version)
    {
        var sb = new StringBuilder();
        sb.Append("policy\u001f").Append(policy.Id.ToString("N")).Append('\u001f').Append(policy.Code).Append('\u001f')
            .Append(policy.Market).Append("\u001eversion\u001f").Append(version.Number).Append('\u001e');
        foreach (var s in version.Sections.OrderBy(s => s.Order))
        {
            sb.Append(SectionCanonical(s)).Append('\u001e');
        }

        return sb.ToString();
    }

    public static string Hash(Policy policy, PolicyVersion version) => SignatureHashing.HashRecord(Canonical(policy, version));

    public static string SectionHash(PolicySection section) => SignatureHashing.HashRecord(SectionCanonical(section));

    private static string SectionCanonical(PolicySection s) =>
        string.Join('\u001f', "section", s.Key, s.Title, s.Body.ReplaceLineEndings("\n"), s.QuizJson ?? "");
}
