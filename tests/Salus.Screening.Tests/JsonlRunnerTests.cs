using System.Text.Json;
using Salus.Screening.Cli;
using Xunit;

namespace Salus.Screening.Tests;

public sealed class JsonlRunnerTests
{
    [Fact]
    public async Task Each_input_line_gives_one_output_line_in_order_and_bad_lines_give_error_lines()
    {
        var input = string.Join('\n',
            """{"id": "a", "text": "Zoloft gave me headaches", "lang": "en", "context": "inbound", "market": "US"}""",
            """{"id": "b", "text": "not closed""",
            """{"id": "c"}""",
            "",
            """{"id": 4, "text": "ciao a tutti", "lang": "it"}""") + "\n";
        var output = new StringWriter();
        var errors = new StringWriter();
        var summary = await new JsonlScreening(Screener.CreateDefault()).RunAsync(new StringReader(input), output, errors);

        Assert.Equal(2, summary.Screened);
        Assert.Equal(2, summary.Failed);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("escalate", first.RootElement.GetProperty("decision").GetString());
        var cats = first.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("adverse-event", cats);
        var drug = first.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("category").GetString() == "drug-mention");
        Assert.Equal(0, drug.GetProperty("start").GetInt32());
        Assert.Equal(6, drug.GetProperty("end").GetInt32());
        Assert.Equal("Zoloft", drug.GetProperty("text").GetString());
        Assert.True(first.RootElement.GetProperty("scores").TryGetProperty("adverse-event", out _));

