using System.Text;

namespace Salus.Screening.Cli;

/// <summary>
/// Entry point for the <c>salus screen</c> verb: <c>--in FILE|- --out FILE|- [--format jsonl|text] [--only CATEGORIES]</c>.
/// Exit codes: 0 every line screened, 1 some lines failed, 2 usage or I/O error.
/// </summary>
public static class ScreenCommandRunner
{
    public static async Task<int> RunAsync(string inPath, string outPath, string format, TextWriter stdout, TextWriter stderr, TextReader? stdin = null, Screener? screener = null, Func<string?, Rules.RuleSet?>? rulesForMarket = null, string? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParseOnly(only, out var categories, out var unknown))
        {
            await stderr.WriteLineAsync($"unknown category \"{unknown}\" in --only (one or more of {string.Join(", ", Categories.All)}, comma-separated)").ConfigureAwait(false);
            return 2;
        }

        ScreenOutputFormat fmt;
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "jsonl" or "json":
                fmt = ScreenOutputFormat.Jsonl;
                break;
            case "text":
                fmt = ScreenOutputFormat.Text;
                break;
            default:
                await stderr.WriteLineAsync($"unknown format \"{format}\" (jsonl or text)").ConfigureAwait(false);
                return 2;
        }

        TextReader? reader = null;
        TextWriter? writer = null;
        try
        {
            bool stdinIsConsole = stdin is null || ReferenceEquals(stdin, Console.In);
            bool inIsFile = inPath is not ("-" or "" or null);
            if (fmt == ScreenOutputFormat.Jsonl && outPath is not ("-" or "" or null) && (inIsFile || stdinIsConsole))
            {
                // files (and the process's own stdin): the byte-level path, no per-line strings
                await using var inStream = inIsFile
                    ? new FileStream(inPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous)
                    : Console.OpenStandardInput();
                await using var outStream = new FileStream(outPath!, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                var fast = new JsonlScreening(screener ?? Screener.CreateDefault()) { RulesForMarket = rulesForMarket, Only = categories };
                var s = await fast.RunAsync(inStream, outStream, stderr, cancellationToken).ConfigureAwait(false);
                if (s.Failed > 0)
                {
                    await stderr.WriteLineAsync($"{s.Failed} of {s.Lines} lines failed").ConfigureAwait(false);
                    return 1;
                }

                return 0;
            }

            reader = inPath is "-" or "" or null
                ? stdin ?? Console.In
                : new StreamReader(inPath, Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
            writer = outPath is "-" or "" or null
                ? stdout
                : new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            var runner = new JsonlScreening(screener ?? Screener.CreateDefault()) { RulesForMarket = rulesForMarket, Only = categories };
            var summary = await runner.RunAsync(reader, writer, stderr, fmt, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (summary.Failed > 0)
            {
                await stderr.WriteLineAsync($"{summary.Failed} of {summary.Lines} lines failed").ConfigureAwait(false);
                return 1;
            }

            return 0;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        finally
        {
            if (reader is not null && !ReferenceEquals(reader, stdin) && !ReferenceEquals(reader, Console.In))
            {
                reader.Dispose();
            }

            if (writer is not null && !ReferenceEquals(writer, stdout))
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Parses <c>--only</c>: comma-separated category names; null or empty = all categories.</summary>
    public static bool TryParseOnly(string? value, out IReadOnlySet<string>? categories, out string? unknown)
    {
        categories = null;
        unknown = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.ToLowerInvariant();
            if (!Categories.All.Contains(name))
            {
                unknown = part;
                return false;
            }

            set.Add(name);
        }

        categories = set.Count == 0 ? null : set;
        return true;
    }
}
