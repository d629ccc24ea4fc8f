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
}