        using var second = JsonDocument.Parse(lines[1]);
        Assert.True(second.RootElement.TryGetProperty("error", out _));
        Assert.Equal(2, second.RootElement.GetProperty("line").GetInt32());
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("c", third.RootElement.GetProperty("id").GetString());
        Assert.Contains("text", third.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var fourth = JsonDocument.Parse(lines[3]);
        Assert.Equal(4, fourth.RootElement.GetProperty("id").GetInt32());

        var err = errors.ToString();
        Assert.Contains("line 2:", err, StringComparison.Ordinal);
        Assert.Contains("line 3:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Byte_stream_path_writes_the_same_lines_and_errors_as_the_text_path()
    {
        var lines = new List<string>
        {
            "\uFEFF{\"id\": \"a\", \"text\": \"Zoloft gave me headaches\", \"lang\": \"en\"}",
            "{\"id\": \"b\", \"text\": \"not closed",
            "   ",
            "{\"id\": 7, \"text\": \"Mia madre prende il Coumadin e ha lividi ovunque 😞\", \"context\": \"community\", \"market\": \"it\"}\r",
            "{\"id\": \"q\\\"x\", \"text\": \"Posso prendere l'ibuprofene con la tachipirina?\"}",
            "{\"text\": 5}",
            "[1,2]",
            "{\"id\": \"z\", \"text\": \"call me at +39 347 123 4567\", \"context\": \"outbound\"} trailing",
        };
        for (int i = 0; i < 3000; i++)
        {
            lines.Add($"{{\"id\": \"n{i}\", \"text\": \"Started Lexapro {i} days ago, dizzy and nauseous. Anyone else?\"}}");
        }

        var input = string.Join('\n', lines); // no final newline: the last line still counts
        var screener = Screener.CreateDefault();
        var textOut = new StringWriter();
        var textErr = new StringWriter();
        var textSummary = await new JsonlScreening(screener).RunAsync(new StringReader(input.TrimStart('\uFEFF')), textOut, textErr);

        using var inStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        var streamErr = new StringWriter();
        var streamSummary = await new JsonlScreening(screener).RunAsync(inStream, outStream, streamErr);

        Assert.Equal(textSummary.Screened, streamSummary.Screened);
        Assert.Equal(textSummary.Failed, streamSummary.Failed);
        Assert.Equal(4, streamSummary.Failed);
        Assert.Equal(textOut.ToString(), System.Text.Encoding.UTF8.GetString(outStream.ToArray()));
        Assert.Equal(textErr.ToString(), streamErr.ToString());
        Assert.Contains("line 2:", streamErr.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 8:", streamErr.ToString(), StringComparison.Ordinal);

        // blocks far smaller than a line (the reader grows them) and hundreds of blocks in flight keep order and line numbers
        using var tinyIn = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input));
        using var tinyOut = new MemoryStream();
        var tinyErr = new StringWriter();
        var tinySummary = await new JsonlScreening(screener) { StreamBlockBytes = 16 }.RunAsync(tinyIn, tinyOut, tinyErr);
        Assert.Equal(streamSummary.Screened, tinySummary.Screened);
        Assert.Equal(textOut.ToString(), System.Text.Encoding.UTF8.GetString(tinyOut.ToArray()));
        Assert.Equal(textErr.ToString(), tinyErr.ToString());
    }

    [Fact]
    public async Task Command_runner_returns_1_when_some_lines_failed_and_writes_a_text_report()
    {
        var dir = Directory.CreateTempSubdirectory("salus-screen");
        try
        {
            var inFile = Path.Combine(dir.FullName, "in.jsonl");
            var outFile = Path.Combine(dir.FullName, "out.txt");
            await File.WriteAllTextAsync(inFile, "{\"id\":\"x\",\"text\":\"I took Xanax and now I feel dizzy\"}\nnot json\n");
            var stderr = new StringWriter();
            int code = await ScreenCommandRunner.RunAsync(inFile, outFile, "text", TextWriter.Null, stderr);
            Assert.Equal(1, code);
            var report = await File.ReadAllTextAsync(outFile);
            Assert.Contains("⟦Xanax⟧{drug-mention}", report, StringComparison.Ordinal);
            Assert.Contains("line 2", stderr.ToString(), StringComparison.Ordinal);

            Assert.Equal(0, await ScreenCommandRunner.RunAsync("-", "-", "jsonl", new StringWriter(), stderr, new StringReader("{\"id\":\"y\",\"text\":\"hi\"}\n")));
            Assert.Equal(2, await ScreenCommandRunner.RunAsync("-", "-", "xml", new StringWriter(), stderr, new StringReader("")));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Large_inputs_keep_order_across_parallel_batches()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $"{{\"id\":\"{i}\",\"text\":\"{(i % 3 == 0 ? "Zoloft" : "hello")} {i}\"}}");
        var output = new StringWriter();
        await new JsonlScreening(Screener.CreateDefault()) { BatchSize = 257 }.RunAsync(new StringReader(string.Join('\n', lines)), output, TextWriter.Null);
        var outLines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3000, outLines.Length);
        for (int i = 0; i < outLines.Length; i++)
        {
            using var d = JsonDocument.Parse(outLines[i]);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), d.RootElement.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_reads_as_a_replacement_character_and_keeps_the_offsets_on_both_paths()
    {
        // a platform that cuts a text in the middle of an emoji leaves half of its surrogate pair
        var input = string.Join('\n',
            """{"id": "cut", "text": "\ud83dZoloft gave me headaches \ud83d"}""",
            """{"id": "pair", "text": "\ud83d\ude00 Zoloft gave me headaches"}""",
            """{"id": "low", "text": "Zoloft \udce9 gave me headaches"}""") + "\n";
        var screener = Screener.CreateDefault();
        var textOut = new StringWriter();
        var textSummary = await new JsonlScreening(screener).RunAsync(new StringReader(input), textOut, new StringWriter());
        using var inStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        var streamSummary = await new JsonlScreening(screener).RunAsync(inStream, outStream, new StringWriter());

        Assert.Equal(3, textSummary.Screened);
        Assert.Equal(0, textSummary.Failed);
        Assert.Equal(textOut.ToString(), System.Text.Encoding.UTF8.GetString(outStream.ToArray()));
        Assert.Equal(3, streamSummary.Screened);
        var lines = textOut.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        int DrugStart(int line) => lines[line].GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("category").GetString() == "drug-mention").GetProperty("start").GetInt32();
        Assert.Equal(1, DrugStart(0)); // the half pair is one unit, as in the sender's string
        Assert.Equal(3, DrugStart(1)); // a whole pair is kept
        Assert.Equal(0, DrugStart(2));
        Assert.All(lines, l => Assert.Contains("adverse-event", l.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));
    }

    [Theory]
    [InlineData("Zoloft \\udce9 ok", "Zoloft \uFFFD ok")]
    [InlineData("a\\u0041\\n\\\"b\\\\", "aA\n\"b\\")]
    [InlineData("\\ud83d\\ude00x", "\ud83d\ude00x")]
    [InlineData("caffè \\udc00", "caffè \uFFFD")]
    public void The_lenient_reader_unescapes_like_json_and_replaces_only_unpaired_surrogates(string raw, string expected)
    {
        Assert.Equal(expected, LenientJsonString.Unescape(System.Text.Encoding.UTF8.GetBytes(raw)));
    }
}
