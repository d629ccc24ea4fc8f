namespace Salus.Screening.Classification;

/// <summary>
/// Ensemble members that turn a sentence into the same buckets (they differ in weights, naive-Bayes ratios or lexicon
/// features), scored in one pass over those buckets from one table holding each bucket's weights and ratios side by
/// side, only for the buckets training gave a value (about a third). The separate per-member arrays cost a cache miss per
/// member and array on every bucket; this costs about one, in a table a third the size.
/// Sums run in the same order as <see cref="LinearMember"/>'s, so the scores are bit for bit the same.
/// </summary>
internal sealed class SharedBucketGroup
{
    [ThreadStatic]
    private static float[]? t_gathered;

    [ThreadStatic]
    private static int[]? t_offsets;

    private readonly LinearMember[] _members;
    private readonly int[] _ensembleIndex;
    private readonly int[] _offset;
    private readonly bool[] _hasRatio;
    private readonly float[] _defaults;
    private readonly ulong[] _live;
    private readonly int[] _rank;
    private readonly float[] _table;
    private readonly int _stride;

    private SharedBucketGroup(FeatureOptions options, LinearMember[] members, int[] ensembleIndex)
    {
        Options = options;
        _members = members;
        _ensembleIndex = ensembleIndex;
        _offset = new int[members.Length];
        _hasRatio = new bool[members.Length];
        _defaults = new float[members.Length];
        for (int k = 0; k < members.Length; k++)
        {
            _offset[k] = _stride;
            _hasRatio[k] = members[k].Ratios is not null;
            _defaults[k] = members[k].Ratios is { } r ? Majority(r) : 0;
            _stride += _hasRatio[k] ? 2 : 1;
        }

        // a bucket is live when some member has a weight there or a ratio other than its usual one; the others all read
        // (weight 0, usual ratio), so only live buckets need a place in the table
        int buckets = 1 << options.Bits;
        _live = new ulong[(buckets + 63) / 64];
        int live = 0;
        for (int i = 0; i < buckets; i++)
        {
            if (IsLive(i))
            {
                _live[i >> 6] |= 1UL << (i & 63);
                live++;
            }
        }

        _rank = new int[_live.Length];
        for (int w = 1; w < _live.Length; w++)
        {
            _rank[w] = _rank[w - 1] + System.Numerics.BitOperations.PopCount(_live[w - 1]);
        }

        // entry 0: what every bucket without a value reads (weight 0, the usual ratio); live buckets follow in order
        _table = new float[(live + 1) * _stride];
        for (int k = 0; k < members.Length; k++)
        {
            if (_hasRatio[k])
            {
                _table[_offset[k] + 1] = _defaults[k];
            }
        }

        for (int i = 0, at = _stride; i < buckets; i++)
        {
            if ((_live[i >> 6] & (1UL << (i & 63))) == 0)
            {
                continue;
            }

            for (int k = 0; k < members.Length; k++)
            {
                _table[at + _offset[k]] = members[k].Weights[i];
                if (members[k].Ratios is { } r)
                {
                    _table[at + _offset[k] + 1] = r[i];
                }
            }

            at += _stride;
        }
    }

