using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Salus.Screening.Matching;

/// <summary>A match of pattern <see cref="Pattern"/> over normalised text [Start, End).</summary>
public readonly record struct AutomatonMatch(int Start, int End, int Pattern);

/// <summary>
/// Multi-pattern automaton over chars for all lexicons at once. Chars that occur in no pattern share class 0.
/// <para>
/// The screening scan (<see cref="FindAll"/> with word boundaries) only needs matches that start and end at a word
/// boundary, so it runs the automaton's goto function (the keyword trie) from each word start instead of carrying
/// fail links through every char. Before walking, the word's hash is looked up in a bit filter of the first words of
/// all patterns (a few hundred KB, so it stays in the core's cache): most words of ordinary text start no pattern and
/// cost one probe. The trie is laid out depth-first in one int array, so a walk down a long name reads consecutive
/// memory; nodes with many children carry a dense row. The previous layout (complete dense rows for six letters,
/// ≈ 20 MB) missed the cache on most steps once the detectors had run between two texts.
/// </para>
/// <para>
/// The complete Aho-Corasick automaton (fail and dictionary links) is built on demand for matches anywhere in a text
/// and as the reference of the differential tests.
/// </para>
/// </summary>
public sealed partial class AhoCorasick
{
    private const int DenseChildren = 6;   // nodes with more children get a dense row
    private const uint HashSeed = 2166136261;
    private const uint HashPrime = 16777619;

    private readonly IReadOnlyList<string> _patterns;
    private readonly ushort[] _classOf;      // char -> class
    private readonly int _classCount;
    private readonly int[] _lengths;         // pattern id -> length
    private readonly int[] _nodes;           // depth-first records: [output, child count or -1 for a dense row, edges...]
    private readonly ulong[] _firstWords;    // bit filter over the hashes of the patterns' first words
    private readonly int _filterShift;
    private FullAutomaton? _full;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = patterns;
        _classOf = new ushort[65536];
        int classes = 1;
        foreach (var p in patterns)
        {
            foreach (char c in p)
            {
                if (_classOf[c] == 0)
                {
                    _classOf[c] = (ushort)classes++;
                }
            }
        }

