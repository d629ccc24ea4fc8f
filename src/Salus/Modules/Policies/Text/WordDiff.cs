using System.Text.RegularExpressions;

namespace Salus.Modules.Policies.Text;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// Word-level diff: longest common subsequence over words (whitespace kept with the word before it), after
/// trimming the common head and tail. Very long changed middles fall back to one removal plus one addition.
/// </summary>
public static partial class WordDiff
{
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        var a = Words(before ?? "");
        var b = Words(after ?? "");
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var pieces = new List<DiffPiece>();
        Add(pieces, DiffKind.Same, a.Take(head));
        var midA = a.Skip(head).Take(a.Count - head - tail).ToList();
        var midB = b.Skip(head).Take(b.Count - head - tail).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            Add(pieces, DiffKind.Removed, midA);
            Add(pieces, DiffKind.Added, midB);
        }
        else
        {
            Lcs(midA, midB, pieces);
        }

        Add(pieces, DiffKind.Same, a.Skip(a.Count - tail));
        return pieces;
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);

    private static void Lcs(List<string> a, List<string> b, List<DiffPiece> pieces)
    {
        // lengths[i, j] = LCS length of a[i..] and b[j..]
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                Add(pieces, DiffKind.Same, [a[x++]]);
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                Add(pieces, DiffKind.Removed, [a[x++]]);
            }
            else
            {
                Add(pieces, DiffKind.Added, [b[y++]]);
            }
        }

        Add(pieces, DiffKind.Removed, a.Skip(x));
        Add(pieces, DiffKind.Added, b.Skip(y));
    }

    /// <summary>Appends words, merging with the previous piece of the same kind.</summary>
    private static void Add(List<DiffPiece> pieces, DiffKind kind, IEnumerable<string> words)
    {
        var text = string.Concat(words);
        if (text.Length == 0)
        {
            return;
        }

        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    private static List<string> Words(string text) => [.. WordPattern().Matches(text.ReplaceLineEndings("\n")).Select(m => m.Value)];

    [GeneratedRegex(@"\s*\S+\s*|\s+")]
    private static partial Regex WordPattern();
}
