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
/// Input: <c>{"id","text","lang"?,"context"?,"market"?,"channel"?,"product"?}</c>. Output:
/// <c>{"id","categories","decision","findings":[{"category","start","end","text","code","score"}],"scores"}</c>;
/// a bad line yields <c>{"id"?,"line","error"}</c> and "line N: message" on the error writer.
/// </summary>
public sealed partial class JsonlScreening
{
    private readonly Screener _screener;

    public JsonlScreening(Screener screener)
    {
        _screener = screener ?? throw new ArgumentNullException(nameof(screener));
    }

    public int BatchSize { get; init; } = 1024;

    /// <summary>The rules in force for a line's market (e.g. the published policy); null or a null result = the default rules.</summary>
    public Func<string?, Rules.RuleSet?>? RulesForMarket { get; init; }

    /// <summary>The categories to look for (<c>--only</c>); null = all.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>The request under the rules in force for its market, unless it names its own, looking for <see cref="Only"/>.</summary>
    private ScreeningRequest WithPolicyRules(ScreeningRequest request)
    {
        if (Only is not null)
        {
            request = request with { Only = Only };
        }

        return RulesForMarket is not null && request.RuleSet is null && RulesForMarket(request.Market) is { } rules ? request with { RuleSet = rules } : request;
    }

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
        catch (InvalidOperationException ex)
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

        request = WithPolicyRules(request);
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
        int max = Encoding.UTF8.GetMaxByteCount(line.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(line, rented);
            var utf8 = rented.AsSpan(0, n);
            int idStart = 0, idLength = 0;
            try
            {
                return ParseUtf8(utf8, ref idStart, ref idLength, out error);
            }
            finally
            {
                // the id is echoed even when the line turns out to be bad JSON after it
                rawId = idLength > 0 ? Encoding.UTF8.GetString(utf8.Slice(idStart, idLength)) : null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Parses one UTF-8 line; the id's raw JSON (a string with its quotes, or a number) is at
    /// [<paramref name="idStart"/>, +<paramref name="idLength"/>) (length 0 = none; set as soon as read, so known even when a later token throws). Throws <see cref="JsonException"/> on bad JSON.
    /// </summary>
    internal static ScreeningRequest? ParseUtf8(ReadOnlySpan<byte> utf8, ref int idStart, ref int idLength, out string? error)
    {
        idStart = 0;
        idLength = 0;
        error = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return null;
        }

        string? text = null, lang = null, context = null, market = null, channel = null, product = null;
        bool productWrongType = false;
        bool textWrongType = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    text = LenientJsonString.Read(ref reader);
                }
                else
                {
                    textWrongType = reader.TokenType != JsonTokenType.Null;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    idStart = (int)reader.TokenStartIndex;
                    idLength = (int)reader.BytesConsumed - idStart;
                }
                else
                {
                    idLength = 0;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("lang"u8) || reader.ValueTextEquals("language"u8))
            {
                reader.Read();
                lang = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                reader.Read();
                context = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("market"u8))
            {
                reader.Read();
                market = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("channel"u8))
            {
                reader.Read();
                channel = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("product"u8))
            {
                reader.Read();
                product = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                productWrongType = reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null);
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
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

        if (productWrongType)
        {
            error = "\"product\" must be a string (the medicine the text is about) or null";
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

        return new ScreeningRequest(text, string.IsNullOrEmpty(lang) ? null : lang, ctx, string.IsNullOrWhiteSpace(market) ? null : market.Trim().ToUpperInvariant(), channel,
            Product: string.IsNullOrWhiteSpace(product) ? null : product.Trim());
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

    private static string ResultLine(ArrayBufferWriter<byte> buffer, string? rawId, ScreeningResult r)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, LineWriterOptions))
        {
            var id = rawId is null ? default : Encoding.UTF8.GetBytes(rawId).AsSpan();
            WriteResult(w, id, rawId is not null, r);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter w, ReadOnlySpan<byte> rawId, bool hasId, ScreeningResult r)
    {
        w.WriteStartObject();
        WriteId(w, rawId, hasId);
        w.WriteStartArray("categories"u8);
        foreach (var c in r.Categories)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteString("decision"u8, DecisionName(r.Decision));
        w.WriteStartArray("findings"u8);
        foreach (var f in r.Findings)
        {
            w.WriteStartObject();
            w.WriteString("category"u8, f.Category);
            w.WriteNumber("start"u8, f.Start);
            w.WriteNumber("end"u8, f.End);
            w.WriteString("text"u8, f.Text);
            if (f.Code is null)
            {
                w.WriteNull("code"u8);
            }
            else
            {
                w.WriteString("code"u8, f.Code);
            }

            w.WriteNumber("score"u8, Math.Round(f.Score, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("scores"u8);
        foreach (var (k, v) in r.Scores)
        {
            w.WriteNumber(k, Math.Round(v, 3));
        }

        w.WriteEndObject();
        if (r.Reasons.Count > 0)
        {
            // the rules that decided, each citing its policy clause and version
            w.WriteStartArray("rules"u8);
            foreach (var reason in r.Reasons)
            {
                w.WriteStartObject();
                w.WriteString("rule"u8, reason.RuleId);
                w.WriteString("clause"u8, reason.ClauseRef);
                w.WriteString("version"u8, reason.PolicyVersion);
                w.WriteString("decision"u8, DecisionName(reason.Decision));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string ErrorLine(ArrayBufferWriter<byte> buffer, string? rawId, long lineNumber, string error)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, LineWriterOptions))
        {
            w.WriteStartObject();
            WriteId(w, rawId is null ? default : Encoding.UTF8.GetBytes(rawId), rawId is not null);

            w.WriteNumber("line", lineNumber);
            w.WriteString("error", error);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
