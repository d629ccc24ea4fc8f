using System.Globalization;
using System.Text;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Screening.Classification;

/// <summary>
/// Word n-grams (1–3) learned from the PsyTAR train spans: those mostly inside ADR/WD spans ("xadr") and those
/// mostly inside disease-symptom spans DI/SSI ("xsym"). Used as tags and counts by <see cref="AeFeatures"/>.
/// Built from the train split only; shipped next to the model (ae-spans.txt).
/// </summary>
public sealed class SpanVocabulary
{
    private readonly AhoCorasick _automaton;
    private readonly string[] _tags;

    private SpanVocabulary(IReadOnlyList<(string Term, string Tag)> entries)
    {
        Entries = entries;
        _automaton = new AhoCorasick([.. entries.Select(e => e.Term)]);
        _tags = [.. entries.Select(e => e.Tag)];
    }

    public IReadOnlyList<(string Term, string Tag)> Entries { get; }

    public void Find(ReadOnlySpan<char> normalized, List<(int Pos, string Tag)> output)
    {
        var list = new List<AutomatonMatch>();
        _automaton.FindAll(normalized, list);
        foreach (var m in list)
        {
            output.Add((m.Start, _tags[m.Pattern]));
        }
    }

    /// <summary>Learns the vocabulary from a CoNLL file (token TAB B-/I-ADR|WD|DI|SSI|O, blank line between sentences).</summary>
    public static SpanVocabulary Learn(string conllPath, int minCount = 3)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal); // [adr/wd, di/ssi, outside]
        var tokens = new List<(string Tok, int Cls)>();

        void Flush()
        {
            for (int n = 1; n <= 3; n++)
            {
                for (int i = 0; i + n <= tokens.Count; i++)
                {
                    int cls = tokens[i].Cls;
                    bool same = true;
                    for (int k = 1; k < n; k++)
                    {
                        same &= tokens[i + k].Cls == cls;
                    }

                    if (!same)
                    {
                        continue;
                    }

                    var term = TextNormalizer.NormalizeTerm(string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Tok)));
                    if (term.Length < 3)
                    {
                        continue;
                    }

                    if (!counts.TryGetValue(term, out var c))
                    {
                        c = new int[3];
                        counts[term] = c;
                    }

                    c[cls]++;
                }
            }

            tokens.Clear();
        }

        foreach (var line in File.ReadLines(conllPath))
        {
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            var f = line.Split('\t');
            string tag = f.Length > 1 ? f[1].Trim() : "O";
            int cls = tag.EndsWith("ADR", StringComparison.Ordinal) || tag.EndsWith("WD", StringComparison.Ordinal) ? 0
                : tag.EndsWith("DI", StringComparison.Ordinal) || tag.EndsWith("SSI", StringComparison.Ordinal) ? 1 : 2;
            tokens.Add((f[0], cls));
        }

        Flush();
        var entries = new List<(string, string)>();
        foreach (var (term, c) in counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            int total = c[0] + c[1] + c[2];
            if (c[0] >= minCount && c[0] >= 0.6 * total)
            {
                entries.Add((term, "xadr"));
            }
            else if (c[1] >= minCount && c[1] >= 0.5 * total)
            {
                entries.Add((term, "xsym"));
            }
        }

        return new SpanVocabulary(entries);
    }

    public void Save(string path) =>
        File.WriteAllText(path, "# n-grams learned from PsyTAR train spans (CC BY 4.0, Zolnoori et al. 2019): term TAB tag\n" +
            string.Concat(Entries.Select(e => $"{e.Term}\t{e.Tag}\n")), new UTF8Encoding(false));

    public static SpanVocabulary Load(Stream stream)
    {
        using var r = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<(string, string)>();
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length == 2)
            {
                entries.Add((f[0], f[1]));
            }
        }

        return new SpanVocabulary(entries);
    }

    public override string ToString() => Entries.Count.ToString(CultureInfo.InvariantCulture) + " span n-grams";
}
