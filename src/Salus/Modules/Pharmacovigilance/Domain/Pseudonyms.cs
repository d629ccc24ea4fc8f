using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>
/// Reporter pseudonyms and the redaction of social handles in texts that leave Salus (E2B, CIOMS) or that remain
/// after an erasure request.
/// </summary>
public static partial class Pseudonyms
{
    /// <summary>A random pseudonym such as <c>RPT-7F3A2C9B</c>, assigned once per case.</summary>
    public static string NewReporterPseudonym() => "RPT-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    /// <summary>Replaces the reporter's handle and name with the pseudonym and masks every other @mention.</summary>
    public static string Redact(string text, string pseudonym, params string?[] identifiers)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var id in identifiers.Where(i => !string.IsNullOrWhiteSpace(i) && i!.Trim().Length >= 3).OrderByDescending(i => i!.Length))
        {
            var bare = id!.Trim().TrimStart('@');
            result = Regex.Replace(result, "@?" + Regex.Escape(bare), pseudonym, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return Mention().Replace(result, "@***");
    }

    [GeneratedRegex(@"@[\p{L}\p{N}_.]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
