using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Text;

namespace Salus.Modules.Policies.Features;

public sealed record SectionDiff(string Key, string Title, string Change, IReadOnlyList<DiffPiece> Pieces);

/// <summary>Word-level comparison of two versions, section by section (matched by key).</summary>
public static class PolicyDiff
{
    public static List<SectionDiff> Compare(PolicyVersion before, PolicyVersion after)
    {
        var result = new List<SectionDiff>();
        foreach (var s in after.Sections.OrderBy(s => s.Order))
        {
            var old = before.Sections.FirstOrDefault(o => o.Key == s.Key);
            if (old is null)
            {
                result.Add(new SectionDiff(s.Key, s.Title, "added", [new DiffPiece(DiffKind.Added, s.Body)]));
                continue;
            }

            var pieces = WordDiff.Compare(old.Title + "\n\n" + old.Body, s.Title + "\n\n" + s.Body);
            result.Add(new SectionDiff(s.Key, s.Title, WordDiff.HasChanges(pieces) ? "changed" : "same", pieces));
        }

        foreach (var old in before.Sections.Where(o => after.Sections.All(s => s.Key != o.Key)))
        {
            result.Add(new SectionDiff(old.Key, old.Title, "removed", [new DiffPiece(DiffKind.Removed, old.Body)]));
        }

        return result;
    }
}
