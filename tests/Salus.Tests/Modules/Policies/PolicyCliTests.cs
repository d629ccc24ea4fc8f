using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

public abstract class PolicyCliTests(SalusApp app)
{
    [SkippableFact]
    public async Task Salus_screen_blocks_an_italian_employee_post_naming_a_prescription_medicine_under_the_published_policy_and_cites_the_clause()
    {
        app.SkipIfUnavailable();
        var published = await new PolicyApi(app).PublishedAsync();
        var label = published.GetProperty("label").GetString()!;
        var input = Path.Combine(app.Database.DataFolder, "posts.jsonl");
        await File.WriteAllTextAsync(input, """{"id":"post-1","text":"Oggi in farmacia il nostro Ozempic: provatelo! #dipendente","lang":"it","context":"employee-share","market":"IT"}""" + "\n");
        string[] database = ["--data", app.Database.DataFolder, "--provider", app.DatabaseProvider.ToString(),
            .. (app.Database.ConnectionString is { } cs ? new[] { "--connection", cs } : [])];

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Salus.Cli.SalusCli.RunAsync(["screen", "--in", input, "--format", "text", .. database], output, error);
        Assert.True(exit == 0, error.ToString());
        var report = output.ToString();
        Assert.Contains("block", report, StringComparison.Ordinal);
        Assert.Contains($"clause 5.1 @ {label}", report, StringComparison.Ordinal);
        Assert.Contains("art. 115", report, StringComparison.Ordinal);

        // the JSONL file path (the byte-level fast path) applies the same published rules and cites them
        var jsonl = Path.Combine(app.Database.DataFolder, "screened.jsonl");
        Assert.Equal(0, await Salus.Cli.SalusCli.RunAsync(["screen", "--in", input, "--out", jsonl, .. database], new StringWriter(), new StringWriter()));
        using (var line = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(jsonl)))
        {
            Assert.Equal("block", line.RootElement.GetProperty("decision").GetString());
            var cited = line.RootElement.GetProperty("rules").EnumerateArray().ToList();
            Assert.Contains(cited, r => r.GetProperty("clause").GetString() == "5.1" && r.GetProperty("version").GetString() == label);
        }

        // --default-rules: the engine's built-in rules instead (review, clause D7).
        var builtIn = new StringWriter();
        Assert.Equal(0, await Salus.Cli.SalusCli.RunAsync(["screen", "--in", input, "--format", "text", "--default-rules", .. database], builtIn, new StringWriter()));
        Assert.DoesNotContain(label, builtIn.ToString(), StringComparison.Ordinal);
        Assert.Contains("salus-default-1", builtIn.ToString(), StringComparison.Ordinal);
    }
}

public sealed class PolicyCliTests_Sqlite(SqliteApp app) : PolicyCliTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyCliTests_Postgres(PostgresApp app) : PolicyCliTests(app), IClassFixture<PostgresApp>;
