using Salus.Screening.Lexicons;
using Xunit;
using Xunit.Abstractions;

namespace Salus.Screening.Tests;

public sealed class LexiconGenerationTests(ITestOutputHelper output)
{
    /// <summary>Regenerates the committed drug lexicon; runs only with SALUS_REGENERATE=1.</summary>
    [SkippableFact]
    public void Regenerate_drug_lexicon()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SALUS_REGENERATE") == "1", "set SALUS_REGENERATE=1 to regenerate Resources/Generated/drugs.tsv.gz");
        Skip.IfNot(Directory.Exists(Path.Combine(TestPaths.SharedData, "drugs")), $"shared data not found at {TestPaths.SharedData}");
        var outDir = Path.Combine(TestPaths.RepoRoot, "src", "Salus.Screening", "Resources", "Generated");
        var report = LexiconBuilder.Build(TestPaths.SharedData, outDir, ["/usr/share/dict/american-english", "/usr/share/dict/italian"]);
        output.WriteLine(report.ToString());
        Assert.True(report.Entries > 10000);
    }

    /// <summary>Regenerates the plain words the misspelling fallback must not match; runs only with SALUS_REGENERATE=1.</summary>
    [SkippableFact]
    public void Regenerate_fuzzy_plain_words()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SALUS_REGENERATE") == "1", "set SALUS_REGENERATE=1 to regenerate Resources/Generated/fuzzy-plainwords.txt.gz");
        string[] dictionaries = ["/usr/share/dict/american-english", "/usr/share/dict/italian"];
        Skip.IfNot(dictionaries.All(File.Exists), "apt-get install wamerican witalian");
        var outPath = Path.Combine(TestPaths.RepoRoot, "src", "Salus.Screening", "Resources", "Generated", "fuzzy-plainwords.txt.gz");
        int n = Salus.Screening.Matching.FuzzyDrugIndex.GeneratePlainWords([.. ScreeningLexicon.LoadEmbedded().Drugs], dictionaries, outPath);
        output.WriteLine($"{n} plain words one edit from a drug name");
        Assert.True(n > 0);
    }
}
