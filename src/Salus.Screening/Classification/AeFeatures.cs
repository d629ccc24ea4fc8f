using System.Text;
using Microsoft.ML.Data;
using Salus.Screening.Detectors;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Screening.Classification;

/// <summary>Model input: prepared text plus lexicon features.</summary>
public sealed class AeInput
{
    public string Text { get; set; } = "";

    public string Plain { get; set; } = "";

    [VectorType(AeFeatures.Count)]
    public float[] Lex { get; set; } = new float[AeFeatures.Count];

    public bool Label { get; set; }
}

/// <summary>Model output.</summary>
public sealed class AePrediction
{
    [ColumnName("PredictedLabel")]
    public bool Predicted { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }
}

/// <summary>
/// Feature engineering shared by training and inference: a custom text normalisation (contractions, numbers,
/// lexicon tags such as "xreaction" inserted before each reaction term) and numeric lexicon features.
/// </summary>
public static class AeFeatures
{
    public const int Count = 20;

    internal static AeInput Build(ScreeningLexicon lexicon, SpanVocabulary? spans, string sentence, bool label = false)
    {
        var matches = new List<AutomatonMatch>();
        using var n = TextNormalizer.Normalize(sentence);
        lexicon.Automaton.FindAll(n.Span, matches);
        var a = new TextAnalysis(sentence, n, lexicon, matches, null, fuzzyDrugs: false); // the model was trained on exact lexicon hits
        return Build(a, spans, label);
    }

    /// <summary>
    /// The features of <paramref name="a"/>'s whole text, read from an analysis the engine already made (one sentence,
    /// language detected, not given): the same input as analysing the sentence again, because misspelled-drug hits,
    /// which the model was not trained on, are left out here.
    /// </summary>
    internal static AeInput Build(TextAnalysis a, SpanVocabulary? spans, bool label = false)
    {
        string sentence = a.Text;
        var n = a.Normalized;
        var f = new float[Count];
        var reactions = a.Of(LexiconKind.Reaction);
        f[0] = Math.Min(reactions.Count, 3) / 3f;
        f[1] = reactions.Exists(r => r.Info.Value == 1) ? 1 : 0;
        f[2] = Math.Min(a.Of(LexiconKind.Withdrawal).Count, 2) / 2f;
        f[3] = Math.Min(a.Of(LexiconKind.AeCue).Count, 2) / 2f;
        f[4] = a.Of(LexiconKind.Negation).Count > 0 ? 1 : 0;
        f[5] = reactions.Exists(r => a.Before(LexiconKind.Negation, r, 4)) ? 1 : 0;
        f[6] = a.Of(LexiconKind.Speculation).Count > 0 ? 1 : 0;
        f[7] = a.Of(LexiconKind.Indication).Count > 0 ? 1 : 0;
        f[8] = a.Of(LexiconKind.Efficacy).Count > 0 ? 1 : 0;
        f[9] = a.Of(LexiconKind.Inquiry).Count > 0 ? 1 : 0;
        f[10] = a.Of(LexiconKind.FirstPerson).Count > 0 ? 1 : 0;
        f[11] = a.Of(LexiconKind.ThirdPerson).Count > 0 ? 1 : 0;
        f[12] = a.Of(LexiconKind.Drug).Exists(static h => !h.Fuzzy) ? 1 : 0;
        f[13] = sentence.Contains('?', StringComparison.Ordinal) ? 1 : 0;
        f[14] = MathF.Log(1 + a.WordCount) / 5f;
        f[15] = reactions.Exists(r => !a.Before(LexiconKind.Negation, r, 4) && !a.Before(LexiconKind.Indication, r, 3) && !a.Before(LexiconKind.Efficacy, r, 5)) ? 1 : 0;
        f[16] = a.Of(LexiconKind.DrugCue).Count > 0 ? 1 : 0;
        f[17] = a.Of(LexiconKind.Condition).Count > 0 ? 1 : 0;

        // text with tags: every lexicon hit of an informative kind becomes an extra token before it
        var span = n.Span;
        var sb = new StringBuilder(span.Length + 32);
        var tags = new List<(int Pos, string Tag)>();
        void Tag(LexiconKind kind, string tag)
        {
            foreach (var h in a.Of(kind))
            {
                if (!h.Fuzzy)
                {
                    tags.Add((h.NStart, tag));
                }
            }
        }

        Tag(LexiconKind.Reaction, "xreaction");
        Tag(LexiconKind.Withdrawal, "xwithdrawal");
        Tag(LexiconKind.AeCue, "xaecue");
        Tag(LexiconKind.Negation, "xnegation");
        Tag(LexiconKind.Speculation, "xspeculation");
        Tag(LexiconKind.Indication, "xindication");
        Tag(LexiconKind.Efficacy, "xefficacy");
        Tag(LexiconKind.Drug, "xdrug");
        Tag(LexiconKind.Condition, "xcondition");
        if (spans is not null)
        {
            int before = tags.Count;
            spans.Find(span, tags);
            int adr = 0, sym = 0;
            for (int i = before; i < tags.Count; i++)
            {
                if (tags[i].Tag == "xadr")
                {
                    adr++;
                }
                else
                {
                    sym++;
                }
            }

            f[18] = Math.Min(adr, 4) / 4f;
            f[19] = Math.Min(sym, 4) / 4f;
        }

        tags.Sort((x, y) => x.Pos.CompareTo(y.Pos));

        int ti = 0;
        for (int i = 0; i < span.Length; i++)
        {
            while (ti < tags.Count && tags[ti].Pos == i)
            {
                sb.Append(tags[ti].Tag).Append(' ');
                ti++;
            }

            char c = span[i];
            sb.Append(char.IsDigit(c) ? '0' : c);
        }

        // contractions survive normalisation as "don t", "i ve": make the negation explicit
        var text = sb.ToString().Replace(" t ", " not ", StringComparison.Ordinal);
        if (sentence.Contains('?', StringComparison.Ordinal))
        {
            text += " xquestion";
        }

        var plain = new string(span).Replace(" t ", " not ", StringComparison.Ordinal);
        return new AeInput { Text = text, Plain = plain, Lex = f, Label = label };
    }
}
