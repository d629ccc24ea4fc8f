using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Salus.Screening.Cli;

/// <summary>Output format of <see cref="JsonlScreening"/>.</summary>
public enum ScreenOutputFormat
{
    Jsonl,
    Text,
}

/// <summary>Counts of a run: lines read, screened, failed (bad JSON or no text).</summary>
public sealed record JsonlRunSummary(long Lines, long Screened, long Failed, TimeSpan Elapsed);

/// <summary>
/// The <c>salus screen</c> logic: JSONL in, one line out per input line, same order. Lines are read in
/// batches and screened in parallel; the next batch is read while the previous one is screened.
/// Input: <c>{"id","text","lang"?,"context"?,"market"?,"channel"?}</c>. Output:
/// <c>{"id","categories","decision","findings":[{"category","start","end","text","code","score"}],"scores"}</c>;
/// a bad line yields <c>{"id"?,"line","error"}</c> and "line N: message" on the error writer.
/// </summary>
public sealed class JsonlScreening
{
    private readonly Screener _screener;

    public JsonlScreening(Screener screener)
    {
        _screener = screener ?? throw new ArgumentNullException(nameof(screener));
    }

    public int BatchSize { get; init; } = 1024;

    /// <summary>The rules in force for a line's market (e.g. the published policy); null or a null result = the default rules.</summary>
    public Func<string?, Rules.RuleSet?>? RulesForMarket { get; init; }

    private sealed class Item
    {
        public long LineNumber;
        public string Line = "";
        public string? Output;
        public string? Error;
    }

    public async Task<JsonlRunSummary> RunAsync(TextReader input, TextWriter output, TextWriter errors, ScreenOutputFormat format = ScreenOutputFormat.Jsonl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long lineNo = 0, screened = 0, failed = 0;
        Task<Item[]>? pending = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new List<Item>(BatchSize);
            string? line;
            while (batch.Count < BatchSize && (line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
            {
                lineNo++;
                if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
                {
                    continue; // blank lines are not records
                }

                batch.Add(new Item { LineNumber = lineNo, Line = line });
            }

            if (pending is not null)
            {
                var done = await pending.ConfigureAwait(false);
                (long s, long f) = await WriteAsync(done, output, errors).ConfigureAwait(false);
                screened += s;
                failed += f;
                pending = null;
            }

            if (batch.Count == 0)
            {
                break;
            }

            var items = batch.ToArray();
            pending = Task.Run(() => Process(items, format), cancellationToken);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new JsonlRunSummary(screened + failed, screened, failed, sw.Elapsed);
    }

    private static async Task<(long Screened, long Failed)> WriteAsync(Item[] items, TextWriter output, TextWriter errors)
    {
        long s = 0, f = 0;
        foreach (var it in items)
        {
            if (it.Error is not null)
            {
                f++;
                await errors.WriteLineAsync($"line {it.LineNumber.ToString(CultureInfo.InvariantCulture)}: {it.Error}").ConfigureAwait(false);
            }
            else
            {
                s++;
            }

            await output.WriteAsync(it.Output).ConfigureAwait(false);
        }

        return (s, f);
    }

    private Item[] Process(Item[] items, ScreenOutputFormat format)
    {
        Parallel.For(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new ArrayBufferWriter<byte>(4096), (i, _, buffer) =>
        {
            ProcessOne(items[i], format, buffer);
            return buffer;
        }, _ => { });
        return items;
    }

    private void ProcessOne(Item item, ScreenOutputFormat format, ArrayBufferWriter<byte> buffer)
    {
        string? rawId = null;
        ScreeningRequest? request = null;
        try
        {
            request = Parse(item.Line, out rawId, out var error);
            if (request is null)
            {
                item.Error = error;
            }
        }
        catch (JsonException ex)
        {
            item.Error = "invalid JSON: " + FirstSentence(ex.Message);
        }

        if (request is null)
        {
            item.Output = format == ScreenOutputFormat.Jsonl
                ? ErrorLine(buffer, rawId, item.LineNumber, item.Error!)
                : $"line {item.LineNumber.ToString(CultureInfo.InvariantCulture)}: error: {item.Error}\n\n";
            return;
        }

        if (RulesForMarket is not null && request.RuleSet is null && RulesForMarket(request.Market) is { } rules)
        {
            request = request with { RuleSet = rules };
        }

        var result = _screener.Screen(request);
        item.Output = format == ScreenOutputFormat.Jsonl
            ? ResultLine(buffer, rawId, result)
            : TextReport.Format(rawId, item.LineNumber, request, result) + "\n";
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..(i + 1)] : message;
    }

    /// <summary>Parses one input line; returns null with <paramref name="error"/> when it is not a usable record.</summary>
    internal static ScreeningRequest? Parse(string line, out string? rawId, out string? error)
    {
        rawId = null;
        error = null;
        int max = Encoding.UTF8.GetMaxByteCount(line.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(line, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, n), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not a JSON object";
                return null;
            }

            string? text = null, lang = null, context = null, market = null, channel = null;
            bool textWrongType = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "id":
                        rawId = reader.TokenType switch
                        {
                            JsonTokenType.String or JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan) is var v && reader.TokenType == JsonTokenType.String
                                ? JsonSerializer.Serialize(reader.GetString(), ScreeningJsonContext.Default.String) : v,
                            _ => null,
                        };
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }

