using System.Text.Json;
using Salus.Screening.Cli;
using Xunit;

namespace Salus.Screening.Tests;

/// <summary><c>salus screen --only</c>: looking for some categories reports exactly what the full run reports for them.</summary>
public sealed class OnlyCategoriesTests
{
    private static readonly Screener Engine = Screener.CreateDefault();

    [Theory]
    [InlineData("labelled.en.jsonl")]
    [InlineData("labelled.it.jsonl")]
    public void Drug_mentions_alone_are_the_drug_mentions_of_the_full_run(string file)
    {
        var only = new HashSet<string> { Categories.DrugMention };
        int withDrugs = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.TestData, file)))
        {
            var e = JsonDocument.Parse(line).RootElement;
            var request = new ScreeningRequest(e.GetProperty("text").GetString()!, e.GetProperty("lang").GetString(),
                JsonlScreening.TryParseContext(e.GetProperty("context").GetString(), out var ctx) ? ctx : ScreeningContext.Inbound,
                e.GetProperty("market").GetString());
            var full = Engine.Screen(request).Findings.Where(f => f.Category == Categories.DrugMention).Select(Facts).ToList();
            var drugs = Engine.Screen(request with { Only = only });
            Assert.Equal(full, drugs.Findings.Select(Facts));
            Assert.All(drugs.Categories, c => Assert.Equal(Categories.DrugMention, c));
            withDrugs += full.Count > 0 ? 1 : 0;
        }

        Assert.True(withDrugs > 150, $"only {withDrugs} texts with a drug: the comparison would prove little");
    }

    private static string Facts(Finding f) =>
        $"{f.Category} {f.Start}-{f.End} {f.Code} {f.Score} " + string.Join(";", (f.Details ?? new Dictionary<string, string>()).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value));

    [Fact]
    public void A_subset_reports_only_its_categories_and_decides_on_them()
    {
        const string text = "Zoloft gave me a headache, call me at +39 333 123 4567";
        var all = Engine.Screen(new ScreeningRequest(text, "en"));
        Assert.Contains(Categories.AdverseEvent, all.Categories);
        var some = Engine.Screen(new ScreeningRequest(text, "en", Only: new HashSet<string> { Categories.PersonalData }));
        Assert.Equal([Categories.PersonalData], some.Categories);
        Assert.DoesNotContain(Categories.AdverseEvent, some.Scores.Keys);
        Assert.NotEqual(Decision.Escalate, some.Decision); // the adverse event that escalates was not looked for
    }

    [Fact]
    public async Task The_command_takes_a_comma_separated_list_and_refuses_an_unknown_category()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = await ScreenCommandRunner.RunAsync("-", "-", "jsonl", output, errors,
            new StringReader("{\"id\":\"a\",\"text\":\"I took Xanax and now I feel dizzy\"}\n"), Engine, only: "drug-mention, crisis");
        Assert.Equal(0, code);
        var line = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(["drug-mention"], line.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        Assert.Equal(2, await ScreenCommandRunner.RunAsync("-", "-", "jsonl", new StringWriter(), errors, new StringReader(""), Engine, only: "drugs"));
        Assert.Contains("unknown category \"drugs\"", errors.ToString(), StringComparison.Ordinal);
    }
}
