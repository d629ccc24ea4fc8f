using System.Collections.Frozen;
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Screening.Lexicons;

/// <summary>
/// Every lexicon the engine matches (drugs, reactions, cues...) compiled into ONE automaton over normalised text.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class ScreeningLexicon
{
    private readonly TermInfo[][] _payloads;

    private ScreeningLexicon(AhoCorasick automaton, TermInfo[][] payloads, IReadOnlyList<string> patterns, IReadOnlyList<DrugEntry> drugs, FuzzyDrugIndex fuzzy, TimeSpan buildTime)
    {
        Fuzzy = fuzzy;
        Automaton = automaton;
        _payloads = payloads;
        Patterns = patterns;
        Drugs = drugs;
        BuildTime = buildTime;
        DrugNames = drugs.Select(d => d.Surface).ToHashSet(StringComparer.Ordinal);
    }

    public AhoCorasick Automaton { get; }

    /// <summary>The misspelling fallback (one edit from a drug name).</summary>
    public FuzzyDrugIndex Fuzzy { get; }

    public IReadOnlyList<string> Patterns { get; }

    public IReadOnlyList<DrugEntry> Drugs { get; }

    public IReadOnlySet<string> DrugNames { get; }

    public TimeSpan BuildTime { get; }

    public IReadOnlyList<TermInfo> PayloadOf(int pattern) => _payloads[pattern];

    /// <summary>The meanings of a pattern as an array (hot path: no interface enumerator).</summary>
    internal TermInfo[] Payload(int pattern) => _payloads[pattern];

    /// <summary>Loads the embedded generated and curated resources and compiles the automaton.</summary>
    public static ScreeningLexicon LoadEmbedded()
    {
        var asm = typeof(ScreeningLexicon).Assembly;
        return Build(name => OpenResource(asm, name));
    }

    /// <summary>Builds from a resource opener (name such as "Curated/reactions.en.tsv" → stream or null).</summary>
    public static ScreeningLexicon Build(Func<string, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var sw = Stopwatch.StartNew();
        var terms = new Dictionary<string, List<TermInfo>>(1 << 16, StringComparer.Ordinal);
        var curated = new Dictionary<string, List<TermInfo>>(1 << 12, StringComparer.Ordinal);
        var target = curated;

        // the generated drug list (the biggest input) is decompressed and parsed on another core meanwhile
        var drugRows = Task.Run(() => ReadDrugRows(open));

        void Add(string rawTerm, TermInfo info, bool normalized = false)
        {
            var t = normalized ? rawTerm : TextNormalizer.NormalizeTerm(rawTerm);
            if (t.Length == 0)
            {
                return;
            }

            if (!target.TryGetValue(t, out var list))
            {
                list = new List<TermInfo>(1);
                target[t] = list;
            }

            list.Add(info with { Term = t });
        }

        // Curated lists, per language, with built-in fallbacks merged in.
        foreach (var lang in new[] { "en", "it" })
        {
            bool en = lang == "en";
            foreach (var f in Tsv(open($"Curated/reactions.{lang}.tsv")))
            {
                int serious = f.Length > 2 && f[2].Trim() == "1" ? 1 : 0;
                string id = f.Length > 1 ? f[1].Trim() : "reaction";
                foreach (var v in Inflections(f[0], lang))
                {
                    Add(v, new TermInfo(LexiconKind.Reaction, lang, v, id, serious, null));
                }
            }

            AddList(LexiconKind.Withdrawal, $"withdrawal.{lang}.txt");
            AddList(LexiconKind.AeCue, $"ae-cues.{lang}.txt");
            AddList(LexiconKind.Negation, $"negation.{lang}.txt");
            AddList(LexiconKind.Speculation, $"speculation.{lang}.txt");
            AddList(LexiconKind.Indication, $"indication.{lang}.txt");
            AddList(LexiconKind.Efficacy, $"efficacy.{lang}.txt");
            AddList(LexiconKind.Inquiry, $"inquiry.{lang}.txt");
            AddList(LexiconKind.Crisis, $"crisis.{lang}.txt");
            AddList(LexiconKind.Promotional, $"promotional.{lang}.txt");
            AddList(LexiconKind.HealthPerson, $"health-persons.{lang}.txt");
            foreach (var f in Tsv(open($"Curated/abuse.{lang}.txt")))
            {
                _ = int.TryParse(f.Length > 1 ? f[1].Trim() : "1", out int sev);
                Add(f[0], new TermInfo(LexiconKind.Abuse, lang, f[0], null, Math.Max(1, sev), null));
            }

            foreach (var f in Tsv(open($"Curated/conditions.{lang}.tsv")))
            {
                foreach (var v in Inflections(f[0], lang))
                {
                    Add(v, new TermInfo(LexiconKind.Condition, lang, v, f.Length > 1 ? f[1].Trim() : null, 0, null));
                }
            }

            foreach (var (t, k) in en ? BuiltInTerms.CrisisEn : BuiltInTerms.CrisisIt)
            {
                Add(t, new TermInfo(LexiconKind.Crisis, lang, t, k, 0, null));
            }

            foreach (var (t, k) in en ? BuiltInTerms.PromotionalEn : BuiltInTerms.PromotionalIt)
            {
                Add(t, new TermInfo(LexiconKind.Promotional, lang, t, k, 0, null));
            }

            foreach (var (t, s) in en ? BuiltInTerms.AbuseEn : BuiltInTerms.AbuseIt)
            {
                Add(t, new TermInfo(LexiconKind.Abuse, lang, t, null, s, null));
            }

            foreach (var (t, id) in en ? BuiltInTerms.ConditionsEn : BuiltInTerms.ConditionsIt)
            {
                Add(t, new TermInfo(LexiconKind.Condition, lang, t, id, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.StopwordsEn : BuiltInTerms.StopwordsIt)
            {
                Add(t, new TermInfo(LexiconKind.Stopword, lang, t, null, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.DrugCuesEn : BuiltInTerms.DrugCuesIt)
            {
                Add(t, new TermInfo(LexiconKind.DrugCue, lang, t, "cue", 0, null));
            }

            foreach (var t in en ? BuiltInTerms.DrugReferencesEn : BuiltInTerms.DrugReferencesIt)
            {
                Add(t, new TermInfo(LexiconKind.DrugCue, lang, t, "reference", 1, null));
            }

            foreach (var t in en ? BuiltInTerms.FirstPersonEn : BuiltInTerms.FirstPersonIt)
            {
                Add(t, new TermInfo(LexiconKind.FirstPerson, lang, t, null, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.ThirdPersonEn : BuiltInTerms.ThirdPersonIt)
            {
                Add(t, new TermInfo(LexiconKind.ThirdPerson, lang, t, null, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.CausalityDenialEn : BuiltInTerms.CausalityDenialIt)
            {
                Add(t, new TermInfo(LexiconKind.CausalityDenial, lang, t, null, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.SpeculationExtraEn : BuiltInTerms.SpeculationExtraIt)
            {
                Add(t, new TermInfo(LexiconKind.Speculation, lang, t, "builtin", 0, null));
            }

            foreach (var t in en ? BuiltInTerms.CrisisTopicEn : BuiltInTerms.CrisisTopicIt)
            {
                Add(t, new TermInfo(LexiconKind.CrisisTopic, lang, t, null, 0, null));
            }

            foreach (var t in en ? BuiltInTerms.IdentityCuesEn : BuiltInTerms.IdentityCuesIt)
            {
                Add(t, new TermInfo(LexiconKind.IdentityCue, lang, t, null, 0, null));
            }

            void AddList(LexiconKind kind, string file)
            {
                foreach (var f in Tsv(open("Curated/" + file)))
                {
                    Add(f[0], new TermInfo(kind, lang, f[0], f.Length > 1 ? f[1].Trim() : null, 0, null));
                }
            }
        }

        foreach (var t in Lines(open("Curated/disclosure.txt")).Concat(BuiltInTerms.Disclosure))
        {
            Add(t.Split('\t')[0], new TermInfo(LexiconKind.Disclosure, null, t, null, 0, null));
        }

        target = terms;

        // Drugs (generated)
        var drugs = new List<DrugEntry>(60000);
        var drugBySurface = new Dictionary<string, DrugEntry>(StringComparer.Ordinal);
        var ambiguousExtra = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lang in new[] { "en", "it" })
        {
            foreach (var line in Lines(open($"Curated/brand-stopwords.{lang}.txt")))
            {
                ambiguousExtra.Add(TextNormalizer.NormalizeTerm(line.Split('\t')[0]));
            }
        }

        foreach (var line in drugRows.GetAwaiter().GetResult())
        {
            var e = ParseDrug(line, ambiguousExtra);
            drugs.Add(e);
            drugBySurface[e.Surface] = e;
            Add(e.Surface, new TermInfo(LexiconKind.Drug, null, e.Surface, null, 0, e), normalized: true);
        }

        foreach (var line in Lines(open("Curated/drug-aliases.tsv")))
        {
            var f = line.Split('\t');
            if (f.Length < 2)
            {
                continue;
            }

            var alias = TextNormalizer.NormalizeTerm(f[0]);
            var canonical = TextNormalizer.NormalizeTerm(f[1]);
            if (alias.Length == 0 || drugBySurface.ContainsKey(alias))
            {
                continue;
            }

            var known = drugBySurface.TryGetValue(canonical, out var c) ? c : null;
            var entry = known is null
                ? new DrugEntry(alias, f[1].Trim(), [], null, null, null, null, null, null, ambiguousExtra.Contains(alias), "c")
                : known with { Surface = alias, Ambiguous = ambiguousExtra.Contains(alias), Sources = known.Sources + "c" };
            drugs.Add(entry);
            drugBySurface[alias] = entry;
            Add(alias, new TermInfo(LexiconKind.Drug, null, alias, null, 0, entry), normalized: true);
        }

        // curated terms after the drug terms, in their order (a pattern's meanings: drugs first)
        foreach (var (t, infos) in curated)
        {
            if (terms.TryGetValue(t, out var list))
            {
                list.AddRange(infos);
            }
            else
            {
                terms[t] = infos;
            }
        }

        var patterns = terms.Keys.ToArray();
        Array.Sort(patterns, StringComparer.Ordinal);
        var payloads = new TermInfo[patterns.Length][];
        for (int i = 0; i < patterns.Length; i++)
        {
            payloads[i] = [.. terms[patterns[i]]];
        }

        var fuzzy = Task.Run(() => new FuzzyDrugIndex(drugs, FuzzyDrugIndex.LoadPlainWords(open(FuzzyDrugIndex.PlainWordsResource))));
        var ac = new AhoCorasick(patterns);
        return new ScreeningLexicon(ac, payloads, patterns, drugs, fuzzy.GetAwaiter().GetResult(), sw.Elapsed);
    }

    /// <summary>Plural and singular variants of the last word of a reaction or condition term.</summary>
    internal static IEnumerable<string> Inflections(string term, string lang)
    {
        var t = TextNormalizer.NormalizeTerm(term);
        if (t.Length == 0)
        {
            yield break;
        }

        yield return t;
        int sp = t.LastIndexOf(' ');
        string head = sp < 0 ? "" : t[..(sp + 1)];
        string last = t[(sp + 1)..];
        if (last.Length < 4)
        {
            yield break;
        }

        foreach (var v in RegularInflections(head, last, lang))
        {
            // a form that is also a common word is no reaction: the plural of "coma" is "come" ("like"), the most common
            // Italian word after the articles
            if (!(sp < 0 && IsCommonWord(v, lang)))
            {
                yield return v;
            }
        }
    }

    private static readonly FrozenSet<string> CommonWordsEn = BuiltInTerms.StopwordsEn.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CommonWordsIt =
        BuiltInTerms.StopwordsIt.Concat(["rimessi", "scarichi", "stance"]).ToFrozenSet(StringComparer.Ordinal);

    private static bool IsCommonWord(string word, string lang) => (lang == "en" ? CommonWordsEn : CommonWordsIt).Contains(word);

    private static IEnumerable<string> RegularInflections(string head, string last, string lang)
    {
        if (lang == "en")
        {
            if (!last.EndsWith('s'))
            {
                yield return head + last + "s";
            }
        }
        else
        {
            char end = last[^1];
            string stem = last[..^1];
            switch (end)
            {
                case 'o':
                    yield return head + stem + "i";
                    break;
                case 'a':
                    yield return head + stem + "e";
                    break;
                case 'e':
                    yield return head + stem + "i";
                    break;
                default:
                    break;
            }
        }
    }

    private static List<string> ReadDrugRows(Func<string, Stream?> open)
    {
        var rows = new List<string>(60000);
        using var gz = open("Generated/" + LexiconBuilder.FileName);
        if (gz is null)
        {
            return rows;
        }

        using var z = new GZipStream(gz, CompressionMode.Decompress);
        using var r = new StreamReader(z, Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line);
            }
        }

        return rows;
    }

    private static DrugEntry ParseDrug(string line, HashSet<string> ambiguousExtra)
    {
        var f = line.Split('\t');
        static string? N(string[] f, int i) => i < f.Length && f[i].Length > 0 ? f[i] : null;
        static bool? B(string[] f, int i) => N(f, i) switch { "1" => true, "0" => false, _ => null };
        var ingredients = N(f, 2)?.Split(';') ?? [];
        return new DrugEntry(
            f[0],
            N(f, 1) ?? f[0],
            ingredients,
            N(f, 3),
            N(f, 4),
            N(f, 5),
            N(f, 6),
            B(f, 7),
            B(f, 8),
            N(f, 9) == "1" || ambiguousExtra.Contains(f[0]),
            N(f, 10) ?? "");
    }

    private static IEnumerable<string> Lines(Stream? s)
    {
        if (s is null)
        {
            yield break;
        }

        using var r = new StreamReader(s, Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            var t = line.TrimEnd('\r');
            if (t.Trim().Length == 0 || t.TrimStart().StartsWith('#'))
            {
                // '#' starts a comment, but "#ad" style hashtags are entries: a comment has a space or '#' after it.
                var tt = t.TrimStart();
                if (tt.Length > 1 && tt[0] == '#' && char.IsLetterOrDigit(tt[1]))
                {
                    yield return tt;
                }

                continue;
            }

            yield return t.Trim();
        }
    }

    private static IEnumerable<string[]> Tsv(Stream? s)
    {
        foreach (var line in Lines(s))
        {
            var f = line.Split('\t');
            if (f[0].Trim().Length > 0)
            {
                f[0] = f[0].Trim();
                yield return f;
            }
        }
    }

    private static Stream? OpenResource(Assembly asm, string name) => asm.GetManifestResourceStream(name);
}
