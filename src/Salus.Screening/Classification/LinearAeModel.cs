using System.IO.Compression;

namespace Salus.Screening.Classification;

/// <summary>
/// One trained ensemble member: the linear weights an ML.NET trainer learned over <see cref="HashedFeaturizer"/>
/// features, its Platt calibration, and (NBSVM) the naive-Bayes ratios the features were scaled by.
/// Scoring is a sparse dot product: microseconds, no ML.NET at inference.
/// </summary>
public sealed class LinearMember
{
    public LinearMember(FeatureOptions options, float[] weights, float bias, float slope, float offset, float[]? ratios)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weights);
        Options = options;
        Weights = weights;
        Bias = bias;
        Slope = slope;
        Offset = offset;
        Ratios = ratios;
    }

    public FeatureOptions Options { get; }

    public float[] Weights { get; }

    public float Bias { get; }

    /// <summary>Platt calibration: p = 1 / (1 + exp(Slope * score + Offset)) (ML.NET's convention).</summary>
    public float Slope { get; }

    public float Offset { get; }

    public float[]? Ratios { get; }

    public float Probability(AeInput input, FeatureBuffer buffer)
    {
        HashedFeaturizer.Featurize(input, Options, Ratios, buffer);
        double score = Bias;
        var idx = buffer.Indices;
        var val = buffer.Values;
        for (int i = 0; i < idx.Count; i++)
        {
            score += Weights[idx[i]] * val[i];
        }

        return (float)(1 / (1 + Math.Exp((Slope * score) + Offset)));
    }

    /// <summary>Inference: the same score as <see cref="Probability"/> from the unique buckets (no sort, no merge).</summary>
    internal float Probability(AeInput input, InferenceBuffer buckets)
    {
        double score = Bias + Group(buckets.Words) + Group(buckets.Chars);
        if (Options.UseLexicon)
        {
            int baseIndex = 1 << Options.Bits;
            for (int k = 0; k < AeFeatures.Count; k++)
            {
                score += Weights[baseIndex + k] * input.Lex[k];
            }
        }

        return Calibrate(score);
    }

    /// <summary>The probability of a raw linear score (Platt calibration).</summary>
    internal float Calibrate(double score) => (float)(1 / (1 + Math.Exp((Slope * score) + Offset)));

    private double Group(List<int> unique)
    {
        if (unique.Count == 0)
        {
            return 0;
        }

        double dot = 0, norm = 0;
        var r = Ratios;
        foreach (int i in unique)
        {
            float v = r is null ? 1f : r[i];
            dot += Weights[i] * v;
            norm += v * v;
        }

        return norm > 0 ? dot / Math.Sqrt(norm) : 0;
    }

    internal void Write(BinaryWriter w)
    {
        var o = Options;
        w.Write(o.Bits);
        w.Write(o.WordNgrams);
        w.Write(o.CharMin);
        w.Write(o.CharMax);
        w.Write(o.UseTags);
        w.Write(o.UseLexicon);
        w.Write(Bias);
        w.Write(Slope);
        w.Write(Offset);
        WriteSparse(w, Weights, 0f);
        w.Write(Ratios is not null);
        if (Ratios is not null)
        {
            // unseen buckets share one ratio: store it and the exceptions
            float common = MostCommon(Ratios);
            w.Write(common);
            WriteSparse(w, Ratios, common);
        }
    }

    internal static LinearMember Read(BinaryReader r)
    {
        var o = new FeatureOptions
        {
            Bits = r.ReadInt32(),
            WordNgrams = r.ReadInt32(),
            CharMin = r.ReadInt32(),
            CharMax = r.ReadInt32(),
            UseTags = r.ReadBoolean(),
            UseLexicon = r.ReadBoolean(),
        };
        if (o.Bits is < 8 or > 24)
        {
            throw new InvalidDataException("bad model: hash bits");
        }

        float bias = r.ReadSingle(), slope = r.ReadSingle(), offset = r.ReadSingle();
        var weights = ReadSparse(r, o.Dimension, 0f);
        float[]? ratios = null;
        if (r.ReadBoolean())
        {
            float common = r.ReadSingle();
            ratios = ReadSparse(r, 1 << o.Bits, common);
        }

        return new LinearMember(o, weights, bias, slope, offset, ratios);
    }

    private static float MostCommon(float[] values)
    {
        var counts = new Dictionary<float, int>();
        foreach (var v in values)
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }

        return counts.MaxBy(kv => kv.Value).Key;
    }

    private static void WriteSparse(BinaryWriter w, float[] values, float common)
    {
        w.Write(values.Length);
        int n = 0;
        foreach (var v in values)
        {
            if (v != common)
            {
                n++;
            }
        }

        w.Write(n);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != common)
            {
                w.Write(i);
                w.Write(values[i]);
            }
        }
    }

    private static float[] ReadSparse(BinaryReader r, int expected, float common)
    {
        int length = r.ReadInt32();
        if (length != expected)
        {
            throw new InvalidDataException("bad model: vector length");
        }

        var values = new float[length];
        if (common != 0)
        {
            Array.Fill(values, common);
        }

        int n = r.ReadInt32();
        for (int k = 0; k < n; k++)
        {
            int i = r.ReadInt32();
            if ((uint)i >= (uint)length)
            {
                throw new InvalidDataException("bad model: index");
            }

            values[i] = r.ReadSingle();
        }

        return values;
    }
}

/// <summary>The ensemble file: a zip with one <c>memberN.bin</c> per member.</summary>
public static class LinearModelFile
{
    public static void Save(string path, IReadOnlyList<LinearMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        for (int m = 0; m < members.Count; m++)
        {
            var entry = zip.CreateEntry($"member{m}.bin", CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var s = entry.Open();
            using var w = new BinaryWriter(s);
            w.Write(0x4D454153); // "SAEM"
            w.Write(1);
            members[m].Write(w);
        }
    }

    public static List<LinearMember> Load(Stream stream, int members)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var list = new List<LinearMember>(members);
        for (int m = 0; m < members; m++)
        {
            var entry = zip.GetEntry($"member{m}.bin") ?? throw new InvalidDataException($"model member {m} missing");
            using var s = entry.Open();
            using var r = new BinaryReader(s);
            if (r.ReadInt32() != 0x4D454153 || r.ReadInt32() != 1)
            {
                throw new InvalidDataException("not a Salus adverse-event model (retrain with `salus screen train`)");
            }

            list.Add(LinearMember.Read(r));
        }

        return list;
    }
}
