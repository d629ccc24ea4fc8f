namespace Salus.Screening.Matching;

public sealed partial class AhoCorasick
{
    /// <summary>The keyword trie, built from the patterns in sorted order so that no child lookup is needed.</summary>
    private sealed class Trie
    {
        public int Count;
        public int[] FirstChild = new int[1024];
        public int[] NextSibling = new int[1024];
        public int[] EdgeClass = new int[1024];
        public int[] ChildCount = new int[1024];
        public int[] Output = new int[1024];

        public static Trie Build(IReadOnlyList<string> patterns, ushort[] classOf, int[] lengths)
        {
            var order = new int[patterns.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
                lengths[i] = patterns[i].Length;
            }

            // ordinal order, then index: equal patterns keep the first one's id (the lexicon's patterns come sorted and
            // distinct, which one linear check confirms without sorting again)
            if (!StrictlyAscending(patterns))
            {
                Array.Sort(order, (a, b) =>
                {
                    int cmp = string.CompareOrdinal(patterns[a], patterns[b]);
                    return cmp != 0 ? cmp : a.CompareTo(b);
                });
            }

            var trie = new Trie();
            trie.NewState(-1, 0);
            var path = new int[1 + patterns.Select(p => p.Length).DefaultIfEmpty(0).Max()];
            string previous = "";
            foreach (int pi in order)
            {
                var p = patterns[pi];
                if (p.Length == 0)
                {
                    continue;
                }

                // sorted: the pattern shares a prefix with the previous one, and every later char is a new state
                int lcp = p.AsSpan().CommonPrefixLength(previous);
                int s = path[lcp];
                for (int j = lcp; j < p.Length; j++)
                {
                    s = trie.NewState(s, classOf[p[j]]);
                    path[j + 1] = s;
                }

                if (trie.Output[s] < 0)
                {
                    trie.Output[s] = pi;
                }

                previous = p;
            }

            return trie;
        }

        private static bool StrictlyAscending(IReadOnlyList<string> patterns)
        {
            for (int i = 1; i < patterns.Count; i++)
            {
                if (string.CompareOrdinal(patterns[i - 1], patterns[i]) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        private int NewState(int parent, int edgeClass)
        {
            if (Count == FirstChild.Length)
            {
                int size = Count * 2;
                Array.Resize(ref FirstChild, size);
                Array.Resize(ref NextSibling, size);
                Array.Resize(ref EdgeClass, size);
                Array.Resize(ref ChildCount, size);
                Array.Resize(ref Output, size);
            }

            int s = Count++;
            FirstChild[s] = -1;
            NextSibling[s] = -1;
            EdgeClass[s] = edgeClass;
            ChildCount[s] = 0;
            Output[s] = -1;
            if (parent >= 0)
            {
                NextSibling[s] = FirstChild[parent];
                FirstChild[parent] = s;
                ChildCount[parent]++;
            }

            return s;
        }
    }
}
