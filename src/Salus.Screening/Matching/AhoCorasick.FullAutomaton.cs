namespace Salus.Screening.Matching;

public sealed partial class AhoCorasick
{
    /// <summary>
    /// The complete Aho-Corasick automaton (goto, fail and dictionary links), built on demand: it finds matches anywhere in a
    /// text (not only between word boundaries) and serves as the reference the word-start scan is tested against.
    /// <para>
    /// Layout: the states of the first <see cref="DenseDepth"/> letters have complete dense rows, one int per char class.
    /// Deeper states are compact records in one int array: their fail link, their trie edges and their id. A mismatch in a
    /// deep state follows fail links, which always lead to shallower states (amortised: at most one fail step per char).
    /// A state is referenced by its position: below <c>_denseLimit</c> it is a row offset into <c>_dense</c>, above it an
    /// offset into <c>_sparse</c> (plus <c>_denseLimit</c>). A target stored as its bitwise complement has an output.
    /// </para>
    /// </summary>
    private sealed class FullAutomaton
    {
        private const int DenseDepth = 6;

        private readonly ushort[] _classOf;
        private readonly int _classCount;
        private readonly int _denseLimit;
        private readonly int[] _dense;
        private readonly int[] _sparse;
        private readonly int[] _output;
        private readonly int[] _dictLink;
        private readonly int[] _lengths;

        public FullAutomaton(Trie trie, ushort[] classOf, int classes, int[] lengths)
        {
            _classOf = classOf;
            _classCount = classes;
            _lengths = lengths;
            int k = classes;
            int states = trie.Count;

            // 1. breadth-first order: shallow states first
            var bfs = new int[states];
            var depth = new int[states];
            int tail = 1;
            for (int head = 0; head < tail; head++)
            {
                int s = bfs[head];
                for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                {
                    depth[t] = depth[s] + 1;
                    bfs[tail++] = t;
                }
            }

            int dense = 0;
            while (dense < states && depth[bfs[dense]] <= DenseDepth)
            {
                dense++;
            }

            // 2. fail links, dictionary links and the dense rows (old ids), in breadth-first order
            var denseRow = new int[states];   // old id -> row index, -1 for deep states
            Array.Fill(denseRow, -1);
            for (int i = 0; i < dense; i++)
            {
                denseRow[bfs[i]] = i;
            }

            var rows = new int[dense * k];    // old target ids
            var fail = new int[states];
            var dictLink = new int[states];
            Array.Fill(dictLink, -1);
            var output = trie.Output;

            int Delta(int f, int c)
            {
                while (true)
                {
                    if (denseRow[f] >= 0)
                    {
                        return rows[(denseRow[f] * k) + c];
                    }

                    for (int t = trie.FirstChild[f]; t >= 0; t = trie.NextSibling[t])
                    {
                        if (trie.EdgeClass[t] == c)
                        {
                            return t;
                        }
                    }

                    f = fail[f];
                }
            }

            for (int i = 0; i < states; i++)
            {
                int s = bfs[i];
                if (s != 0)
                {
                    int f = fail[s];
                    dictLink[s] = output[f] >= 0 ? f : dictLink[f];
                }

                if (denseRow[s] >= 0)
                {
                    var row = rows.AsSpan(denseRow[s] * k, k);
                    if (s == 0)
                    {
                        row.Clear(); // the root's missing edges lead to itself
                    }
                    else
                    {
                        rows.AsSpan(denseRow[fail[s]] * k, k).CopyTo(row);
                    }

                    for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                    {
                        row[trie.EdgeClass[t]] = t;
                    }
                }

                for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                {
                    fail[t] = s == 0 ? 0 : Delta(fail[s], trie.EdgeClass[t]);
                }
            }

            // 3. renumber (breadth-first ids) and lay out
            var newId = new int[states];
            for (int i = 0; i < states; i++)
            {
                newId[bfs[i]] = i;
            }

            _denseLimit = dense * k;
            var reference = new int[states];  // old id -> reference
            int sparseLength = 0;
            for (int i = 0; i < states; i++)
            {
                int s = bfs[i];
                if (i < dense)
                {
                    reference[s] = i * k;
                }
                else
                {
                    reference[s] = _denseLimit + sparseLength;
                    sparseLength += 3 + (2 * trie.ChildCount[s]);
                }
            }

            _output = new int[states];
            _dictLink = new int[states];
            var hasOut = new bool[states];
            for (int s = 0; s < states; s++)
            {
                _output[newId[s]] = output[s];
                _dictLink[newId[s]] = dictLink[s] >= 0 ? newId[dictLink[s]] : -1;
                hasOut[s] = output[s] >= 0 || dictLink[s] >= 0;
            }

            int Target(int old) => hasOut[old] ? ~reference[old] : reference[old];

            _dense = new int[_denseLimit];
            for (int i = 0; i < dense; i++)
            {
                var from = rows.AsSpan(i * k, k);
                var to = _dense.AsSpan(i * k, k);
                for (int c = 0; c < k; c++)
                {
                    to[c] = Target(from[c]);
                }
            }

            _sparse = new int[sparseLength];
            for (int i = dense; i < states; i++)
            {
                int s = bfs[i];
                int o = reference[s] - _denseLimit;
                _sparse[o] = reference[fail[s]];
                _sparse[o + 1] = trie.ChildCount[s];
                _sparse[o + 2] = i;
                int e = o + 3;
                for (int t = trie.FirstChild[s]; t >= 0; t = trie.NextSibling[t])
                {
                    _sparse[e++] = trie.EdgeClass[t];
                    _sparse[e++] = Target(t);
                }
            }
        }

