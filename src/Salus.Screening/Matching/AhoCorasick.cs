namespace Salus.Screening.Matching;

/// <summary>A match of pattern <see cref="Pattern"/> over normalised text [Start, End).</summary>
public readonly record struct AutomatonMatch(int Start, int End, int Pattern);

/// <summary>
/// Aho-Corasick automaton over chars compiled to a dense DFA: one int per (state, char class).
/// Chars that occur in no pattern share class 0, which always leads back to the root.
/// Transitions are stored as row offsets (state * classCount); a negative entry (bitwise complement)
/// marks a target state that has an output, so the hot loop does one load, one add and one sign test per char.
/// </summary>
public sealed class AhoCorasick
{
    private readonly ushort[] _classOf;      // char -> class
    private readonly int _classCount;
    private readonly int[] _delta;           // row offset of next state, ~offset when it has output
    private readonly int[] _output;          // state -> pattern id ending here or -1
    private readonly int[] _dictLink;        // state -> next state on the fail chain with output, or -1
    private readonly int[] _lengths;         // pattern id -> length

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
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
        int k = classes;
        _lengths = new int[patterns.Count];

        // 1. trie, stored densely from the start (-1 = missing)
        int estimate = 1;
        foreach (var p in patterns)
        {
            estimate += p.Length;
        }

        var delta = new int[Math.Max(k, Math.Min(estimate, 1 << 22) * k / 2 + k)];
        Array.Fill(delta, -1, 0, k);
        var output = new List<int>(estimate / 2) { -1 };
        int states = 1;
        for (int pi = 0; pi < patterns.Count; pi++)
        {
            var p = patterns[pi];
            _lengths[pi] = p.Length;
            if (p.Length == 0)
            {
                continue;
            }

            int s = 0;
            foreach (char c in p)
            {
                int idx = s * k + _classOf[c];
                int t = delta[idx];
                if (t < 0)
                {
                    t = states++;
                    if ((long)states * k > delta.Length)
                    {
                        Array.Resize(ref delta, (int)Math.Min((long)delta.Length * 2, int.MaxValue / 2));
                    }

                    Array.Fill(delta, -1, t * k, k);
                    delta[idx] = t;
                    output.Add(-1);
                }

                s = t;
            }

            if (output[s] < 0)
            {
                output[s] = pi;
            }
        }

        var outputs = output.ToArray();
        var fail = new int[states];
        var dictLink = new int[states];
        Array.Fill(dictLink, -1);

        // 2. BFS: fail links, dictionary links, complete the transition function
        var queue = new int[states];
        int head = 0, tail = 0;
        for (int a = 0; a < k; a++)
        {
            int t = delta[a];
            if (t < 0)
            {
                delta[a] = 0;
            }
            else
            {
                fail[t] = 0;
                queue[tail++] = t;
            }
        }

        while (head < tail)
        {
            int s = queue[head++];
            int f = fail[s];
            dictLink[s] = outputs[f] >= 0 ? f : dictLink[f];
            int row = s * k, frow = f * k;
            for (int a = 0; a < k; a++)
            {
                int t = delta[row + a];
                if (t < 0)
                {
                    delta[row + a] = delta[frow + a];
                }
                else
                {
                    fail[t] = delta[frow + a];
                    queue[tail++] = t;
                }
            }
        }

        // 3. renumber the states in breadth-first order (the root, then every state by depth) and encode: the rows a
        //    scan visits most — the first letters of words — end up side by side at the start of the table instead of
        //    scattered over 60 MB, so they share cache lines and pages. Each entry is the target's row offset,
        //    complemented when the target has an output.
        var newId = new int[states];
        var order = new int[states];
        for (int i = 0; i < tail; i++)
        {
            newId[queue[i]] = i + 1;
            order[i + 1] = queue[i];
        }

        var hasOut = new bool[states];
        _output = new int[states];
        _dictLink = new int[states];
        for (int n = 0; n < states; n++)
        {
            int old = order[n];
            _output[n] = outputs[old];
            _dictLink[n] = dictLink[old] >= 0 ? newId[dictLink[old]] : -1;
            hasOut[n] = _output[n] >= 0 || _dictLink[n] >= 0;
        }

        _delta = HugePages.AllocateInts(states * k);
        for (int n = 0; n < states; n++)
        {
            var from = delta.AsSpan(order[n] * k, k);
            var to = _delta.AsSpan(n * k, k);
            for (int a = 0; a < k; a++)
            {
                int t = newId[from[a]];
                to[a] = hasOut[t] ? ~(t * k) : t * k;
            }
        }

        StateCount = states;
    }

    public int StateCount { get; }

    public int ClassCount => _classCount;

    public long MemoryBytes => (long)_delta.Length * 4 + _output.Length * 8L + _classOf.Length * 2L;

    /// <summary>
    /// Finds every occurrence of every pattern. With <paramref name="wordBoundaries"/>, a match must not
    /// be preceded or followed by a letter or digit.
    /// </summary>
    public void FindAll(ReadOnlySpan<char> text, List<AutomatonMatch> results, bool wordBoundaries = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        var delta = _delta;
        var classOf = _classOf;
        int k = _classCount;
        int s = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int t = delta[s + classOf[text[i]]];
            if (t >= 0)
            {
                s = t;
                continue;
            }

            s = ~t;
            Report(text, s / k, i + 1, results, wordBoundaries);
        }
    }

    /// <summary>Counts the steps taken (one per char) for the linear-time tests.</summary>
    public long CountSteps(ReadOnlySpan<char> text)
    {
        var list = new List<AutomatonMatch>();
        FindAll(text, list, wordBoundaries: false);
        return text.Length + list.Count;
    }

    private void Report(ReadOnlySpan<char> text, int state, int end, List<AutomatonMatch> results, bool wordBoundaries)
    {
        bool endOk = !wordBoundaries || end >= text.Length || !Normalization.TextNormalizer.IsWordChar(text[end]);
        if (!endOk)
        {
            return;
        }

        for (int st = _output[state] >= 0 ? state : _dictLink[state]; st >= 0; st = _dictLink[st])
        {
            int p = _output[st];
            int start = end - _lengths[p];
            if (wordBoundaries && start > 0 && Normalization.TextNormalizer.IsWordChar(text[start - 1]))
            {
                continue;
            }

            results.Add(new AutomatonMatch(start, end, p));
        }
    }
}
