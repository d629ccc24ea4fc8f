using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Salus.Screening.Cli;

/// <summary>
/// The byte-level JSONL path used for files: the input is read in large chunks, split into lines without
/// strings, each chunk screened by all cores in contiguous slices (order kept), and every slice's output is
/// written with one reusable <see cref="Utf8JsonWriter"/> straight into a byte buffer. The only per-line
/// allocations are the request's text string and the engine's result.
/// </summary>
public sealed partial class JsonlScreening
{
    private const int ChunkBytes = 1 << 21;

    private sealed class Slice
    {
        public readonly ArrayBufferWriter<byte> Output = new(1 << 16);
        public readonly List<(long Line, string Message)> Errors = [];
        public Utf8JsonWriter? Writer;
        public long Screened;
        public long Failed;
    }

    /// <summary>Screens UTF-8 JSONL from <paramref name="input"/> to <paramref name="output"/> (JSONL format).</summary>
    public async Task<JsonlRunSummary> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        int workers = Environment.ProcessorCount;
        var slices = new Slice[workers * 4];
        for (int i = 0; i < slices.Length; i++)
        {
            slices[i] = new Slice();
        }

        byte[] buffer = new byte[ChunkBytes];
        int filled = 0;
        long lineNo = 0, screened = 0, failed = 0;
        var lineStarts = new List<int>(1 << 15);
        bool eof = false;
        bool first = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (!eof && filled < buffer.Length)
            {
                int n = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    eof = true;
                    break;
                }

                filled += n;
            }

            int start = 0;
            if (first && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3; // UTF-8 byte order mark
            }

            first = false;
            int lastNl = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            int end = eof ? filled : lastNl + 1;
            if (end <= start && !eof)
            {
                // a line longer than the buffer: grow and read on
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            lineStarts.Clear();
            for (int p = start; p < end;)
            {
                lineStarts.Add(p);
                int nl = buffer.AsSpan(p, end - p).IndexOf((byte)'\n');
                p = nl < 0 ? end : p + nl + 1;
            }

            lineStarts.Add(end);
            ProcessChunk(buffer, lineStarts, lineNo, slices);
            lineNo += lineStarts.Count - 1;
            foreach (var slice in slices)
            {
                await output.WriteAsync(slice.Output.WrittenMemory, cancellationToken).ConfigureAwait(false);
                foreach (var (line, message) in slice.Errors)
                {
                    await errors.WriteLineAsync($"line {line.ToString(CultureInfo.InvariantCulture)}: {message}").ConfigureAwait(false);
                }

                screened += slice.Screened;
                failed += slice.Failed;
            }

            // keep the incomplete last line
            int rest = filled - end;
            Buffer.BlockCopy(buffer, end, buffer, 0, rest);
            filled = rest;
            if (eof && filled == 0)
            {
                break;
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new JsonlRunSummary(screened + failed, screened, failed, sw.Elapsed);
    }

    private void ProcessChunk(byte[] buffer, List<int> lineStarts, long firstLineNo, Slice[] slices)
    {
        int lines = lineStarts.Count - 1;
        int per = (lines + slices.Length - 1) / slices.Length;
        Parallel.For(0, slices.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, si =>
        {
            var slice = slices[si];
            slice.Output.ResetWrittenCount();
            slice.Errors.Clear();
            slice.Screened = 0;
            slice.Failed = 0;
            int from = si * per, to = Math.Min(lines, from + per);
            for (int i = from; i < to; i++)
            {
                var line = buffer.AsSpan(lineStarts[i], lineStarts[i + 1] - lineStarts[i]);
                line = line.TrimEnd("\r\n"u8);
                if (line.Trim(" \t"u8).IsEmpty)
                {
                    continue; // blank lines are not records
                }

                ProcessLine(line, firstLineNo + i + 1, slice);
            }
        });
    }

    private void ProcessLine(ReadOnlySpan<byte> line, long lineNo, Slice slice)
    {
        ScreeningRequest? request = null;
        int idStart = 0, idLength = 0;
        string? error;
        try
        {
            request = ParseUtf8(line, ref idStart, ref idLength, out error);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + FirstSentence(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            error = "invalid JSON: " + FirstSentence(ex.Message); // e.g. invalid UTF-8 inside a string
        }

        var w = slice.Writer ??= new Utf8JsonWriter(slice.Output, LineWriterOptions);
        w.Reset(slice.Output);
        var rawId = idLength > 0 ? line.Slice(idStart, idLength) : default;
        if (request is null)
        {
            slice.Failed++;
            slice.Errors.Add((lineNo, error!));
            w.WriteStartObject();
            WriteId(w, rawId, idLength > 0);
            w.WriteNumber("line", lineNo);
            w.WriteString("error", error);
            w.WriteEndObject();
        }
        else
        {
            slice.Screened++;
            WriteResult(w, rawId, idLength > 0, _screener.Screen(WithPolicyRules(request)));
        }

        w.Flush();
        slice.Output.Write("\n"u8);
    }

    private static void WriteId(Utf8JsonWriter w, ReadOnlySpan<byte> rawId, bool present)
    {
        if (!present)
        {
            w.WriteNull("id");
            return;
        }

        w.WritePropertyName("id");
        w.WriteRawValue(rawId, skipInputValidation: true);
    }
}