                        break;
                    case "text":
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            text = reader.GetString();
                        }
                        else
                        {
                            textWrongType = reader.TokenType != JsonTokenType.Null;
                            reader.Skip();
                        }

                        break;
                    case "lang":
                    case "language":
                        lang = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    case "context":
                        context = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    case "market":
                        market = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    case "channel":
                        channel = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                error = "invalid JSON object";
                return null;
            }

            // nothing may follow the object on the line
            if (reader.Read())
            {
                error = "unexpected content after the JSON object";
                return null;
            }

            if (text is null)
            {
                error = textWrongType ? "\"text\" must be a string" : "missing \"text\"";
                return null;
            }

            if (!TryParseContext(context, out var ctx))
            {
                error = $"unknown context \"{context}\"";
                return null;
            }

            lang = lang?.Trim().ToLowerInvariant();
            if (lang is not (null or "" or "en" or "it"))
            {
                lang = null; // unsupported language: detect
            }

            return new ScreeningRequest(text, string.IsNullOrEmpty(lang) ? null : lang, ctx, string.IsNullOrWhiteSpace(market) ? null : market.Trim().ToUpperInvariant(), channel);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses "inbound", "outbound", "employee-share", "community", "reply" (null = inbound).</summary>
    public static bool TryParseContext(string? value, out ScreeningContext context)
    {
        context = ScreeningContext.Inbound;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "inbound":
                return true;
            case "outbound":
                context = ScreeningContext.Outbound;
                return true;
            case "employee-share" or "employeeshare" or "employee_share":
                context = ScreeningContext.EmployeeShare;
                return true;
            case "community":
                context = ScreeningContext.Community;
                return true;
            case "reply":
                context = ScreeningContext.Reply;
                return true;
            default:
                return false;
        }
    }

    public static string DecisionName(Decision d) => d switch
    {
        Decision.Allow => "allow",
        Decision.Review => "review",
        Decision.Block => "block",
        _ => "escalate",
    };

    private static readonly JsonWriterOptions LineWriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>The input's id is echoed verbatim (string or number), or null when the line had none.</summary>
    private static void WriteId(Utf8JsonWriter w, string? rawId)
    {
        if (rawId is null)
        {
            w.WriteNull("id");
            return;
        }

        w.WritePropertyName("id");
        w.WriteRawValue(rawId, skipInputValidation: true);
    }

    private static string ResultLine(ArrayBufferWriter<byte> buffer, string? rawId, ScreeningResult r)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, LineWriterOptions))
        {
            w.WriteStartObject();
            WriteId(w, rawId);

            w.WriteStartArray("categories");
            foreach (var c in r.Categories)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteString("decision", DecisionName(r.Decision));
            w.WriteStartArray("findings");
            foreach (var f in r.Findings)
            {
                w.WriteStartObject();
                w.WriteString("category", f.Category);
                w.WriteNumber("start", f.Start);
                w.WriteNumber("end", f.End);
                w.WriteString("text", f.Text);
                if (f.Code is null)
                {
                    w.WriteNull("code");
                }
                else
                {
                    w.WriteString("code", f.Code);
                }

                w.WriteNumber("score", Math.Round(f.Score, 3));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("scores");
            foreach (var (k, v) in r.Scores)
            {
                w.WriteNumber(k, Math.Round(v, 3));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static string ErrorLine(ArrayBufferWriter<byte> buffer, string? rawId, long lineNumber, string error)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, LineWriterOptions))
        {
            w.WriteStartObject();
            WriteId(w, rawId);

            w.WriteNumber("line", lineNumber);
            w.WriteString("error", error);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