        _classCount = classes;
        _lengths = new int[patterns.Count];
        var trie = Trie.Build(patterns, _classOf, _lengths);
        StateCount = trie.Count;
        _nodes = LayOut(trie, classes);
        (_firstWords, _filterShift) = BuildFirstWordFilter(patterns);
    }

    public int StateCount { get; }

    public int ClassCount => _classCount;

    public long MemoryBytes => (_nodes.Length * 4L) + (_firstWords.Length * 8L) + (_classOf.Length * 2L) + (_lengths.Length * 4L);

    /// <summary>
    /// Finds every occurrence of every pattern, in order of end then start. With <paramref name="wordBoundaries"/>,
    /// a match must not be preceded or followed by a letter or digit.
    /// </summary>
    public void FindAll(ReadOnlySpan<char> text, List<AutomatonMatch> results, bool wordBoundaries = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!wordBoundaries)
        {
            Full.FindAll(text, results, wordBoundaries: false);
            return;
        }

        int first = results.Count;
        var classOf = _classOf;
        var nodes = _nodes;
        int i = 0;
        while (i < text.Length)
        {
            // i is a word boundary: the text's start or just after a char that is not part of a word
            char c = text[i];
            if (!IsWord(c))
            {
                // only patterns that begin with this char ("#ad") can start here: the root's dense row (offset 0) says
                if (nodes[2 + classOf[c]] >= 0)
                {
                    Walk(text, i, i, results, first);
                }

                i++;
                continue;
            }

            uint h = HashSeed;
            int j = i;
            do
            {
                h = (h ^ text[j]) * HashPrime;
                j++;
            }
            while (j < text.Length && IsWord(text[j]));

            if (MayStartPattern(h))
            {
                Walk(text, i, j, results, first);
            }

            i = j + 1; // text[j] follows a word char, so no match starts there
        }
    }

    /// <summary>
    /// Follows the trie from <paramref name="start"/>, reporting each pattern that ends at a word boundary. The first word,
    /// [start, <paramref name="wordEnd"/>), has no boundary inside it, so it is walked without looking for outputs.
    /// </summary>
    private void Walk(ReadOnlySpan<char> text, int start, int wordEnd, List<AutomatonMatch> results, int first)
    {
        var nodes = _nodes;
        var classOf = _classOf;
        int s = 0;
        for (int k = start; k < wordEnd; k++)
        {
            int c = classOf[text[k]];
            if (c == 0 || (s = Child(nodes, s, c)) < 0)
            {
                return;
            }
        }

        if (nodes[s] >= 0 && wordEnd > start)
        {
            Append(results, first, new AutomatonMatch(start, wordEnd, nodes[s])); // wordEnd is the text's end or a non-word char
        }

        if (nodes[s + 1] == 0)
        {
            return; // no longer pattern begins with this word
        }

        for (int k = wordEnd; k < text.Length;)
        {
            int c = classOf[text[k]];
            if (c == 0 || (s = Child(nodes, s, c)) < 0)
            {
                return;
            }

            k++;
            int output = nodes[s];
            if (output >= 0 && (k == text.Length || !IsWord(text[k])))
            {
                Append(results, first, new AutomatonMatch(start, k, output));
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="match"/> in the full automaton's order: by end, then by start (the longest of the matches that
    /// end together first). Walks report in start order, so only a longer multi-word match found before shorter ones that end
    /// earlier is out of place: it moves back past them (a few places at most, never before <paramref name="first"/>).
    /// </summary>
    private static void Append(List<AutomatonMatch> results, int first, AutomatonMatch match)
    {
        results.Add(match);
        var all = CollectionsMarshal.AsSpan(results);
        int i = all.Length - 1;
        while (i > first && (all[i - 1].End > match.End || (all[i - 1].End == match.End && all[i - 1].Start > match.Start)))
        {
            all[i] = all[i - 1];
            i--;
        }

        all[i] = match;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Child(int[] nodes, int s, int c)
    {
        int count = nodes[s + 1];
        if (count < 0)
        {
            return nodes[s + 2 + c];
        }

        for (int e = s + 2, end = e + (2 * count); e < end; e += 2)
        {
            if (nodes[e] == c)
            {
                return nodes[e + 1];
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartPattern(uint hash)
    {
        uint bit = (hash * 0x9E3779B1u) >> _filterShift;
        return (_firstWords[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    /// <summary>Counts the work of a word-boundary scan (chars hashed, trie steps, matches) for the linear-time tests.</summary>
    public long CountSteps(ReadOnlySpan<char> text)
    {
        long steps = 0;
        var list = new List<AutomatonMatch>();
        int i = 0;
        while (i < text.Length)
        {
            int j = i;
            while (j < text.Length && IsWord(text[j]))
            {
                j++;
            }

            steps += Math.Max(1, j - i);
            int s = 0;
            for (int k = i; k < text.Length && _classOf[text[k]] != 0 && (s = Child(_nodes, s, _classOf[text[k]])) >= 0; k++)
            {
                steps++;
            }

            list.Clear();
            Walk(text, i, j, list, 0);
            steps += list.Count;
            i = j == i ? i + 1 : j + 1;
        }

        return steps;
    }

    /// <summary>Test reference: the same scan by the complete automaton, which carries fail links through every char.</summary>
    internal void FindAllWithFailLinks(ReadOnlySpan<char> text, List<AutomatonMatch> results, bool wordBoundaries) =>
        Full.FindAll(text, results, wordBoundaries);

    private FullAutomaton Full => LazyInitializer.EnsureInitialized(ref _full, () =>
    {
        var lengths = new int[_patterns.Count];
        return new FullAutomaton(Trie.Build(_patterns, _classOf, lengths), _classOf, _classCount, lengths);
    });

    private static readonly bool[] AsciiWord = BuildAsciiWord();

    private static bool[] BuildAsciiWord()
    {
        var table = new bool[128];
        for (char c = '\0'; c < 128; c++)
        {
            table[c] = Normalization.TextNormalizer.IsWordChar(c);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWord(char c) => c < 128 ? AsciiWord[c] : Normalization.TextNormalizer.IsWordChar(c);

    /// <summary>Depth-first records: [output, child count, (class, child)...] or [output, -1, child per class] (dense).</summary>
    private static int[] LayOut(Trie trie, int classes)
    {
        int states = trie.Count;
        var offset = new int[states];
        var order = new int[states];
        var stack = new Stack<int>();
        stack.Push(0);
        int n = 0, size = 0;
        while (stack.Count > 0)
        {
            int s = stack.Pop();
            order[n++] = s;
            offset[s] = size;
            int children = trie.ChildCount[s];
            size += 2 + (s == 0 || children > DenseChildren ? classes : 2 * children);

            // the last child pushed is laid out right after its parent
            for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
            {
                stack.Push(t);
            }
        }

        var nodes = new int[size];
        foreach (int s in order)
        {
            int o = offset[s];
            int children = trie.ChildCount[s];
            nodes[o] = trie.Output[s];
            if (s == 0 || children > DenseChildren)
            {
                nodes[o + 1] = -1;
                nodes.AsSpan(o + 2, classes).Fill(-1);
                for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                {
                    nodes[o + 2 + trie.EdgeClass[t]] = offset[t];
                }
            }
            else
            {
                nodes[o + 1] = children;
                int e = o + 2;
                for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                {
                    nodes[e++] = trie.EdgeClass[t];
                    nodes[e++] = offset[t];
                }
            }
        }

        return nodes;
    }

    /// <summary>A bit per hash of each pattern's first word (its leading word chars, up to the first other char).</summary>
    private static (ulong[] Bits, int Shift) BuildFirstWordFilter(IReadOnlyList<string> patterns)
    {
        // about 16 bits per distinct first word: a false positive (a walk that finds nothing) on ~6% of other words
        int bits = 1 << 12;
        while (bits < patterns.Count * 16 && bits < (1 << 22))
        {
            bits <<= 1;
        }

        var filter = new ulong[bits >> 6];
        int shift = 32 - System.Numerics.BitOperations.Log2((uint)bits);
        foreach (var p in patterns)
        {
            if (p.Length == 0 || !IsWord(p[0]))
            {
                continue; // patterns that begin with another char are found through the root's row
            }

            uint h = HashSeed;
            for (int k = 0; k < p.Length && IsWord(p[k]); k++)
            {
                h = (h ^ p[k]) * HashPrime;
            }

            uint bit = (h * 0x9E3779B1u) >> shift;
            filter[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        return (filter, shift);
    }
}
