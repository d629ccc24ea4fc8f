using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Xunit;

namespace Salus.Screening.Tests;

public sealed class MisspellingTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private static List<Finding> Drugs(string text, string? lang = null) =>
        [.. Engine.Screen(new ScreeningRequest(text, lang)).Findings.Where(f => f.Category == Categories.DrugMention)];

    [Theory]
    [InlineData("I took Zolfot yesterday and I feel dizzy", "Zolfot", "zoloft")]
    [InlineData("started lexaprro last month", "lexaprro", "lexapro")]
    [InlineData("my doctor put me on sertralien", "sertralien", "sertraline")]
    [InlineData("Ho preso l'ibuprofne e mi fa male lo stomaco", "ibuprofne", "ibuprofen")]
    [InlineData("prendo la paroxetna da un mese", "paroxetna", "paroxetin")]
    [InlineData("the metformni makes me nauseous", "metformni", "metformin")]
    public void A_drug_name_one_edit_away_is_found_as_a_fuzzy_drug_mention(string text, string typed, string product)
    {
        var f = Assert.Single(Drugs(text), d => d.Text == typed);
        Assert.Equal("true", f.Details!["fuzzy"]);
        Assert.Contains(product, f.Details["product"] + " " + f.Details.GetValueOrDefault("ingredients"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(text.IndexOf(typed, StringComparison.Ordinal), f.Start);
    }

    [Theory]
    [InlineData("The regular meeting is between the morning and the afternoon, a wonderful tradition of our company.")]
    [InlineData("Please remember that the quarterly newsletter highlights several community volunteering initiatives.")]
    [InlineData("La settimana prossima il professore presenterà il progetto alla commissione regionale.")]
    [InlineData("Abbiamo organizzato una giornata di formazione sulla comunicazione digitale per tutti i colleghi.")]
    [InlineData("Thanks everyone for the wonderful feedback on yesterday's presentation, it was incredible.")]
    public void Ordinary_words_are_not_taken_for_misspelled_drugs(string text) =>
        Assert.DoesNotContain(Drugs(text), d => d.Details!.ContainsKey("fuzzy"));

    [Theory]
    [InlineData("zoloft", "zolfot", true)]   // transposition
    [InlineData("zoloft", "zoloftt", true)]  // insertion
    [InlineData("zoloft", "zolot", true)]    // deletion
    [InlineData("zoloft", "zolaft", true)]   // substitution
    [InlineData("zoloft", "zoloft", true)]
    [InlineData("zoloft", "zlofot", false)]  // two edits
    [InlineData("zoloft", "zol", false)]
    public void One_edit_check_is_damerau_levenshtein_at_most_one(string a, string b, bool expected)
    {
        Assert.Equal(expected, FuzzyDrugIndex.WithinOneEdit(a, b));
        Assert.Equal(expected, FuzzyDrugIndex.WithinOneEdit(b, a));
    }

    [Fact]
    public void One_edit_check_agrees_with_a_full_damerau_levenshtein_on_random_strings()
    {
        var rng = new Random(7);
        for (int n = 0; n < 20000; n++)
        {
            string a = RandomWord(rng), b = rng.Next(3) == 0 ? RandomWord(rng) : Mutate(a, rng);
            Assert.Equal(Osa(a, b) <= 1, FuzzyDrugIndex.WithinOneEdit(a, b));
        }
    }

    private static string RandomWord(Random rng) => new([.. Enumerable.Range(0, rng.Next(0, 9)).Select(_ => (char)('a' + rng.Next(3)))]);

    private static string Mutate(string s, Random rng)
    {
        var c = s.ToList();
        for (int k = rng.Next(1, 3); k > 0; k--)
        {
            int op = rng.Next(4), i = c.Count == 0 ? 0 : rng.Next(c.Count);
            switch (op)
            {
                case 0 when c.Count > 0: c[i] = (char)('a' + rng.Next(3)); break;
                case 1: c.Insert(i, (char)('a' + rng.Next(3))); break;
                case 2 when c.Count > 0: c.RemoveAt(i); break;
                case 3 when i + 1 < c.Count: (c[i], c[i + 1]) = (c[i + 1], c[i]); break;
                default: break;
            }
        }

        return new string([.. c]);
    }

    /// <summary>Optimal string alignment distance, the textbook dynamic programme.</summary>
    private static int Osa(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

/// <summary>The misspelling look-up remembers recent words per thread; the memo must never mix two indexes up.</summary>
public sealed class MisspellingMemoTests
{
    private static DrugEntry Drug(string surface) =>
        new(surface, surface, [surface], null, null, null, null, null, null, Ambiguous: false, Sources: "c");

    [Fact]
    public void Two_indexes_used_in_turn_on_one_thread_keep_their_own_answers()
    {
        var zoloft = new FuzzyDrugIndex([Drug("zoloft")], []);
        var lexapro = new FuzzyDrugIndex([Drug("lexapro")], []);
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal("zoloft", zoloft.Find("zolfot")?.Surface);
            Assert.Null(lexapro.Find("zolfot"));
            Assert.Equal("lexapro", lexapro.Find("lexaprro")?.Surface);
            Assert.Null(zoloft.Find("lexaprro"));
        }
    }

    [Fact]
    public void Remembered_answers_equal_the_search_over_many_words()
    {
        var index = Screener.CreateDefault().Lexicon.Fuzzy;
        var words = File.ReadLines(Path.Combine(TestPaths.TestData, "labelled.en.jsonl"))
            .Concat(File.ReadLines(Path.Combine(TestPaths.TestData, "labelled.it.jsonl")))
            .SelectMany(l => System.Text.RegularExpressions.Regex.Split(l.ToLowerInvariant(), "[^a-z]+"))
            .Where(w => w.Length >= FuzzyDrugIndex.MinLength)
            .Concat(["zolfot", "lexaprro", "sertralien", "metformni"])
            .ToList();
        Assert.True(words.Count > 2000, $"only {words.Count} words");
        int found = 0;
        for (int pass = 0; pass < 2; pass++) // the second pass answers from the memo
        {
            foreach (var w in words)
            {
                var expected = index.Search(w);
                Assert.Same(expected, index.Find(w));
                found += expected is null ? 0 : 1;
            }
        }

        Assert.True(found >= 8, "too few misspelled drugs among the words: the memo's positive answers are not exercised");
    }
}
