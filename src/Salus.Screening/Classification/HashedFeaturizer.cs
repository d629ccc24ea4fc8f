namespace Salus.Screening.Classification;

/// <summary>How a sentence becomes a sparse vector (the same at training and at inference).</summary>
public sealed record FeatureOptions
{
    /// <summary>Hash space: 2^Bits buckets for the text n-grams (the lexicon features follow them).</summary>
    public int Bits { get; init; } = 18;

    /// <summary>Word n-grams 1..WordNgrams.</summary>
    public int WordNgrams { get; init; } = 2;

    /// <summary>Char n-grams CharMin..CharMax over the token string (0 = none).</summary>
    public int CharMin { get; init; } = 3;

    public int CharMax { get; init; } = 5;

    /// <summary>Use the lexicon-tagged text ("xreaction headache") rather than the plain normalised text.</summary>
    public bool UseTags { get; init; } = true;

    /// <summary>Append the numeric lexicon features.</summary>
    public bool UseLexicon { get; init; } = true;

    public int Dimension => (1 << Bits) + AeFeatures.Count;
}

/// <summary>
/// Hashing featuriser: binary word 1..n-grams and char n-grams hashed into 2^Bits buckets (FNV-1a), optionally
/// scaled by naive-Bayes log-count ratios (NBSVM), each group L2-normalised, then the lexicon features.
/// Allocation-light: callers pass reusable buffers. Our own code so inference needs no ML.NET pipeline.
/// </summary>
public static class HashedFeaturizer
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint WordSeed = 0x9E3779B1;
    private const uint CharSeed = 0x85EBCA77;

    /// <summary>
    /// Writes the sorted, de-duplicated feature indices and values of <paramref name="input"/> into
    /// <paramref name="buffer"/>. <paramref name="ratios"/> (NB log-count ratios per bucket) may be null.
    /// </summary>
    public static void Featurize(AeInput input, FeatureOptions o, float[]? ratios, FeatureBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        string text = o.UseTags ? input.Text : input.Plain;
        uint mask = (1u << o.Bits) - 1;
        AddWordNgrams(text, o.WordNgrams, mask, buffer.Words);
        if (o.CharMax > 0)
        {
            AddCharNgrams(text, o.CharMin, o.CharMax, mask, buffer.Chars);
        }

        float wn = SortUnique(buffer.Words, ratios);
        float cn = SortUnique(buffer.Chars, ratios);

        // merge the two sorted groups, each L2-normalised; a bucket shared by both sums
        var w = buffer.Words;
        var c = buffer.Chars;
        int i = 0, j = 0;
        while (i < w.Count || j < c.Count)
        {
            if (j >= c.Count || (i < w.Count && w[i] < c[j]))
            {
                buffer.Add(w[i], Value(ratios, w[i]) * wn);
                i++;
            }
            else if (i >= w.Count || c[j] < w[i])
            {
                buffer.Add(c[j], Value(ratios, c[j]) * cn);
                j++;
            }
            else
            {
                buffer.Add(w[i], (Value(ratios, w[i]) * wn) + (Value(ratios, c[j]) * cn));
                i++;
                j++;
            }
        }

        if (o.UseLexicon)
        {
            int baseIndex = 1 << o.Bits;
            for (int k = 0; k < AeFeatures.Count; k++)
            {
                float v = input.Lex[k];
                if (v != 0)
                {
                    buffer.Add(baseIndex + k, v);
                }
            }
        }
    }

    /// <summary>
    /// Inference path: the unique word and char n-gram buckets of <paramref name="input"/> (unordered), de-duplicated
    /// with a generation-stamped table instead of a sort. Same sets as <see cref="Featurize"/>.
    /// </summary>
    internal static void UniqueBuckets(AeInput input, FeatureOptions o, InferenceBuffer buffer)
    {
        buffer.Begin(o);
        string text = o.UseTags ? input.Text : input.Plain;
        uint mask = (1u << o.Bits) - 1;
        AddWordNgrams(text, o.WordNgrams, mask, buffer.Raw);
        buffer.KeepUnique(buffer.Words);
        if (o.CharMax > 0)
        {
            AddCharNgrams(text, o.CharMin, o.CharMax, mask, buffer.Raw);
            buffer.KeepUnique(buffer.Chars);
        }
    }

    private static float Value(float[]? ratios, int index) => ratios is null ? 1f : ratios[index];

    /// <summary>Sorts and de-duplicates; returns 1 / L2 norm of the group's values.</summary>
    private static float SortUnique(List<int> list, float[]? ratios)
    {
        if (list.Count == 0)
        {
            return 0;
        }

        list.Sort();
        int w = 1;
        for (int i = 1; i < list.Count; i++)
        {
            if (list[i] != list[w - 1])
            {
                list[w++] = list[i];
            }
        }

        list.RemoveRange(w, list.Count - w);
        double norm = 0;
        foreach (int k in list)
        {
            float v = Value(ratios, k);
            norm += v * v;
        }

        return norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
    }

    private static void AddWordNgrams(string text, int maxN, uint mask, List<int> output)
    {
        Span<uint> window = stackalloc uint[Math.Max(1, maxN)];
        int seen = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            uint h = FnvOffset;
            while (i < text.Length && text[i] != ' ')
            {
                h = (h ^ text[i]) * FnvPrime;
                i++;
            }

            // shift the window of recent token hashes
            for (int k = window.Length - 1; k > 0; k--)
            {
                window[k] = window[k - 1];
            }

            window[0] = h;
            seen++;
            uint combined = WordSeed;
            for (int n = 1; n <= maxN && n <= seen; n++)
            {
                combined = Mix(combined ^ window[n - 1]) + (uint)n;
                output.Add((int)(Mix(combined) & mask));
            }
        }
    }

    private static void AddCharNgrams(string text, int min, int max, uint mask, List<int> output)
    {
        // over " token token " with word boundaries as spaces, like FeaturizeText's char grams
        int len = text.Length;
        for (int s = -1; s < len; s++)
        {
            uint h = CharSeed;
            for (int n = 1; n <= max; n++)
            {
                int p = s + n - 1;
                if (p > len)
                {
                    break;
                }

                char c = p < 0 || p >= len ? ' ' : text[p];
                h = (h ^ c) * FnvPrime;
                if (n >= min)
                {
                    output.Add((int)(Mix(h + (uint)n) & mask));
                }
            }
        }
    }

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x7FEB352D;
        h ^= h >> 15;
        h *= 0x846CA68B;
        h ^= h >> 16;
        return h;
    }
}

