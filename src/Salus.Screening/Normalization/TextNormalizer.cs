using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Salus.Screening.Normalization;

/// <summary>
/// Folds text for matching: NFKC-compatible decomposition, case fold, diacritics stripped, format
/// characters (zero-width, bidi controls, soft hyphen) removed, runs of whitespace and punctuation
/// collapsed to one space. Every output char keeps the UTF-16 range of the original char(s) it came from.
/// '#' and '%' survive as themselves so that "#ad" and "100%" can be matched.
/// </summary>
public static class TextNormalizer
{
    private const char Drop = '\0';
    private const char Separator = '\u0001';
    private const char Multi = '\u0002';

    private static readonly char[] FoldTable = BuildTable(out MultiMap);
    private static readonly Dictionary<char, string> MultiMap;
    private static readonly ConcurrentDictionary<int, string> AstralCache = new();

    private static char[] BuildTable(out Dictionary<char, string> multi)
    {
        var table = new char[65536];
        multi = [];
        for (int i = 0; i < 65536; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = Separator;
                continue;
            }

            string folded = FoldString(c.ToString());
            if (folded.Length == 0)
            {
                table[i] = Drop;
            }
            else if (folded.Length == 1)
            {
                table[i] = folded[0];
            }
            else
            {
                table[i] = Multi;
                multi[c] = folded;
            }
        }

        return table;
    }

    /// <summary>Folds one code point (as a string); returns "" to drop, "\u0001" for a separator.</summary>
    private static string FoldString(string s)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(s, 0);
        switch (cat)
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return string.Empty;
            default:
                break;
        }

        if (s[0] is '#' or '%')
        {
            return s;
        }

        bool isAlnum = cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
        if (!isAlnum)
        {
            return "\u0001";
        }

        string d;
        try
        {
            d = s.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            return "\u0001";
        }

        var sb = new StringBuilder(d.Length);
        foreach (char ch in d)
        {
            var cc = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cc is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch) || ch is '#' or '%')
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                sb.Append(Separator);
            }
        }

        return sb.ToString();
    }

    /// <summary>Normalises a lexicon term or any short string (no offset map).</summary>
    public static string NormalizeTerm(string term)
    {
        using var n = Normalize(term);
        return n.Span.Trim(' ').ToString();
    }

    /// <summary>Normalises <paramref name="text"/>; dispose the result to return its pooled buffers.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int cap = text.Length + 16;
        var buf = ArrayPool<char>.Shared.Rent(cap);
        var starts = ArrayPool<int>.Shared.Rent(cap);
        var ends = ArrayPool<int>.Shared.Rent(cap);
        int n = 0;
        bool lastSep = true; // suppress leading separators
        var table = FoldTable;

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = table[c];
            if (f > Multi)
            {
                if (n + 1 >= buf.Length)
                {
                    Grow(ref buf, ref starts, ref ends, n);
                }

                buf[n] = f;
                starts[n] = i;
                ends[n] = i + 1;
                n++;
                lastSep = false;
                continue;
            }

            if (f == Drop)
            {
                continue;
            }

            int len = 1;
            string? expansion = null;
            if (f == Multi)
            {
                expansion = MultiMap[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                len = 2;
                int cp = char.ConvertToUtf32(c, text[i + 1]);
                expansion = AstralCache.GetOrAdd(cp, static v => FoldString(char.ConvertFromUtf32(v)));
                if (expansion.Length == 0)
                {
                    i++;
                    continue;
                }
            }

            if (expansion is null)
            {
                // separator (including a lone surrogate)
                if (!lastSep)
                {
                    if (n + 1 >= buf.Length)
                    {
                        Grow(ref buf, ref starts, ref ends, n);
                    }

                    buf[n] = ' ';
                    starts[n] = i;
                    ends[n] = i + 1;
                    n++;
                    lastSep = true;
                }

                continue;
            }

            foreach (char e in expansion)
            {
                if (n + 1 >= buf.Length)
                {
                    Grow(ref buf, ref starts, ref ends, n);
                }

                if (e == Separator)
                {
                    if (lastSep)
                    {
                        continue;
                    }

                    buf[n] = ' ';
                    lastSep = true;
                }
                else
                {
                    buf[n] = e;
                    lastSep = false;
                }

                starts[n] = i;
                ends[n] = i + len;
                n++;
            }

            i += len - 1;
        }

        return new NormalizedText(text, buf, starts, ends, n);
    }

    private static void Grow(ref char[] buf, ref int[] starts, ref int[] ends, int used)
    {
        int size = buf.Length * 2;
        var nb = ArrayPool<char>.Shared.Rent(size);
        var ns = ArrayPool<int>.Shared.Rent(size);
        var ne = ArrayPool<int>.Shared.Rent(size);
        buf.AsSpan(0, used).CopyTo(nb);
        starts.AsSpan(0, used).CopyTo(ns);
        ends.AsSpan(0, used).CopyTo(ne);
        ArrayPool<char>.Shared.Return(buf);
        ArrayPool<int>.Shared.Return(starts);
        ArrayPool<int>.Shared.Return(ends);
        buf = nb;
        starts = ns;
        ends = ne;
    }

    /// <summary>True for chars that form words in normalised text (letters and digits).</summary>
    public static bool IsWordChar(char c) => c > '%' && char.IsLetterOrDigit(c);
}

/// <summary>Normalised text with a map from each normalised char back to its original UTF-16 range.</summary>
public sealed class NormalizedText : IDisposable
{
    private char[]? _buffer;
    private int[]? _starts;
    private int[]? _ends;

    internal NormalizedText(string original, char[] buffer, int[] starts, int[] ends, int length)
    {
        Original = original;
        _buffer = buffer;
        _starts = starts;
        _ends = ends;
        Length = length;
    }

    public string Original { get; }

    public int Length { get; }

    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, Length);

    /// <summary>Original UTF-16 start of the normalised char at <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => index >= Length ? Original.Length : _starts![index];

    /// <summary>Original UTF-16 end (exclusive) of the normalised char at <paramref name="index"/>.</summary>
    public int OriginalEnd(int index) => index < 0 ? 0 : _ends![index];

    /// <summary>Maps a normalised range [start, end) to the original range.</summary>
    public (int Start, int End) ToOriginal(int start, int end) =>
        end <= start ? (OriginalStart(start), OriginalStart(start)) : (OriginalStart(start), OriginalEnd(end - 1));

    public override string ToString() => new(Span);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            ArrayPool<int>.Shared.Return(_starts!);
            ArrayPool<int>.Shared.Return(_ends!);
            _buffer = null;
            _starts = null;
            _ends = null;
        }
    }
}