    private bool IsLive(int bucket)
    {
        for (int k = 0; k < _members.Length; k++)
        {
            if (_members[k].Weights[bucket] != 0 || (_members[k].Ratios is { } r && r[bucket] != _defaults[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value most buckets share (the ratio of n-grams never seen in training), when more than half do; else NaN, which no value equals.</summary>
    private static float Majority(float[] values)
    {
        float candidate = 0;
        int votes = 0;
        foreach (var v in values)
        {
            if (votes == 0)
            {
                candidate = v;
                votes = 1;
            }
            else
            {
                votes += v == candidate ? 1 : -1;
            }
        }

        int count = 0;
        foreach (var v in values)
        {
            count += v == candidate ? 1 : 0;
        }

        return count * 2 > values.Length ? candidate : float.NaN;
    }

    /// <summary>The featurisation every member of the group shares (lexicon features apart).</summary>
    public FeatureOptions Options { get; }

    /// <summary>Groups the members by featurisation, in the order their featurisations first appear.</summary>
    public static SharedBucketGroup[] Build(LinearMember[] members)
    {
        var keys = new List<FeatureOptions>();
        var indices = new List<List<int>>();
        for (int m = 0; m < members.Length; m++)
        {
            var key = members[m].Options with { UseLexicon = false };
            int g = keys.IndexOf(key);
            if (g < 0)
            {
                keys.Add(key);
                indices.Add([]);
                g = keys.Count - 1;
            }

            indices[g].Add(m);
        }

        var groups = new SharedBucketGroup[keys.Count];
        for (int g = 0; g < groups.Length; g++)
        {
            groups[g] = new SharedBucketGroup(keys[g], [.. indices[g].Select(i => members[i])], [.. indices[g]]);
        }

        return groups;
    }

    /// <summary>Writes each member's raw linear score (before calibration) at its ensemble position in <paramref name="scores"/>.</summary>
    public void Score(AeInput input, InferenceBuffer buckets, Span<double> scores)
    {
        int n = _members.Length;
        Span<double> words = stackalloc double[n];
        Span<double> chars = stackalloc double[n];
        GroupTerms(buckets.Words, words);
        GroupTerms(buckets.Chars, chars);
        for (int k = 0; k < n; k++)
        {
            var member = _members[k];
            double score = member.Bias + words[k] + chars[k];
            if (member.Options.UseLexicon)
            {
                int baseIndex = 1 << member.Options.Bits;
                var weights = member.Weights;
                for (int f = 0; f < AeFeatures.Count; f++)
                {
                    score += weights[baseIndex + f] * input.Lex[f];
                }
            }

            scores[_ensembleIndex[k]] = score;
        }
    }

    /// <summary>Per member: the dot product of its weights with the group's L2-normalised bucket values.</summary>
    private void GroupTerms(List<int> unique, Span<double> terms)
    {
        terms.Clear();
        int count = unique.Count;
        if (count == 0)
        {
            return;
        }

        // First where each bucket's entry is (bitmap and ranks: small, cached), then all the entries at once: a tight loop of
        // independent loads keeps many cache misses in flight, where one loop doing both held only a few.
        int stride = _stride;
        var gathered = t_gathered is { } g && g.Length >= count * stride ? g : (t_gathered = new float[Math.Max(1024, count * stride * 2)]);
        var offsets = t_offsets is { } o && o.Length >= count ? o : (t_offsets = new int[Math.Max(512, count * 2)]);
        var buckets = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(unique);
        var live = _live;
        var rank = _rank;
        for (int j = 0; j < buckets.Length; j++)
        {
            int b = buckets[j];
            ulong word = live[b >> 6];
            int isLive = (int)((word >> (b & 63)) & 1);
            int entry = rank[b >> 6] + System.Numerics.BitOperations.PopCount(word & ((1UL << (b & 63)) - 1)) + 1;
            offsets[j] = isLive * entry * stride; // entry 0 is the shared entry of buckets training never saw
        }

        var table = _table;
        if (stride == 1)
        {
            for (int j = 0; j < count; j++)
            {
                gathered[j] = table[offsets[j]];
            }
        }
        else
        {
            for (int j = 0, to = 0; j < count; j++, to += stride)
            {
                int from = offsets[j];
                for (int e = 0; e < stride; e++)
                {
                    gathered[to + e] = table[from + e];
                }
            }
        }

        for (int k = 0; k < _members.Length; k++)
        {
            double dot = 0, norm = 0;
            int last = count * stride;
            if (_hasRatio[k])
            {
                for (int at = _offset[k]; at < last; at += stride)
                {
                    float v = gathered[at + 1];
                    dot += gathered[at] * v;
                    norm += v * v;
                }
            }
            else
            {
                for (int at = _offset[k]; at < last; at += stride)
                {
                    dot += gathered[at] * 1f;
                    norm += 1f * 1f;
                }
            }

            terms[k] = norm > 0 ? dot / Math.Sqrt(norm) : 0;
        }
    }
}
