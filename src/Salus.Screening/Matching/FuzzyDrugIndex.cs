using System.IO.Compression;
using System.Text;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Matching;

/// <summary>
/// The misspelling fallback: a word of the text that no lexicon matched, is at least <see cref="MinLength"/> letters,
/// and is not a plain English/Italian word, is looked up in a symmetric-delete index of the single-word drug names
/// (≥ 6 letters; a handful of hash lookups per word) and verified: Damerau-Levenshtein distance ≤ 1 (one substitution, insertion, deletion or adjacent
/// transposition) names the drug ("Zolfot" → Zoloft). Plain words that ARE one edit from a drug name ("regular" vs a
/// brand "Regulan") are listed in <c>Generated/fuzzy-plainwords.txt.gz</c> (generated from wamerican/witalian by
/// <see cref="GeneratePlainWords"/>), so they never match.
/// </summary>
public sealed class FuzzyDrugIndex
{
    public const int MinLength = 6;
    public const string PlainWordsResource = "Generated/fuzzy-plainwords.txt.gz";

    // symmetric-delete index: the hash of every name and of every name with one char deleted -> candidate names.
    // Two strings within one edit (substitution, insertion, deletion, adjacent transposition) share such a key.
    private readonly Dictionary<ulong, List<DrugEntry>> _byDeleteHash = [];

    // A one-bit-per-key filter in front of the index (512 KB, stays in cache): nearly every word of a text has no
    // key in the index, and the filter answers that without touching the large dictionary.
    private const int FilterBits = 22;
    private readonly ulong[] _filter = new ulong[(1 << FilterBits) / 64];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _plain;

    public FuzzyDrugIndex(IEnumerable<DrugEntry> drugs, IEnumerable<string> plainWords)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        foreach (var d in drugs)
        {
            if (!Eligible(d))
            {
                continue;
            }

            var surface = d.Surface.AsSpan();
            for (int skip = -1; skip < surface.Length; skip++)
            {
                ulong key = HashWithout(surface, skip);
                SetFilter(key);
                if (!_byDeleteHash.TryGetValue(key, out var list))
                {
                    list = new List<DrugEntry>(1);
                    _byDeleteHash[key] = list;
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], d))
                {
                    list.Add(d);
                }
            }
        }

        var plain = new HashSet<string>(plainWords, StringComparer.Ordinal);
        _plain = plain.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Single words of letters only, long enough, not ordinary words themselves.</summary>
    public static bool Eligible(DrugEntry d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = d.Surface;
        if (d.Ambiguous || s.Length < MinLength)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The drug one edit away from <paramref name="token"/> (normalised), or null (none, or several products).</summary>
    public DrugEntry? Find(ReadOnlySpan<char> token)
    {
        if (token.Length < MinLength || token.ContainsAnyExceptInRange('a', 'z'))
        {
            return null;
        }

        DrugEntry? found = null;
        bool plainChecked = false;
        for (int skip = -1; skip < token.Length; skip++)
        {
            ulong key = HashWithout(token, skip);
            if (!InFilter(key) || !_byDeleteHash.TryGetValue(key, out var list))
            {
                continue;
            }

            if (!plainChecked)
            {
                // an ordinary word one edit from a drug name is never that drug (checked once a candidate exists)
                if (_plain.Contains(token))
                {
                    return null;
                }

                plainChecked = true;
            }

            foreach (var d in list)
            {
                if (WithinOneEdit(token, d.Surface))
                {
                    if (found is not null && !string.Equals(found.Product, d.Product, StringComparison.OrdinalIgnoreCase))
                    {
                        return null; // two different products are one edit away: do not guess
                    }

                    found ??= d;
                }
            }
        }

        return found;
    }

    private void SetFilter(ulong key)
    {
        uint bit = FilterIndex(key);
        _filter[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private bool InFilter(ulong key)
    {
        uint bit = FilterIndex(key);
        return (_filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    // the high bits of a multiplicative remix of the FNV hash (its low bits are the weakest)
    private static uint FilterIndex(ulong key) => (uint)((key * 0x9E3779B97F4A7C15UL) >> (64 - FilterBits));

    /// <summary>64-bit FNV-1a of <paramref name="s"/> without the char at <paramref name="skip"/> (-1 = none).</summary>
    private static ulong HashWithout(ReadOnlySpan<char> s, int skip)
    {
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < s.Length; i++)
        {
            if (i != skip)
            {
                h = (h ^ s[i]) * 1099511628211UL;
            }
        }

        return h ^ (ulong)(s.Length - (skip >= 0 ? 1 : 0));
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance ≤ 1, in linear time.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int diff = a.Length - b.Length;
        if (diff is > 1 or < -1)
        {
            return false;
        }

        int i = a.CommonPrefixLength(b);
        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (diff == 0)
        {
            return a[(i + 1)..].SequenceEqual(b[(i + 1)..])
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
        }

        return diff > 0 ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }

    /// <summary>Loads the shipped plain-word exceptions.</summary>
    public static IEnumerable<string> LoadPlainWords(Stream? gz)
    {
        if (gz is null)
        {
            yield break;
        }

        using var z = new GZipStream(gz, CompressionMode.Decompress);
        using var r = new StreamReader(z, Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Writes the dictionary words (normalised, ≥ <see cref="MinLength"/> letters) that are one edit from an eligible
    /// drug name and are not drug names themselves: the words the fallback must never turn into a drug.
    /// </summary>
    public static int GeneratePlainWords(IReadOnlyList<DrugEntry> drugs, IEnumerable<string> dictionaryFiles, string outPath)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        var names = drugs.Select(d => d.Surface).ToHashSet(StringComparer.Ordinal);
        var index = new FuzzyDrugIndex(drugs, []);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in dictionaryFiles)
        {
            foreach (var raw in File.ReadLines(file))
            {
                var w = Normalization.TextNormalizer.NormalizeTerm(raw);
                if (w.Length >= MinLength && !names.Contains(w) && index.Find(w) is not null)
                {
                    words.Add(w);
                }
            }
        }

        using var gz = new GZipStream(File.Create(outPath), CompressionLevel.SmallestSize);
        using var wr = new StreamWriter(gz, new UTF8Encoding(false));
        wr.Write("# words one edit away from a drug name (wamerican + witalian); generated by FuzzyDrugIndex.GeneratePlainWords\n");
        foreach (var w in words)
        {
            wr.Write(w);
            wr.Write('\n');
        }

        return words.Count;
    }

}
