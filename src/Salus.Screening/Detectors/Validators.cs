namespace Salus.Screening.Detectors;

/// <summary>Check-digit and format validators for structured personal data.</summary>
public static class Validators
{
    private static readonly int[] CfOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    private const string Omocodia = "LMNPQRSTUV";
    private const string Months = "ABCDEHLMPRST";
    private static readonly int[] CfDigitPositions = [6, 7, 9, 10, 12, 13, 14];

    /// <summary>Italian codice fiscale of a person: format, omocodia letters, month, day, check letter.</summary>
    public static bool IsValidCodiceFiscale(ReadOnlySpan<char> cf)
    {
        if (cf.Length != 16)
        {
            return false;
        }

        Span<char> c = stackalloc char[16];
        for (int i = 0; i < 16; i++)
        {
            c[i] = char.ToUpperInvariant(cf[i]);
        }

        for (int i = 0; i < 16; i++)
        {
            bool digitPlace = Array.IndexOf(CfDigitPositions, i) >= 0;
            char ch = c[i];
            if (digitPlace)
            {
                if (!char.IsAsciiDigit(ch) && !Omocodia.Contains(ch, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterUpper(ch))
            {
                return false;
            }
        }

        if (!Months.Contains(c[8], StringComparison.Ordinal))
        {
            return false;
        }

        int day = DecodeDigit(c[9]) * 10 + DecodeDigit(c[10]);
        if (!(day is >= 1 and <= 31 or >= 41 and <= 71))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 15; i++)
        {
            char ch = c[i];
            int v = char.IsAsciiDigit(ch) ? ch - '0' : ch - 'A';
            sum += (i % 2 == 0) ? CfOdd[v] : v;
        }

        return c[15] == (char)('A' + sum % 26);
    }

    private static int DecodeDigit(char ch) => char.IsAsciiDigit(ch) ? ch - '0' : Omocodia.IndexOf(ch, StringComparison.Ordinal);

    /// <summary>Italian partita IVA: 11 digits, Luhn-style check digit, office code not 000.</summary>
    public static bool IsValidPartitaIva(ReadOnlySpan<char> piva)
    {
        if (piva.Length != 11)
        {
            return false;
        }

        foreach (char ch in piva)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        if (piva[..7].IndexOfAnyExcept('0') < 0)
        {
            return false;
        }

        return Luhn(piva);
    }

    /// <summary>IBAN: country code, check digits, mod 97 = 1; Italian IBANs must be 27 chars.</summary>
    public static bool IsValidIban(ReadOnlySpan<char> raw)
    {
        Span<char> s = stackalloc char[40];
        int n = 0;
        foreach (char ch in raw)
        {
            if (ch is ' ' or '-')
            {
                continue;
            }

            if (n >= 34 || !char.IsAsciiLetterOrDigit(ch))
            {
                return false;
            }

            s[n++] = char.ToUpperInvariant(ch);
        }

        if (n < 15 || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[1]) || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]))
        {
            return false;
        }

        if (s[0] == 'I' && s[1] == 'T' && n != 27)
        {
            return false;
        }

        int rem = 0;
        for (int k = 0; k < n; k++)
        {
            char ch = s[(k + 4) % n];
            if (char.IsAsciiDigit(ch))
            {
                rem = (rem * 10 + (ch - '0')) % 97;
            }
            else
            {
                int v = ch - 'A' + 10;
                rem = (rem * 100 + v) % 97;
            }
        }

        return rem == 1;
    }

    /// <summary>Luhn check over the digits of <paramref name="digits"/> (separators ignored).</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool dbl = false;
        int count = 0;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            char ch = digits[i];
            if (ch is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }

            int d = ch - '0';
            if (dbl)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            dbl = !dbl;
            count++;
        }

        return count > 1 && sum % 10 == 0;
    }

    /// <summary>Payment card: 13–19 digits, a known issuer prefix, Luhn.</summary>
    public static bool IsValidCard(ReadOnlySpan<char> raw)
    {
        Span<char> d = stackalloc char[24];
        int n = 0;
        foreach (char ch in raw)
        {
            if (ch is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(ch) || n >= 19)
            {
                return false;
            }

            d[n++] = ch;
        }

        if (n < 13)
        {
            return false;
        }

        var digits = d[..n];
        int p2 = (digits[0] - '0') * 10 + (digits[1] - '0');
        int p4 = int.Parse(digits[..4]);
        bool prefix = digits[0] == '4' || p2 is >= 51 and <= 55 || p4 is >= 2221 and <= 2720 || p2 is 34 or 37
            || p4 == 6011 || p2 == 65 || p2 is 35 or 36 or 30 or 38 or 39 || p2 is 62;
        return prefix && Luhn(digits);
    }

    /// <summary>US social security number AAA-GG-SSSS: area not 000/666/9xx, group not 00, serial not 0000.</summary>
    public static bool IsValidSsn(ReadOnlySpan<char> raw)
    {
        Span<char> d = stackalloc char[9];
        int n = 0;
        foreach (char ch in raw)
        {
            if (ch is '-' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(ch) || n >= 9)
            {
                return false;
            }

            d[n++] = ch;
        }

        if (n != 9)
        {
            return false;
        }

        int area = int.Parse(d[..3]), group = int.Parse(d[3..5]), serial = int.Parse(d[5..]);
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
            && !(d.SequenceEqual("123456789") || d.SequenceEqual("078051120"));
    }

    /// <summary>Phone numbers: E.164 (+CC...), Italian mobile/landline, US NANP.</summary>
    public static bool IsValidPhone(ReadOnlySpan<char> raw, out string kind)
    {
        kind = "";
        Span<char> d = stackalloc char[20];
        if (!TryPhoneDigits(raw, d, out int n, out bool plus))
        {
            return false;
        }

        var digits = d[..n];
        if (plus || (n > 2 && digits[0] == '0' && digits[1] == '0'))
        {
            var intl = plus ? digits : digits[2..];
            if (intl.Length is < 8 or > 15 || intl[0] == '0')
            {
                return false;
            }

            if (intl.StartsWith("39"))
            {
                kind = "phone-it";
                return IsItalianNational(intl[2..]);
            }

            if (intl[0] == '1')
            {
                kind = "phone-us";
                return IsNanp(intl[1..]);
            }

            kind = "phone-e164";
            return true;
        }

        if (IsItalianNational(digits))
        {
            kind = "phone-it";
            return true;
        }

        if (n == 11 && digits[0] == '1' && IsNanp(digits[1..]))
        {
            kind = "phone-us";
            return true;
        }

        if (n == 10 && IsNanp(digits))
        {
            kind = "phone-us";
            return true;
        }

        return false;
    }

    /// <summary>
    /// A toll-free service number — US 800, 888, 877, 866, 855, 844, 833; Italian numero verde 800, 803 — is an
    /// organisation's line, not a person's. For a number <see cref="IsValidPhone"/> accepts.
    /// </summary>
    public static bool IsTollFree(ReadOnlySpan<char> raw)
    {
        Span<char> d = stackalloc char[20];
        if (!TryPhoneDigits(raw, d, out int n, out bool plus))
        {
            return false;
        }

        var digits = d[..n];
        bool international = plus || digits.StartsWith("00");
        if (digits.StartsWith("00"))
        {
            digits = digits[2..];
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }
        else if (international && digits.StartsWith("39"))
        {
            digits = digits[2..]; // +39 800…, not a mobile number that starts with 39
        }

        return digits.Length >= 6 && (digits.StartsWith("800") || digits.StartsWith("888") || digits.StartsWith("877") || digits.StartsWith("866")
            || digits.StartsWith("855") || digits.StartsWith("844") || digits.StartsWith("833") || digits.StartsWith("803"));
    }

    /// <summary>The digits of a phone number written with separators (space, - . ( ) /) and an optional leading '+'.</summary>
    private static bool TryPhoneDigits(ReadOnlySpan<char> raw, Span<char> digits, out int length, out bool plus)
    {
        length = 0;
        plus = false;
        foreach (char ch in raw)
        {
            if (ch == '+' && length == 0)
            {
                plus = true;
                continue;
            }

            if (ch is ' ' or '-' or '.' or '(' or ')' or '/')
            {
                continue;
            }

            if (!char.IsAsciiDigit(ch) || length >= digits.Length)
            {
                return false;
            }

            digits[length++] = ch;
        }

        return true;
    }

    private static bool IsItalianNational(ReadOnlySpan<char> d)
    {
        if (d.Length == 0)
        {
            return false;
        }

        // mobile 3xx xxxxxxx (9–10 digits); landline 0x... (6–11 digits)
        return (d[0] == '3' && d.Length is 9 or 10) || (d[0] == '0' && d.Length is >= 6 and <= 11 && d[1] != '0');
    }

    private static bool IsNanp(ReadOnlySpan<char> d) =>
        d.Length == 10 && d[0] is >= '2' and <= '9' && d[3] is >= '2' and <= '9';

    /// <summary>A plausible calendar date of birth (not in the future relative to 2100, after 1900).</summary>
    public static bool IsPlausibleBirthDate(int year, int month, int day)
    {
        if (year < 100)
        {
            year += year < 30 ? 2000 : 1900;
        }

        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}
