using System.IO.Compression;
using System.Runtime.CompilerServices;
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
    private readonly int _maxLength;

    public FuzzyDrugIndex(IEnumerable<DrugEntry> drugs, IEnumerable<string> plainWords)
    {
        ArgumentNullException.ThrowIfNull(drugs);
        var keys = new ulong[64]; // reused for every name's deletion keys
        foreach (var d in drugs)
        {
            if (!Eligible(d))
            {
                continue;
            }

            var surface = d.Surface.AsSpan();
            _maxLength = Math.Max(_maxLength, surface.Length);
            if (keys.Length < surface.Length + 1)
            {
                keys = new ulong[surface.Length + 1];
            }

            var own = keys.AsSpan(0, surface.Length + 1);
            DeleteHashes(surface, own);
            foreach (ulong key in own)
            {
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
        if (token.Length < MinLength || token.Length > _maxLength + 1 || token.ContainsAnyExceptInRange('a', 'z'))
        {
            return null;
        }

        // the same few hundred words come back in every text ("because", "started", "feeling"): remember the answers
        var cache = t_recent is { } c && ReferenceEquals(c.Index, this) ? c : (t_recent = new RecentWords(this));
        int slot = RecentWords.Slot(token);
        if (cache.Words[slot] is { } word && token.SequenceEqual(word))
        {
            return cache.Answers[slot];
        }

        var found = Search(token);
        cache.Words[slot] = token.ToString();
        cache.Answers[slot] = found;
        return found;
    }

    [ThreadStatic]
    private static RecentWords? t_recent;

    /// <summary>A per-thread, direct-mapped memo of recent look-ups of one index (a pure function of the word).</summary>
    private sealed class RecentWords(FuzzyDrugIndex index)
    {
        private const int Bits = 12;

        public FuzzyDrugIndex Index { get; } = index;

        public string?[] Words { get; } = new string?[1 << Bits];

        public DrugEntry?[] Answers { get; } = new DrugEntry?[1 << Bits];

        public static int Slot(ReadOnlySpan<char> word)
        {
            uint h = 2166136261;
            foreach (char ch in word)
            {
                h = (h ^ ch) * 16777619;
            }

            return (int)((h ^ (h >> 15)) & ((1 << Bits) - 1));
        }
    }

    /// <summary>The look-up itself, without the memo (token already checked for length and letters).</summary>
    internal DrugEntry? Search(ReadOnlySpan<char> token)
    {

        Span<ulong> keys = stackalloc ulong[token.Length + 1];
        DeleteHashes(token, keys);
        DrugEntry? found = null;
        bool plainChecked = false;
        foreach (ulong key in keys)
        {
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

    // A blocked filter: two bits per key, both in the same 64-bit word (one cache line read per probe). One bit per key
    // let about one word in two through to the dictionary; two bits cut those needless lookups several times over.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetFilter(ulong key)
    {
        var (word, mask) = FilterSlot(key);
        _filter[word] |= mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InFilter(ulong key)
    {
        var (word, mask) = FilterSlot(key);
        return (_filter[word] & mask) == mask;
    }

    // the high bits of a multiplicative remix of the hash choose the word, two middle 6-bit fields the bits in it
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Word, ulong Mask) FilterSlot(ulong key)
    {
        ulong mixed = key * 0x9E3779B97F4A7C15UL;
        int word = (int)(mixed >> (64 - FilterBits + 6));
        return (word, (1UL << (int)((mixed >> 20) & 63)) | (1UL << (int)((mixed >> 26) & 63)));
    }

    /// <summary>
    /// The hash of <paramref name="s"/> (keys[0]) and of <paramref name="s"/> without char i (keys[i + 1]), all in linear
    /// time: a polynomial hash lets the prefix before i and the suffix after it be joined without rehashing. Collisions
    /// only add candidates, which the edit-distance check then rejects.
    /// </summary>
    private static void DeleteHashes(ReadOnlySpan<char> s, Span<ulong> keys)
    {
        const ulong Base = 0x100000001B3UL;
        int n = s.Length;
        Span<ulong> power = n <= 64 ? stackalloc ulong[n + 1] : new ulong[n + 1];
        power[0] = 1;
        for (int i = 1; i <= n; i++)
        {
            power[i] = power[i - 1] * Base;
        }

        // suffix[i] = Σ_{j≥i} s[j]·B^(n-1-j), kept in keys[i] for now (keys has n + 1 slots; keys[n] = 0)
        ulong suffix = 0;
        keys[n] = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            suffix += s[i] * power[n - 1 - i];
            keys[i] = suffix;
        }

        ulong full = keys[0];
        ulong prefix = 0; // Σ_{j<i} s[j]·B^(i-1-j)
        for (int i = 0; i < n; i++)
        {
            ulong withoutI = (prefix * power[n - 1 - i]) + keys[i + 1];
            keys[i] = Finish(withoutI, n - 1); // keys[i] (the suffix) is no longer needed once read above
            prefix = (prefix * Base) + s[i];
        }

        // shift: keys[1..n] = without 0..n-1, keys[0] = the whole string
        for (int i = n; i > 0; i--)
        {
            keys[i] = keys[i - 1];
        }

        keys[0] = Finish(full, n);
    }

    // length mixed in, then a 64-bit finaliser so every bit of the key depends on every char
    private static ulong Finish(ulong h, int length)
    {
        h ^= (ulong)length * 0x9E3779B97F4A7C15UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
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
