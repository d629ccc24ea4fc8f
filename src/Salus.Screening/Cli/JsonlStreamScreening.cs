using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace Salus.Screening.Cli;

/// <summary>
/// The byte-level JSONL path used for files, as a pipeline without barriers: one reader cuts the input into blocks of
/// whole lines, every core takes the next block as soon as it is free and screens its lines, and one writer emits the
/// blocks' outputs in input order. Lines are never turned into strings; each worker writes with one reusable
/// <see cref="Utf8JsonWriter"/> straight into its block's byte buffer. The only per-line allocations are the request's
/// text and the engine's result. At most <see cref="BlocksInFlight"/> blocks are held at once.
/// </summary>
public sealed partial class JsonlScreening
{
    private const int BlocksInFlight = 16;

    [ThreadStatic]
    private static Utf8JsonWriter? t_lineWriter; // one per worker thread, pointed at each line's block output

    private readonly System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>> _outputs = [];

    /// <summary>Bytes of input per block (a block grows to hold a longer line).</summary>
    public int StreamBlockBytes { get; init; } = 1 << 18;

    private sealed class Slice
    {
        public byte[] Input = [];
        public int Length;
        public long FirstLine;
        public ArrayBufferWriter<byte>? Output;
        public readonly List<(long Line, string Message)> Errors = [];
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
        var work = Channel.CreateBounded<Slice>(new BoundedChannelOptions(BlocksInFlight) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Slice>(new BoundedChannelOptions(BlocksInFlight) { SingleWriter = true, SingleReader = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var workers = new Task[Environment.ProcessorCount];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Factory.StartNew(() => Work(work.Reader, failed), token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }

        var writer = WriteInOrderAsync(ordered.Reader, output, errors, failed, token);
        var reader = ReadBlocksAsync(input, work.Writer, ordered.Writer, token);
        try
        {
            await reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // a worker or the writer failed and stopped the run: its exception is the one to report
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            work.Writer.TryComplete();
            ordered.Writer.TryComplete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var (screened, bad) = await writer.ConfigureAwait(false);
        await reader.ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new JsonlRunSummary(screened + bad, screened, bad, sw.Elapsed);
    }

    /// <summary>Cuts the input into blocks of whole lines, numbered by their first line, and hands each to the workers and the writer.</summary>
    private async Task ReadBlocksAsync(Stream input, ChannelWriter<Slice> work, ChannelWriter<Slice> ordered, CancellationToken token)
    {
        byte[] carry = ArrayPool<byte>.Shared.Rent(StreamBlockBytes);
        int carried = 0;
        long lineNo = 0;
        bool eof = false, first = true;
        while (!eof || carried > 0)
        {
            byte[] buffer = carry;
            int filled = carried;
            while (!eof && filled < buffer.Length)
            {
                int n = await input.ReadAsync(buffer.AsMemory(filled), token).ConfigureAwait(false);
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

            int end = eof ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end <= start && !eof)
            {
                // a line longer than the block: grow and read on
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                carry = bigger;
                carried = filled;
                continue;
            }

            first = false;

            // the incomplete last line moves to the next block's buffer
            carried = filled - end;
            carry = ArrayPool<byte>.Shared.Rent(Math.Max(StreamBlockBytes, carried * 2));
            buffer.AsSpan(end, carried).CopyTo(carry);
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
            }

            var block = new Slice { Input = buffer, Length = end, FirstLine = lineNo + 1 };
            lineNo += buffer.AsSpan(0, end).Count((byte)'\n') + (end > 0 && buffer[end - 1] != (byte)'\n' ? 1 : 0);
            await ordered.WriteAsync(block, token).ConfigureAwait(false);
            await work.WriteAsync(block, token).ConfigureAwait(false);
        }

        ArrayPool<byte>.Shared.Return(carry);
    }

    private async Task Work(ChannelReader<Slice> work, CancellationTokenSource failed)
    {
        try
        {
            while (await work.WaitToReadAsync(failed.Token).ConfigureAwait(false))
            {
                while (work.TryRead(out var block))
                {
                    try
                    {
                        ProcessBlock(block);
                        block.Done.TrySetResult();
                    }
                    catch (Exception ex)
                    {
                        block.Done.TrySetException(ex);
                        throw;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // stopped: the failure is reported by whoever stopped the run
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Writes each block's output and errors in input order as soon as it is screened.</summary>
    private async Task<(long Screened, long Failed)> WriteInOrderAsync(ChannelReader<Slice> ordered, Stream output, TextWriter errors, CancellationTokenSource stop, CancellationToken token)
    {
        long screened = 0, failed = 0;
        try
        {
            await foreach (var block in ordered.ReadAllAsync(token).ConfigureAwait(false))
            {
                await block.Done.Task.WaitAsync(token).ConfigureAwait(false);
                await output.WriteAsync(block.Output!.WrittenMemory, token).ConfigureAwait(false);
                foreach (var (line, message) in block.Errors)
                {
                    await errors.WriteLineAsync($"line {line.ToString(CultureInfo.InvariantCulture)}: {message}").ConfigureAwait(false);
                }

                screened += block.Screened;
                failed += block.Failed;
                ArrayPool<byte>.Shared.Return(block.Input);
                _outputs.Add(block.Output);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }

        return (screened, failed);
    }

    private void ProcessBlock(Slice block)
    {
        var output = _outputs.TryTake(out var pooled) ? pooled : new ArrayBufferWriter<byte>(1 << 19);
        output.ResetWrittenCount();
        block.Output = output;
        var data = block.Input.AsSpan(0, block.Length);
        long lineNo = block.FirstLine;
        while (!data.IsEmpty)
        {
            int nl = data.IndexOf((byte)'\n');
            var line = nl < 0 ? data : data[..nl];
            data = nl < 0 ? default : data[(nl + 1)..];
            line = line.TrimEnd("\r\n"u8);
            if (!line.Trim(" \t"u8).IsEmpty)
            {
                ProcessLine(line, lineNo, block); // blank lines are not records
            }

            lineNo++;
        }
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

        var w = t_lineWriter ??= new Utf8JsonWriter(slice.Output!, LineWriterOptions);
        w.Reset(slice.Output!);
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
        slice.Output!.Write("\n"u8);
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
