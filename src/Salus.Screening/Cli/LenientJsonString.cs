using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Salus.Screening.Cli;

/// <summary>
/// Reads a JSON string whose escapes may hold a lone surrogate ("\udce9"), as a platform leaves it when it cuts a text in
/// the middle of an emoji. JSON's grammar allows it, System.Text.Json refuses to make a string of it; here each unpaired
/// surrogate becomes U+FFFD, one UTF-16 unit for one, so offsets into the text stay those of the sender's string.
/// Anything else that is wrong (invalid UTF-8) is still refused.
/// </summary>
internal static class LenientJsonString
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            byte[] raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            try
            {
                return Unescape(raw);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidOperationException("the string is not valid UTF-8");
            }
        }
    }

    /// <summary>Unescapes the raw bytes of a JSON string the reader has already validated; unpaired surrogates become U+FFFD.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            int slash = raw[i..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                text.Append(StrictUtf8.GetString(raw[i..]));
                break;
            }

            text.Append(StrictUtf8.GetString(raw.Slice(i, slash)));
            i += slash;
            byte escape = raw[i + 1];
            if (escape == (byte)'u')
            {
                _ = Utf8Parser.TryParse(raw.Slice(i + 2, 4), out ushort unit, out _, 'X');
                text.Append((char)unit);
                i += 6;
                continue;
            }

            text.Append(escape switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => (char)escape, // \" \\ \/
            });
            i += 2;
        }

        for (int k = 0; k < text.Length; k++)
        {
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
            }
            else if (char.IsSurrogate(text[k]))
            {
                text[k] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
