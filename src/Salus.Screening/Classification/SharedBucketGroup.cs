namespace Salus.Screening.Classification;

/// <summary>
/// Ensemble members that turn a sentence into the same buckets (they differ in weights, naive-Bayes ratios or lexicon
/// features), scored in one pass over those buckets from one table holding each bucket's weights and ratios side by
/// side. The separate per-member arrays cost a cache miss per member and array on every bucket; this costs about one.
/// Sums run in the same order as <see cref="LinearMember"/>'s, so the scores are bit for bit the same.
/// </summary>
internal sealed class SharedBucketGroup
{
    private readonly LinearMember[] _members;
    private readonly int[] _ensembleIndex;
    private readonly int[] _offset;
    private readonly bool[] _hasRatio;
    private readonly float[] _table;
    private readonly int _stride;

    private SharedBucketGroup(FeatureOptions options, LinearMember[] members, int[] ensembleIndex)
    {
        Options = options;
        _members = members;
        _ensembleIndex = ensembleIndex;
        _offset = new int[members.Length];
        _hasRatio = new bool[members.Length];
        for (int k = 0; k < members.Length; k++)
        {
            _offset[k] = _stride;
            _hasRatio[k] = members[k].Ratios is not null;
            _stride += _hasRatio[k] ? 2 : 1;
        }

        int buckets = 1 << options.Bits;
        _table = new float[buckets * _stride];
        for (int k = 0; k < members.Length; k++)
        {
            var weights = members[k].Weights;
            var ratios = members[k].Ratios;
            for (int i = 0, at = _offset[k]; i < buckets; i++, at += _stride)
            {
                _table[at] = weights[i];
                if (ratios is not null)
                {
                    _table[at + 1] = ratios[i];
                }
            }
        }
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
        if (unique.Count == 0)
        {
            return;
        }

        int n = _members.Length;
        Span<double> dot = stackalloc double[n];
        Span<double> norm = stackalloc double[n];
        var table = _table;
        int stride = _stride;
        foreach (int bucket in unique)
        {
            int at = bucket * stride;
            for (int k = 0; k < n; k++)
            {
                int o = at + _offset[k];
                float v = _hasRatio[k] ? table[o + 1] : 1f;
                dot[k] += table[o] * v;
                norm[k] += v * v;
            }
        }

        for (int k = 0; k < n; k++)
        {
            terms[k] = norm[k] > 0 ? dot[k] / Math.Sqrt(norm[k]) : 0;
        }
    }
}