        /// <summary>
        /// Finds every occurrence of every pattern. With <paramref name="wordBoundaries"/>, a match must not
        /// be preceded or followed by a letter or digit.
        /// </summary>
        public void FindAll(ReadOnlySpan<char> text, List<AutomatonMatch> results, bool wordBoundaries)
        {
            ArgumentNullException.ThrowIfNull(results);
            if (!wordBoundaries)
            {
                FindAllAnywhere(text, results);
                return;
            }

            // A match must end before a char that is not part of a word, so outputs are looked at only there: the
            // loop itself just steps (the output flag is stripped without a branch and remembered for the next word end).
            var classOf = _classOf;
            var dense = _dense;
            var sparse = _sparse;
            int denseLimit = _denseLimit;
            int s = 0, flag = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                if (flag != 0 && !IsWord(ch))
                {
                    Report(text, IdOf(s), i, results, wordBoundaries: true);
                }

                int c = classOf[ch];
                if (c == 0)
                {
                    s = 0; // a char in no pattern: back to the root, nothing ends here
                    flag = 0;
                    continue;
                }

                int t = s < denseLimit ? dense[s + c] : Step(dense, sparse, denseLimit, s, c);
                flag = t >> 31;
                s = t ^ flag;
            }

            if (flag != 0)
            {
                Report(text, IdOf(s), text.Length, results, wordBoundaries: true);
            }
        }

        private void FindAllAnywhere(ReadOnlySpan<char> text, List<AutomatonMatch> results)
        {
            int s = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = _classOf[text[i]];
                int t = c == 0 ? 0 : Step(_dense, _sparse, _denseLimit, s, c);
                s = t >= 0 ? t : ~t;
                if (t < 0)
                {
                    Report(text, IdOf(s), i + 1, results, wordBoundaries: false);
                }
            }
        }

        /// <summary>Counts the steps taken (transitions and fail links followed, plus matches) for the linear-time tests.</summary>
        public long CountSteps(ReadOnlySpan<char> text)
        {
            long steps = 0;
            int s = 0;
            var list = new List<AutomatonMatch>();
            for (int i = 0; i < text.Length; i++)
            {
                int c = _classOf[text[i]];
                steps++;
                if (c == 0)
                {
                    s = 0;
                    continue;
                }

                while (s >= _denseLimit && !HasEdge(s - _denseLimit, c))
                {
                    s = _sparse[s - _denseLimit];
                    steps++;
                }

                int t = Step(_dense, _sparse, _denseLimit, s, c);
                s = t >= 0 ? t : ~t;
                if (t < 0)
                {
                    list.Clear();
                    Report(text, IdOf(s), i + 1, list, wordBoundaries: false);
                    steps += list.Count;
                }
            }

            return steps;
        }

        private bool HasEdge(int o, int c)
        {
            int e = o + 3, end = e + (2 * _sparse[o + 1]);
            for (; e < end; e += 2)
            {
                if (_sparse[e] == c)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The target of state reference <paramref name="s"/> on class <paramref name="c"/>, following fail links.</summary>
        private static int Step(int[] dense, int[] sparse, int denseLimit, int s, int c)
        {
            while (s >= denseLimit)
            {
                int o = s - denseLimit;
                int e = o + 3, end = e + (2 * sparse[o + 1]);
                for (; e < end; e += 2)
                {
                    if (sparse[e] == c)
                    {
                        return sparse[e + 1];
                    }
                }

                s = sparse[o]; // fail link: a shallower state
            }

            return dense[s + c];
        }

        private int IdOf(int reference) => reference < _denseLimit ? reference / _classCount : _sparse[reference - _denseLimit + 2];

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
}
