using System.Text.Json;
using Salus.Screening.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Salus.Screening.Tests;

/// <summary>
/// A text known to be about a medicine (a review of it, a comment under a post about it) need not name it:
/// <see cref="ScreeningRequest.Product"/> gives every sentence its medicine.
/// </summary>
public sealed class ProductContextTests(ITestOutputHelper output)
{
    private static readonly Screener Engine = Screener.CreateDefault();

    private const string Unnamed = "I had terrible nausea and dizziness for the first two weeks.";

    // Italian: the English classifier's unnamed-medicine reading (UnnamedMedicineTests) does not apply
    private const string UnnamedItalian = "Ho avuto una nausea terribile e le vertigini per le prime due settimane.";

    [Fact]
    public void A_reaction_without_a_named_medicine_is_an_adverse_event_only_when_the_product_is_known()
    {
        Assert.DoesNotContain(Categories.AdverseEvent, Engine.Screen(new ScreeningRequest(UnnamedItalian)).Categories);

        var known = Engine.Screen(new ScreeningRequest(UnnamedItalian, Product: "Zoloft"));
        var ae = Assert.Single(known.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("Zoloft", ae.Details!["product"]);
        Assert.Equal("request", ae.Details["product-from"]);
        Assert.Equal(Decision.Escalate, known.Decision);
    }

    [Theory]
    [InlineData("No nausea at all, no side effects whatsoever.", ScreeningContext.Inbound)] // negated
    [InlineData("Could it cause nausea in some people?", ScreeningContext.Inbound)] // speculative question
    [InlineData(Unnamed, ScreeningContext.Outbound)] // the organisation's own post
    public void A_known_product_does_not_turn_negations_questions_or_own_posts_into_adverse_events(string text, ScreeningContext context)
    {
        var result = Engine.Screen(new ScreeningRequest(text, Context: context, Product: "Zoloft"));
        Assert.DoesNotContain(Categories.AdverseEvent, result.Categories);
    }

    [Fact]
    public void A_medicine_named_in_the_text_wins_over_the_known_product()
    {
        var result = Engine.Screen(new ScreeningRequest("Since I started Lexapro I get terrible headaches every day", Product: "Zoloft"));
        var ae = Assert.Single(result.Findings, f => f.Category == Categories.AdverseEvent);
        Assert.Equal("Lexapro", ae.Details!["product"], ignoreCase: true);
        Assert.False(ae.Details.ContainsKey("product-from"));
    }

    [Fact]
    public async Task The_jsonl_product_field_is_read_and_a_wrong_type_is_an_error_line()
    {
        var input = string.Join('\n',
            JsonSerializer.Serialize(new { id = "a", text = UnnamedItalian, product = "Zoloft" }),
            JsonSerializer.Serialize(new { id = "b", text = UnnamedItalian }),
            JsonSerializer.Serialize(new { id = "c", text = UnnamedItalian, product = 5 }),
            JsonSerializer.Serialize(new { id = "d", text = UnnamedItalian, product = (string?)null })) + "\n";
        var outText = new StringWriter();
        var errors = new StringWriter();
        var summary = await new JsonlScreening(Engine).RunAsync(new StringReader(input), outText, errors);

        Assert.Equal(3, summary.Screened);
        Assert.Equal(1, summary.Failed);
        var lines = outText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        static bool HasAe(JsonElement e) => e.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == Categories.AdverseEvent);
        Assert.True(HasAe(lines[0]));
        Assert.False(HasAe(lines[1]));
        Assert.Contains("product", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.False(HasAe(lines[3]));
        Assert.Contains("line 3", errors.ToString(), StringComparison.Ordinal);
    }

    /// <summary>PsyTAR's sentences are cut from drug reviews: the unnamed-medicine reading carries most of them, the known product more.</summary>
    [SkippableFact]
    public void On_psytar_dev_the_engine_reads_adverse_events_of_unnamed_medicines()
    {
        var dev = Path.Combine(TestPaths.PsyTar, "dev.csv");
        Skip.IfNot(File.Exists(dev), $"PsyTAR not found at {TestPaths.PsyTar} (set SALUS_SHARED_DATA)");
        var rows = Classification.ClassifierTrainer.ReadRows(dev).ToList();
        double F1(string? product)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (text, label) in rows)
            {
                bool flagged = Engine.Screen(new ScreeningRequest(text, Product: product)).Categories.Contains(Categories.AdverseEvent);
                tp += flagged && label ? 1 : 0;
                fp += flagged && !label ? 1 : 0;
                fn += !flagged && label ? 1 : 0;
            }

            return 2.0 * tp / ((2 * tp) + fp + fn);
        }

        double unknown = F1(null), known = F1("the reviewed medicine");
        output.WriteLine($"PsyTAR dev, engine adverse-event F1: product unknown {unknown:0.000}, product known {known:0.000}");
        // the target, met by the engine itself since session 8 (its rules were tuned on this split, as the issue allows)
        Assert.True(unknown >= 0.85, $"without the product {unknown:0.000}: the unnamed-medicine reading should carry most sentences");
        // the known product adds the named-medicine rules to every sentence, which flag a few sentences the classifier would not
        Assert.True(known >= unknown - 0.01, $"with the product {known:0.000}, without {unknown:0.000}");
    }
}
