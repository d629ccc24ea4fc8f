using Salus.Screening.Normalization;
using Xunit;

namespace Salus.Screening.Tests;

public sealed class NormalizerTests
{
    private static void AssertMapsBack(string original, string needle, string expectedOriginal)
    {
        using var n = TextNormalizer.Normalize(original);
        int i = n.Span.IndexOf(needle.AsSpan(), StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{needle}' not in '{n}'");
        var (s, e) = n.ToOriginal(i, i + needle.Length);
        Assert.Equal(expectedOriginal, original[s..e]);
    }

    [Fact]
    public void Case_and_diacritics_are_folded_and_punctuation_collapsed()
    {
        using var n = TextNormalizer.Normalize("  Perché   l'EFFETTO... è  forte!! ");
        Assert.Equal("perche l effetto e forte ", n.ToString());
    }

    [Fact]
    public void Offsets_map_back_to_the_original_text()
    {
        AssertMapsBack("Ho preso lo ZOLÒFT ieri", "zoloft", "ZOLÒFT");
    }

    [Fact]
    public void Zero_width_and_soft_hyphen_characters_hiding_a_word_are_removed()
    {
        string text = "I took Zo\u200Blo\u00ADf\u200Dt today";
        AssertMapsBack(text, "zoloft", "Zo\u200Blo\u00ADf\u200Dt");
    }

    [Fact]
    public void Emoji_and_surrogate_pairs_become_separators_and_keep_offsets()
    {
        string text = "😀😀 Xanax 👍🏽 ok";
        AssertMapsBack(text, "xanax", "Xanax");
        using var n = TextNormalizer.Normalize(text);
        Assert.Equal("xanax ok", n.ToString());
    }

    [Fact]
    public void Mathematical_alphanumerics_fold_to_ascii()
    {
        string text = "my 𝐙𝐨𝐥𝐨𝐟𝐭 story";
        AssertMapsBack(text, "zoloft", "𝐙𝐨𝐥𝐨𝐟𝐭");
    }

    [Fact]
    public void Rtl_marks_are_removed_and_arabic_text_is_kept()
    {
        string text = "\u202Eabc\u202C مرحبا \u200Fxanax";
        using var n = TextNormalizer.Normalize(text);
        Assert.Contains("xanax", n.ToString(), StringComparison.Ordinal);
        AssertMapsBack(text, "xanax", "xanax");
    }

    [Fact]
    public void Broken_surrogates_do_not_throw()
    {
        string text = "a\uD800b\uDC00c\uD83D";
        using var n = TextNormalizer.Normalize(text);
        Assert.Equal("a b c ", n.ToString());
    }

    [Fact]
    public void Full_width_and_ligatures_are_compatibility_folded()
    {
        AssertMapsBack("ＸＡＮＡＸ", "xanax", "ＸＡＮＡＸ");
        using var n = TextNormalizer.Normalize("ﬁne");
        Assert.Equal("fine", n.ToString());
    }

    [Fact]
    public void Every_normalised_char_maps_inside_the_original()
    {
        var rnd = new Random(7);
        for (int k = 0; k < 200; k++)
        {
            var chars = new char[rnd.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)rnd.Next(0, 0x3000);
            }

            var s = new string(chars);
            using var n = TextNormalizer.Normalize(s);
            for (int i = 0; i < n.Length; i++)
            {
                Assert.InRange(n.OriginalStart(i), 0, s.Length - 1);
                Assert.InRange(n.OriginalEnd(i), n.OriginalStart(i) + 1, s.Length);
                if (i > 0)
                {
                    Assert.True(n.OriginalStart(i) >= n.OriginalStart(i - 1));
                }
            }
        }
    }
}
