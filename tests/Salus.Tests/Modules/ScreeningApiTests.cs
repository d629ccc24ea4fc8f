using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules;

public sealed class ScreeningApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_italian_comment_reporting_a_side_effect_is_escalated_with_offsets_into_the_original_text()
    {
        var agent = await app.SignInAsync(Demo.Agent);
        const string Text = "Da quando prendo lo Zoloft ho delle vertigini fortissime e non dormo più";
        var response = await agent.PostAsJsonAsync("/api/screen", new { text = Text, context = "inbound", market = "IT" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var categories = body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("adverse-event", categories);
        Assert.Contains("drug-mention", categories);
        Assert.Equal("it", body.GetProperty("language").GetString());
        Assert.Equal("escalate", body.GetProperty("decision").GetString());
        var drug = body.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("category").GetString() == "drug-mention");
        Assert.Equal("Zoloft", Text[drug.GetProperty("start").GetInt32()..drug.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task Missing_text_is_a_problem_with_the_field_named()
    {
        var agent = await app.SignInAsync(Demo.Agent);
        var response = await agent.PostAsJsonAsync("/api/screen", new { context = "inbound" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"text\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badContext = await agent.PostAsJsonAsync("/api/screen", new { text = "hello", context = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, badContext.StatusCode);
    }

    [Fact]
    public async Task The_screen_verb_reads_jsonl_writes_one_line_per_input_and_reports_bad_lines()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "in.jsonl");
        var output = Path.Combine(folder, "out.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"a","text":"After starting Lexapro I get terrible headaches every day","lang":"en"}""",
            "not json at all",
            """{"id":"c","text":"Thanks for the great event yesterday!"}""",
        ]);
        var error = new StringWriter();
        var exit = await Salus.Cli.SalusCli.RunAsync(["screen", "--in", input, "--out", output], new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("2", error.ToString(), StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(3, lines.Length);
        Assert.Contains("adverse-event", JsonDocument.Parse(lines[0]).RootElement.GetProperty("categories").ToString(), StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
        Assert.Empty(JsonDocument.Parse(lines[2]).RootElement.GetProperty("categories").EnumerateArray());
    }
}
