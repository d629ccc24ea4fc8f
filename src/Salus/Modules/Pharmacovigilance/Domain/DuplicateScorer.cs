using System.Globalization;
using System.Text;

namespace Salus.Modules.Pharmacovigilance.Domain;

/// <summary>What duplicate detection compares: who reported, which products (names and ingredients), which reactions.</summary>
public sealed record DuplicateProfile(
    Guid CaseId, string? ReporterPlatformId, string? ReporterHandle, string? ReporterDisplayName,
    IReadOnlyCollection<string> ProductKeys, IReadOnlyCollection<string> ReactionKeys, DateTime ReceivedUtc);

public sealed record DuplicateScore(double Score, string Reason);

/// <summary>
/// Scores how likely two cases are the same event: the same person (platform id, handle or display name, across
/// channels), the same product (name or active ingredient) and the same reaction (engine term or words). Weights
/// 0.4 / 0.3 / 0.3; a suggestion needs at least <see cref="Threshold"/>, i.e. two of the three.
/// </summary>
public static class DuplicateScorer
{
    public const double Threshold = 0.6;

    public static DuplicateScore Score(DuplicateProfile a, DuplicateProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var reasons = new List<string>();
        double score = 0;
        var person = SamePerson(a, b);
        if (person is not null)
        {
            score += 0.4;
            reasons.Add(person);
        }

        var product = a.ProductKeys.Intersect(b.ProductKeys, StringComparer.Ordinal).FirstOrDefault();
        if (product is not null)
        {
            score += 0.3;
            reasons.Add($"same product ({product})");
        }

        var reaction = a.ReactionKeys.Intersect(b.ReactionKeys, StringComparer.Ordinal).FirstOrDefault();
        if (reaction is not null)
        {
            score += 0.3;
            reasons.Add($"same reaction ({reaction})");
        }

        var days = Math.Abs((a.ReceivedUtc - b.ReceivedUtc).TotalDays);
        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{days:0} days apart"));
        return new DuplicateScore(Math.Round(score, 2), string.Join("; ", reasons));
    }

    private static string? SamePerson(DuplicateProfile a, DuplicateProfile b)
    {
        if (Same(a.ReporterPlatformId, b.ReporterPlatformId))
        {
            return "same reporter account";
        }

        if (Same(Key(a.ReporterHandle), Key(b.ReporterHandle)))
        {
            return "same reporter handle";
        }

        return Same(Key(a.ReporterDisplayName), Key(b.ReporterDisplayName)) ? "same reporter name" : null;
    }

    private static bool Same(string? x, string? y) => !string.IsNullOrEmpty(x) && string.Equals(x, y, StringComparison.Ordinal);

    /// <summary>Lower case, no accents, letters and digits only: "@Mario.Rossi" and "mario_rossi" meet.</summary>
    public static string? Key(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