/// <summary>Reusable buffers for <see cref="HashedFeaturizer"/> (one per thread).</summary>
public sealed class FeatureBuffer
{
    internal List<int> Words { get; } = new(256);

    internal List<int> Chars { get; } = new(1024);

    public List<int> Indices { get; } = new(1024);

    public List<float> Values { get; } = new(1024);

    public int Count => Indices.Count;

    internal void Clear()
    {
        Words.Clear();
        Chars.Clear();
        Indices.Clear();
        Values.Clear();
    }

    internal void Add(int index, float value)
    {
        Indices.Add(index);
        Values.Add(value);
    }
}

/// <summary>Per-thread buffers for the inference path of <see cref="HashedFeaturizer"/>.</summary>
internal sealed class InferenceBuffer
{
    // A small open-addressing set, sized to the features of one sentence so it stays in L1 (a stamp per hash bucket
    // of the model, 1 MB, missed the cache on nearly every feature). Slots are valid when their stamp is current.
    private int[] _keys = new int[1024];
    private int[] _stamps = new int[1024];
    private int _generation;

    public List<int> Raw { get; } = new(1024);

    public List<int> Words { get; } = new(256);

    public List<int> Chars { get; } = new(1024);

    public FeatureOptions? Options { get; private set; }

    public void Begin(FeatureOptions o)
    {
        Options = o;
        Raw.Clear();
        Words.Clear();
        Chars.Clear();
    }

    /// <summary>Moves the unique buckets of <see cref="Raw"/> into <paramref name="target"/>, in first-seen order.</summary>
    public void KeepUnique(List<int> target)
    {
        int size = _keys.Length;
        while (size < Raw.Count * 2)
        {
            size *= 2;
        }

        if (size != _keys.Length)
        {
            _keys = new int[size];
            _stamps = new int[size];
            _generation = 0;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }

        int g = _generation, mask = size - 1;
        var keys = _keys;
        var stamps = _stamps;
        foreach (int bucket in Raw)
        {
            // buckets are hash values already: their low bits spread well
            int slot = bucket & mask;
            while (stamps[slot] == g && keys[slot] != bucket)
            {
                slot = (slot + 1) & mask;
            }

            if (stamps[slot] != g)
            {
                stamps[slot] = g;
                keys[slot] = bucket;
                target.Add(bucket);
            }
        }

        Raw.Clear();
    }
}
