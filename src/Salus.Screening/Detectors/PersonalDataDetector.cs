using System.Buffers;
using System.Text.RegularExpressions;
using Salus.Screening.Lexicons;

namespace Salus.Screening.Detectors;

/// <summary>Structured personal data (regex candidates, then validators) and personal health data.</summary>
internal static partial class PersonalDataDetector
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    // "drjohn(at)mailbox.org", "mario [at] example [dot] it", "anna chiocciola pec punto it": an address written so that
    // scrapers miss it, which people do in public comments
    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}\s*(?:(?<bracket>[(\[{]\s*(?:at|chiocciola)\s*[)\]}])|\s(?:at|chiocciola)\s)\s*[A-Za-z0-9-]{1,63}(?:\s*(?:\.|[(\[{]\s*(?:dot|punto)\s*[)\]}]|\s(?:dot|punto)\s)\s*[A-Za-z0-9-]{1,63})+(?![\w])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ObfuscatedEmailRegex();

    [GeneratedRegex(@"(?<![\w+])(?:\+|00)?\(?\d[\d \-./()]{5,18}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CodiceFiscaleRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IbanRegex();

    [GeneratedRegex(@"(?<![\d-])\d{4}(?:[ -]?\d{4}){2}(?:[ -]?\d{1,7})(?![\d-])|(?<![\d-])\d{4}[ -]?\d{6}[ -]?\d{5}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardRegex();

    // "123 45 6789" only where the text says it is a social security number (see DetectPatterns)
    [GeneratedRegex(@"(?<![\d-])\d{3}(?<sep>[- ])\d{2}\k<sep>\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex SsnRegex();

    [GeneratedRegex(@"(?<![\d])(?:P\.? ?IVA|partita iva|p\.iva|VAT)?[: ]*(?<n>\d{11})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PivaRegex();

    // the cue may name the birthplace ("born in Leeds on", "nata a Napoli il") or say "is" ("my birthday is", "il compleanno è il")
    private const string BirthCue = @"(?:born(?:\s+in\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?|nat[oa](?:\s+a\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s+il)?|data\s+di\s+nascita|compleanno(?:\s+(?:è|e'))?(?:\s+il)?)";
    private const string BirthCueWords = @"(?:born(?:\s+in\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s+on)?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?|nat[oa](?:\s+a\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s+il)?|data\s+di\s+nascita|compleanno(?:\s+(?:è|e'))?(?:\s+il)?)";
    private const string BirthCueUs = @"(?:born(?:\s+in\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s+on)?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?)";

    [GeneratedRegex(BirthCue + @"[:\s]*(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{2,4})|" + BirthCue + @"[:\s]*(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})|" + BirthCueWords + @"[:\s]*(?<d3>\d{1,2}) (?<mn>[A-Za-z]+),? (?<y3>\d{4})|" + BirthCueUs + @"[:\s]*(?<mn4>[A-Za-z]+) (?<d4>\d{1,2}),? (?<y4>\d{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BirthDateRegex();

    [GeneratedRegex(@"(?:\b(?i:via|viale|piazza|piazzale|corso|largo|vicolo|strada|contrada|lungomare)|(?<![\p{L}.])(?i:c\.so|v\.le|p\.zza|p\.za|p\.le|l\.go))\s+(?:(?:[A-Z\u00C0-\u00DD][\p{L}'’]*\.?|di|de|del|dei|degli|della|delle|dello|da|dal|dalla|e)\s+){0,4}[A-Z\u00C0-\u00DD][\p{L}'’]+,?\s*(?:n\.?\s*)?\d{1,4}[A-Za-z]?\b|\b\d{1,5}\s+(?:[A-Z][\p{L}'’]*\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace)\b\.?|\b(?i:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box|casella\s+postale)\s*\d{1,6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddressRegex();

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ];

    /// <param name="drugs">The drug hits the drug detector kept: a plain word that is also a brand ("target") is no treatment.</param>
    public static void Detect(TextAnalysis a, IReadOnlyList<Hit> drugs, List<Finding> findings)
    {
        DetectPatterns(a.Text, findings);
        DetectHealthData(a, drugs, findings);
    }

    /// <summary>The pattern part (contact data, identifiers, dates of birth, addresses), which needs only the text.</summary>
    public static void DetectPatterns(string text, List<Finding> findings)
    {
        var occupied = new List<(int Start, int End)>();

        void Add(int start, int end, string kind, double score)
        {
            foreach (var (s, e) in occupied)
            {
                if (start < e && s < end)
                {
                    return;
                }
            }

            occupied.Add((start, end));
            findings.Add(new Finding(Categories.PersonalData, start, end, text[start..end], kind, score,
                new Dictionary<string, string> { ["kind"] = kind }));
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            foreach (Match m in EmailRegex().Matches(text))
            {
                if (!IsRoleAddress(m.ValueSpan))
                {
                    Add(m.Index, m.Index + m.Length, "email", 0.99);
                }
            }
        }

        if (MayHoldObfuscatedEmail(text))
        {
            foreach (Match m in ObfuscatedEmailRegex().Matches(text))
            {
                if (IsObfuscatedEmail(m) && !IsRoleAddress(m.ValueSpan))
                {
                    Add(m.Index, m.Index + m.Length, "email", 0.9);
                }
            }
        }

        // a pattern cannot match with fewer digits in the whole text than it needs itself: most social texts have a few
        // ("50mg", "2 weeks"), so the long-number patterns are skipped without running them
        int digits = CountDigits(text);
        bool hasDigits = digits > 0;
        if (HasToken(text, 16))
        {
            foreach (Match m in CodiceFiscaleRegex().Matches(text))
            {
                if (Validators.IsValidCodiceFiscale(m.ValueSpan))
                {
                    Add(m.Index, m.Index + m.Length, "codice-fiscale", 0.99);
                }
            }
        }

        if (hasDigits)
        {
            foreach (Match m in IbanRegex().Matches(text))
            {
                if (Validators.IsValidIban(m.ValueSpan))
                {
                    Add(m.Index, m.Index + m.Length, "iban", 0.99);
                }
            }

            // day, month and a two-digit year at the least
            for (var m = digits >= 4 ? BirthDateRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
            {
                if (IsBirthDate(m))
                {
                    Add(m.Index, m.Index + m.Length, "date-of-birth", 0.9);
                }
            }

            for (var m = digits >= 9 ? SsnRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
            {
                if (Validators.IsValidSsn(m.ValueSpan) && (m.Groups["sep"].ValueSpan[0] == '-' || PrecedingLabel.IsSsn(text, m.Index)))
                {
                    Add(m.Index, m.Index + m.Length, "ssn", 0.95);
                }
            }

            for (var m = digits >= 13 ? CardRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
            {
                if (Validators.IsValidCard(m.ValueSpan))
                {
                    Add(m.Index, m.Index + m.Length, "payment-card", 0.97);
                }
            }

            for (var m = digits >= 11 ? PivaRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
            {
                var g = m.Groups["n"];
                if (Validators.IsValidPartitaIva(g.ValueSpan))
                {
                    Add(g.Index, g.Index + g.Length, "partita-iva", 0.9);
                }
            }

            // the shortest valid number is an Italian landline of six digits
            for (var m = digits >= 6 ? PhoneRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
            {
                var v = m.ValueSpan.TrimEnd(" -./(".AsSpan());
                if (Validators.IsValidPhone(v, out var kind) && !LooksLikeDate(v) && !LooksLikeOtherNumber(v) && !Validators.IsTollFree(v)
                    && !PrecedingLabel.IsOtherIdentifier(text, m.Index))
                {
                    Add(m.Index, m.Index + v.Length, kind, 0.9);
                }
                else if (CountDigits(v) is >= 7 and <= 15 && !LooksLikeDate(v) && PrecedingLabel.IsPhone(text, m.Index) && !PrecedingLabel.IsOtherIdentifier(text, m.Index))
                {
                    Add(m.Index, m.Index + v.Length, "phone", 0.8); // "call me at 555-123-4567": the writer says it is a phone
                }
            }

            foreach (Match m in AddressRegex().Matches(text))
            {
                if (PrecedingLabel.IsOrganisationPremises(text, m.Index))
                {
                    continue;
                }

                Add(m.Index, m.Index + m.Length, "postal-address", 0.85);
            }
        }
    }

    /// <summary>Whether the text may hold an obfuscated e-mail address: "(at)", "[at]", "{at}", or "at"/"chiocciola" between words.</summary>
    internal static bool MayHoldObfuscatedEmail(string text) => text.AsSpan().IndexOfAny(ObfuscationMarks) >= 0;

    // one vectorised pass over every text the depth check sees, instead of one search per mark
    private static readonly System.Buffers.SearchValues<string> ObfuscationMarks = System.Buffers.SearchValues.Create(
        ["at)", "at]", "at}", "chiocciola", " dot ", " punto ", "(dot)"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A bracketed "(at)" with a dotted domain, or a plain " at " whose dots are written as words ("mario at example dot com"):
    /// "I work at google.com" is no address. The last label is letters only, as a top-level domain is.
    /// </summary>
    private static bool IsObfuscatedEmail(Match m)
    {
        var v = m.Value;
        int cut = Math.Max(v.LastIndexOf('.'), Math.Max(v.LastIndexOf(' '), Math.Max(v.LastIndexOf(')'), Math.Max(v.LastIndexOf(']'), v.LastIndexOf('}')))));
        var tld = v.AsSpan(cut + 1);
        if (tld.Length is < 2 or > 24 || tld.ContainsAnyExcept(AsciiLetters))
        {
            return false;
        }

        return m.Groups["bracket"].Success || WordDot().IsMatch(v);
    }

    [GeneratedRegex(@"(?:\s|[(\[{])(?:dot|punto)(?:\s|[)\]}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WordDot();

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    // mailboxes of an organisation's functions, not of a person: "info@", "support@", "privacy@"
    private static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "info", "support", "help", "helpdesk", "contact", "contacts", "contatti", "privacy", "dpo", "press", "stampa", "media",
        "noreply", "no-reply", "newsletter", "marketing", "sales", "vendite", "admin", "webmaster", "office", "ufficio",
        "customerservice", "servizioclienti", "assistenza", "medinfo", "farmacovigilanza", "pharmacovigilance", "segreteria",
    };

    private static bool IsRoleAddress(ReadOnlySpan<char> address)
    {
        int end = address.IndexOfAny('@', '(', '[');
        if (end < 0)
        {
            end = address.IndexOf(' ');
        }

        var local = end < 0 ? address : address[..end].TrimEnd();
        return RoleMailboxes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(local);
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        var rest = text;
        for (int i = rest.IndexOfAny(Digits); i >= 0; i = rest.IndexOfAny(Digits))
        {
            count++;
            rest = rest[(i + 1)..];
        }

        return count;
    }

    /// <summary>
    /// Could <see cref="FullNameRegex"/> match: is there a capitalised word followed, after white space, by another
    /// (\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}, the core every match contains)? char.IsUpper/IsLower/IsWhiteSpace test the same
    /// Unicode categories as the pattern's \p{Lu}, \p{Ll} and \s.
    /// </summary>
    internal static bool MayHoldFullName(string text)
    {
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (!char.IsUpper(text[i]) || !char.IsLower(text[i + 1]))
            {
                continue;
            }

            int j = i + 2;
            while (j < text.Length && char.IsLower(text[j]))
            {
                j++;
            }

            int k = j;
            while (k < text.Length && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k > j && k + 1 < text.Length && char.IsUpper(text[k]) && char.IsLower(text[k + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Could the text hold a codice fiscale (an ASCII letter/digit run of exactly 16 chars)?</summary>
    internal static bool MayHoldCodiceFiscale(string text) => HasToken(text, 16);

    /// <summary>Is there an ASCII letter/digit run of exactly <paramref name="length"/> chars (a codice fiscale candidate)?</summary>
    private static bool HasToken(string text, int length)
    {
        int run = 0;
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                run++;
            }
            else
            {
                if (run == length)
                {
                    return true;
                }

                run = 0;
            }
        }

        return run == length;
    }

    /// <summary>
    /// Numbers a phone pattern also fits: a timestamp ("2022-10-23  10"), a version ("0.19.4.73"), a time-zone offset after a
    /// time ("07 -0700"), a US ZIP+4 code ("02110-1335").
    /// </summary>
    private static bool LooksLikeOtherNumber(ReadOnlySpan<char> v) => OtherNumber().IsMatch(v);

    [GeneratedRegex(@"^(?:(?:19|20)\d\d-[01]\d-[0-3]\d|0\.\d|.*\s[-+]\d{4}$|\d{5}-\d{4}$|\d{3}-\d{2}-\d{4}$)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherNumber();

    private static bool LooksLikeDate(ReadOnlySpan<char> v)
    {
        // 12/03/2024 or 2024-03-12 style
        int seps = 0;
        foreach (char c in v)
        {
            if (c is '/' or '.' or '-')
            {
                seps++;
            }
        }

        return seps == 2 && v.Length <= 10;
    }

    private static bool IsBirthDate(Match m)
    {
        static int P(Group g) => g.Success && int.TryParse(g.ValueSpan, out var v) ? v : -1;
        int d, mo, y;
        if (m.Groups["d"].Success)
        {
            (d, mo, y) = (P(m.Groups["d"]), P(m.Groups["m"]), P(m.Groups["y"]));
            if (!Validators.IsPlausibleBirthDate(y, mo, d) && Validators.IsPlausibleBirthDate(y, d, mo))
            {
                return true; // US month/day order
            }
        }
        else if (m.Groups["y2"].Success)
        {
            (d, mo, y) = (P(m.Groups["d2"]), P(m.Groups["m2"]), P(m.Groups["y2"]));
        }
        else if (m.Groups["d3"].Success)
        {
            (d, mo, y) = (P(m.Groups["d3"]), Month(m.Groups["mn"].Value), P(m.Groups["y3"]));
        }
        else
        {
            (d, mo, y) = (P(m.Groups["d4"]), Month(m.Groups["mn4"].Value), P(m.Groups["y4"]));
        }

        return Validators.IsPlausibleBirthDate(y, mo, d);
    }

    private static int Month(string name)
    {
        int i = Array.IndexOf(MonthNames, name.ToLowerInvariant());
        return i < 0 ? -1 : i % 12 + 1;
    }

    /// <summary>
    /// Personal health data: a reference to a specific person ("my son Luca", "mia moglie", "my name is ...")
    /// linked, in the same sentence, to a condition, a treatment (drug) or a reaction.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}@_.])(?:(?:Mr|Mrs|Ms|Dr|Sig|Sig\.ra|Signor|Signora|Dott|Dott\.ssa)\.?\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex FullNameRegex();

    [GeneratedRegex(@"(?<![\w@])@[A-Za-z0-9_.]{2,30}(?![\w@])", RegexOptions.CultureInvariant)]
    private static partial Regex HandleRegex();

    /// <summary>Capitalised words that start sentences or greet: not a person's name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "this", "that", "these", "my", "our", "your", "his", "her", "their", "i", "we", "you", "he", "she", "they", "it",
        "a", "an", "and", "but", "or", "so", "if", "when", "after", "before", "since", "today", "yesterday", "tomorrow",
        "hello", "hi", "hey", "dear", "thanks", "thank", "please", "good", "great", "doctor", "nurse", "hospital", "pharmacy",
        "il", "lo", "la", "le", "gli", "i", "un", "una", "uno", "mio", "mia", "miei", "mie", "tuo", "tua", "suo", "sua", "nostro",
        "nostra", "e", "ma", "o", "se", "quando", "dopo", "prima", "oggi", "ieri", "domani", "ciao", "salve", "buongiorno",
        "buonasera", "grazie", "caro", "cara", "gentile", "dottore", "medico", "ospedale", "farmacia", "anche", "poi", "ho", "sono",
        "ha", "has", "is", "was", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunedi", "martedi",
        "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
        "agosto", "settembre", "ottobre", "novembre", "dicembre", "italy", "italia", "rome", "roma", "milano", "milan",
    };

    /// <summary>
    /// Personal health data: an identifiable person linked, in the same sentence, to a condition, a medicine or a
    /// reaction. Identifiable = a relative or self reference followed by a name ("my son Luca", "mia madre Maria"),
    /// "my name is…", a full name ("Luca Rossi", "Mr Smith"), an @handle, or — anywhere in the text — contact data
    /// (e-mail, phone, codice fiscale…) next to a first-person health statement. Code "health-data", kind says how.
    /// </summary>
    private static void DetectHealthData(TextAnalysis a, IReadOnlyList<Hit> drugs, List<Finding> findings)
    {
        var healthHits = new List<Hit>();
        healthHits.AddRange(a.Of(LexiconKind.Condition));
        healthHits.AddRange(drugs);
        healthHits.AddRange(a.Of(LexiconKind.Reaction));
        if (healthHits.Count == 0)
        {
            return;
        }

        Hit? Nearest(int sentence, int word, int maxWords)
        {
            Hit? best = null;
            foreach (var h in healthHits)
            {
                if (h.Sentence == sentence && Math.Abs(h.Word - word) <= maxWords && (best is null || Math.Abs(h.Word - word) < Math.Abs(best.Word - word)))
                {
                    best = h;
                }
            }

            return best;
        }

        void Report(int pStart, int pEnd, Hit health, string kind, string person)
        {
            int start = Math.Min(pStart, health.Start), end = Math.Max(pEnd, health.End);
            findings.Add(new Finding(Categories.PersonalData, start, end, a.Text[start..end], "health-data", 0.8,
                new Dictionary<string, string> { ["kind"] = "health-data", ["identified-by"] = kind, ["person"] = person, ["health"] = health.Info.Tag ?? health.Info.Term }));
        }

        // 1. "my son Luca", "mia madre Maria", "my name is"
        foreach (var p in a.Of(LexiconKind.IdentityCue).Concat(a.Of(LexiconKind.HealthPerson))
            .Concat(a.Of(LexiconKind.ThirdPerson).Where(h => h.Info.Term.Contains(' ', StringComparison.Ordinal))))
        {
            // the capitalised word must be a name, not the health term itself ("I'm on Abilify", "I have Crohn's")
            if (NameAfter(a.Text, p.End) is int name && !healthHits.Exists(h => h.Start <= name && name < h.End)
                && Nearest(p.Sentence, p.Word, 50) is { } health)
            {
                Report(p.Start, p.End, health, p.Kind == LexiconKind.IdentityCue ? "self-named" : "named-relative", p.Info.Term);
                return;
            }
        }

        // 2. a full name or an @handle within 8 words of the health term
        foreach (var (regex, kind) in new[] { (FullNameRegex(), "full-name"), (HandleRegex(), "handle") })
        {
            foreach (Match m in regex.Matches(a.Text))
            {
                if (kind == "full-name" && !LooksLikeName(m.Value, a, m.Index, m.Index + m.Length))
                {
                    continue;
                }

                var (sentence, word) = a.Locate(m.Index);
                if (kind == "handle" && AddressesReply(a.Text, m.Index) && a.AnyInSentence(LexiconKind.FirstPerson, sentence))
                {
                    continue; // "@pfizer your vaccine gave me a sore arm": the account addressed, the writer's own health
                }

                if (Nearest(sentence, word, 8) is { } health)
                {
                    Report(m.Index, m.Index + m.Length, health, kind, kind);
                    return;
                }
            }
        }

        // 3. contact data in the text and a first-person health statement: the writer is identifiable
        bool contact = findings.Exists(f => f.Category == Categories.PersonalData && f.Code is not ("health-data" or "date-of-birth" or "postal-address"));
        if (contact)
        {
            foreach (var fp in a.Of(LexiconKind.FirstPerson))
            {
                if (Nearest(fp.Sentence, fp.Word, 8) is { } health)
                {
                    Report(fp.Start, fp.End, health, "contact", fp.Info.Term);
                    return;
                }
            }
        }

        // 4. a relative or friend given a lasting diagnosis ("my brother has schizophrenia", "mio marito è diabetico"): the
        // writer's account identifies them, and they did not choose to share it. The writer's own diagnosis is theirs to
        // tell, and a passing illness or a reaction ("my mum got a rash") is a report, not a diagnosis.
        foreach (var p in a.Of(LexiconKind.HealthPerson))
        {
            if (!RelativeOrFriend.IsRelative(p.Info.Term))
            {
                continue;
            }

            foreach (var c in a.Of(LexiconKind.Condition))
            {
                // the person comes first and the diagnosis is not the writer's own ("my blood pressure… like my sister")
                if (c.Sentence == p.Sentence && c.Word > p.Word && c.Word - p.Word <= RelativeOrFriend.MaxWords
                    && !RelativeOrFriend.IsPassing(c.Info.Tag) && !a.Of(LexiconKind.FirstPerson).Exists(f => f.Sentence == c.Sentence && f.WordEnd == c.Word - 1))
                {
                    Report(p.Start, p.End, c, "relative", p.Info.Term);
                    return;
                }
            }
        }
    }

    /// <summary>Every word capitalised, none a function word or greeting, none a lexicon term (drug, condition...).</summary>
    private static bool LooksLikeName(string value, TextAnalysis a, int start, int end)
    {
        foreach (var w in value.Split([' ', '\t', '\n', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NotNames.Contains(w))
            {
                return false;
            }
        }

        foreach (var kind in new[] { LexiconKind.Drug, LexiconKind.Condition, LexiconKind.Reaction, LexiconKind.Abuse, LexiconKind.Crisis })
        {
            if (a.Of(kind).Exists(h => h.Start < end && start < h.End))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A capitalised name right after the person reference ("my son Luca", "mia figlia Giulia").</summary>
    /// <summary>Whether the handle at <paramref name="at"/> is one of the mentions a reply opens with ("@a @b text").</summary>
    private static bool AddressesReply(string text, int at)
    {
        for (int i = 0; i < at; i++)
        {
            if (text[i] == '@')
            {
                while (i < at && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where a capitalised word of two letters or more starts right after <paramref name="pos"/>, or null.</summary>
    private static int? NameAfter(string text, int pos)
    {
        int i = pos;
        while (i < text.Length && text[i] is ' ' or ',' or ':')
        {
            i++;
        }

        if (i >= text.Length || !char.IsUpper(text[i]))
        {
            return null;
        }

        int j = i;
        while (j < text.Length && char.IsLetter(text[j]))
        {
            j++;
        }

        return j - i >= 2 ? i : null;
    }
}
