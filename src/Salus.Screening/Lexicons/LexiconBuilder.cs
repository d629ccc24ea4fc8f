using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Salus.Screening.Normalization;

namespace Salus.Screening.Lexicons;

/// <summary>Counts reported by <see cref="LexiconBuilder.Build"/>.</summary>
public sealed record LexiconBuildReport(int Entries, int Ambiguous, int DrugBank, int OrangeBook, int Aifa, TimeSpan Elapsed, string OutputFile);

/// <summary>
/// Generates <c>Resources/Generated/drugs.tsv.gz</c> from the shared data folder
/// (DrugBank open vocabulary, FDA Orange Book, AIFA lists). Run it through
/// <c>dotnet test --filter Regenerate_drug_lexicon</c> with SALUS_REGENERATE=1, or call it from any tool.
/// Optional dictionary word lists (e.g. Debian's wamerican/witalian, /usr/share/dict) mark names that are
/// also ordinary words as ambiguous; the flag is stored in the generated file so a clone needs no dictionaries.
/// </summary>
public static class LexiconBuilder
{
    public const string FileName = "drugs.tsv.gz";

    // Drug names that are also dictionary words but are unambiguous in practice.
    private static readonly HashSet<string> KnownDrugWords = new(StringComparer.Ordinal)
    {
        "aspirin", "aspirina", "insulin", "insulina", "morphine", "morfina", "codeine", "codeina", "penicillin",
        "penicillina", "methadone", "metadone", "quinine", "chinino", "valium", "prozac", "xanax", "viagra",
        "tylenol", "advil", "ibuprofen", "paracetamol", "paracetamolo", "acetaminophen", "heparin", "eparina",
        "cortisone", "cortisone", "digitalis", "lithium", "litio", "melatonin", "melatonina", "warfarin",
        "benadryl", "novocaine", "novocain", "laudanum", "atropine", "atropina", "adrenaline", "adrenalina",
        "epinephrine", "cocaine", "heroin", "ritalin", "zoloft", "tachipirina", "aulin", "brufen",
        "lasix", "coumadin", "seroquel", "zyprexa", "haldol", "lexotan", "tavor", "xanor", "ativan",
        "antibiotic", "penicilline", "estrogen", "progesterone", "testosterone", "cortisol", "oxytocin",
        "ketamine", "ketamina", "propofol", "botox", "naloxone", "naltrexone", "fentanyl", "oxycodone",
        "hydrocodone", "tramadol", "diazepam", "lorazepam", "clonazepam", "prednisone", "amoxicillin",
    };

    private static readonly string[] SaltWords =
    [
        "hydrochloride", "hydrobromide", "hcl", "sodium", "potassium", "calcium", "magnesium", "maleate", "mesylate",
        "besylate", "tartrate", "bitartrate", "succinate", "fumarate", "citrate", "sulfate", "sulphate", "phosphate",
        "acetate", "dihydrate", "monohydrate", "trihydrate", "hemihydrate", "anhydrous", "bromide", "chloride",
        "hyclate", "tosylate", "malate", "lactate", "gluconate", "nitrate", "oxalate", "pamoate", "propionate",
        "dipropionate", "valerate", "xinafoate", "disodium", "meglumine", "tromethamine", "hydrate", "base",
        "cloridrato", "sodico", "sodica", "potassico", "calcico", "maleato", "mesilato", "besilato", "tartrato",
        "succinato", "fumarato", "citrato", "solfato", "fosfato", "acetato", "diidrato", "monoidrato", "bromidrato",
    ];

    private static readonly HashSet<string> JunkSynonymWords = new(StringComparer.Ordinal)
    {
        "compound", "related", "impurity", "anion", "ion", "cation", "salt", "radical", "residue", "form", "derivative",
        "solution", "standard", "reference", "analog", "metabolite", "isomer", "racemic", "usp", "ep", "bp", "jp", "inn",
    };

    // Well-known Italian over-the-counter brands whose ingredient the AIFA Banca Dati list does not give.
    private static readonly Dictionary<string, string> ItalianOtcBrands = new(StringComparer.Ordinal)
    {
        ["tachipirina"] = "paracetamol", ["efferalgan"] = "paracetamol", ["moment"] = "ibuprofen",
        ["nurofen"] = "ibuprofen", ["oki"] = "ketoprofen", ["aulin"] = "nimesulide", ["voltaren"] = "diclofenac",
        ["aspirina"] = "acetylsalicylic acid", ["buscopan"] = "butylscopolamine", ["maalox"] = "aluminium hydroxide",
        ["enterogermina"] = "bacillus clausii", ["vivin c"] = "acetylsalicylic acid", ["froben"] = "flurbiprofen",
        ["bentelan"] = "betamethasone", ["fluimucil"] = "acetylcysteine", ["lasix"] = "furosemide",
    };

    /// <summary>
    /// Ingredients sold over the counter (OTC/SOP) in Italy in some presentation: the open AIFA lists do not say which
    /// products are OTC, so these generic names never get rx-it (curated by the Salus team from common pharmacy knowledge).
    /// </summary>
    private static readonly HashSet<string> ItalianOtcIngredients = new(StringComparer.Ordinal)
    {
        "paracetamolo", "ibuprofene", "ketoprofene", "acido acetilsalicilico", "diclofenac", "naprossene", "flurbiprofene",
        "dexketoprofene", "cetirizina", "loratadina", "desloratadina", "omeprazolo", "pantoprazolo", "esomeprazolo",
        "lansoprazolo", "ranitidina", "famotidina", "loperamide", "bisacodile", "butilscopolamina", "acetilcisteina",
        "ambroxolo", "carbocisteina", "destrometorfano", "xilometazolina", "nafazolina", "oximetazolina", "clotrimazolo",
        "miconazolo", "econazolo", "aciclovir", "minoxidil", "nicotina", "dimenidrinato", "magnesio idrossido",
        "alginato di sodio", "simeticone", "lattulosio", "macrogol", "idrocortisone", "benzidamina", "clorexidina",
        "levocetirizina", "fexofenadina", "domperidone", "orlistat", "sodio cromoglicato", "ketotifene", "mometasone",
        "beclometasone", "fluticasone", "budesonide", "sucralfato", "mebeverina", "piroxicam", "lidocaina",
    };

    private sealed class Acc
    {
        public string Product = "";
        public int ProductRank = int.MaxValue;
        public SortedSet<string> Ingredients = new(StringComparer.Ordinal);
        public string? DrugBankId;
        public string? Aic;
        public string? Atc;
        public string? ApplNo;
        public bool UsRx;
        public bool UsOtc;
        public bool ItAh;
        public bool IsGeneric;
        public SortedSet<char> Sources = [];

        public void SetProduct(string product, int rank)
        {
            if (rank < ProductRank)
            {
                Product = product;
                ProductRank = rank;
            }
        }
    }

    /// <summary>Builds the drug lexicon from <paramref name="sharedDataDir"/> (the folder holding <c>drugs/</c>).</summary>
    public static LexiconBuildReport Build(string sharedDataDir, string outDir, IEnumerable<string>? dictionaryFiles = null)
    {
        var sw = Stopwatch.StartNew();
        string drugs = Path.Combine(sharedDataDir, "drugs");
        var acc = new Dictionary<string, Acc>(StringComparer.Ordinal);
        var dbByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var dbCommon = new Dictionary<string, string>(StringComparer.Ordinal);
        int nDb = 0, nOb = 0, nAifa = 0;

        Acc Get(string surface)
        {
            if (!acc.TryGetValue(surface, out var a))
            {
                a = new Acc();
                acc[surface] = a;
            }

            return a;
        }

        // --- DrugBank open vocabulary (CC0)
        using (var r = new StreamReader(Path.Combine(drugs, "drugbank_vocabulary.csv"), Encoding.UTF8))
        {
            bool header = true;
            foreach (var f in DelimitedReader.Read(r, ','))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                if (f.Length < 6)
                {
                    continue;
                }

                string id = f[0], common = f[2];
                dbCommon[id] = common;
                var names = new List<(string Name, bool Common)> { (common, true) };
                foreach (var syn in f[5].Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    names.Add((syn, false));
                }

                foreach (var (name, isCommon) in names)
                {
                    var s = CleanName(name, allowDigits: isCommon);
                    if (s is null || (!isCommon && (s.Count(c => c == ' ') > 2 || s.Split(' ').Any(JunkSynonymWords.Contains))))
                    {
                        continue;
                    }

                    dbByName.TryAdd(s, id);
                    var a = Get(s);
                    a.DrugBankId ??= id;
                    a.IsGeneric = true;
                    a.SetProduct(common, isCommon ? 10 : 20);
                    a.Ingredients.Add(common);
                    a.Sources.Add('d');
                    nDb++;
                }
            }
        }

        // --- FDA Orange Book (public domain)
        var obIngredientStatus = new Dictionary<string, (bool Rx, bool Otc)>(StringComparer.Ordinal);
        using (var r = new StreamReader(Path.Combine(drugs, "orange-book-products.txt"), Encoding.UTF8))
        {
            r.ReadLine();
            string? line;
            while ((line = r.ReadLine()) is not null)
            {
                var f = line.Split('~');
                if (f.Length < 13)
                {
                    continue;
                }

                string type = f[12].Trim();
                var ingredients = f[0].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(BaseIngredient).Where(x => x.Length > 0).Distinct().ToList();
                string appl = (f[5].Trim() == "N" ? "N" : "A") + f[6].Trim();
                foreach (var ing in ingredients)
                {
                    var ni = CleanName(ing, allowDigits: false);
                    if (ni is null)
                    {
                        continue;
                    }

                    obIngredientStatus.TryGetValue(ni, out var st);
                    obIngredientStatus[ni] = (st.Rx || type == "RX", st.Otc || type == "OTC");
                    var a = Get(ni);
                    a.IsGeneric = true;
                    a.SetProduct(Title(ing), 30);
                    a.Ingredients.Add(Title(ing));
                    a.Sources.Add('o');
                }

                var trade = CleanName(f[2], allowDigits: false);
                if (trade is null)
                {
                    continue;
                }

                var t = Get(trade);
                t.SetProduct(Title(f[2].Trim()), trade == TextNormalizer.NormalizeTerm(f[0]) ? 30 : 15);
                foreach (var ing in ingredients)
                {
                    t.Ingredients.Add(Title(ing));
                }

                t.ApplNo ??= appl;
                t.UsRx |= type == "RX";
                t.UsOtc |= type == "OTC";
                t.Sources.Add('o');
                nOb++;
            }
        }

        foreach (var (ing, st) in obIngredientStatus)
        {
            var a = acc[ing];
            a.UsRx |= st.Rx;
            a.UsOtc |= st.Otc;
        }

        // --- AIFA: class A, class H (prescription), transparency list with ATC, Banca Dati names
        var italianIngredients = new HashSet<string>(StringComparer.Ordinal);
        var rxItIngredients = new HashSet<string>(StringComparer.Ordinal);      // in class A/H or the transparency list
        var rxProductCodes = new HashSet<string>(StringComparer.Ordinal);       // 6-digit AIC product roots in A/H/transparency
        bool collectingRx = true;

        static string? ProductCode(string? aic) =>
            aic is { Length: >= 6 } && aic.All(char.IsAsciiDigit) ? (aic.Length >= 9 ? aic.PadLeft(9, '0')[..6] : aic.PadLeft(6, '0')[..6]) : null;

        void AddItalianIngredient(string principio, string? atc)
        {
            foreach (var part in principio.Split(['/', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var baseName = BaseIngredient(part);
                var n = CleanName(baseName, allowDigits: false);
                if (n is null)
                {
                    continue;
                }

                italianIngredients.Add(n);
                if (collectingRx)
                {
                    rxItIngredients.Add(n);
                }

                var a = Get(n);
                a.IsGeneric = true;
                a.SetProduct(Title(baseName), 35);
                var english = TranslateInn(n, dbByName);
                if (english is not null)
                {
                    a.DrugBankId ??= dbByName[english];
                    a.Ingredients.Add(dbCommon[dbByName[english]]);
                    if (acc.TryGetValue(english, out var en))
                    {
                        a.UsRx |= en.UsRx;
                        a.UsOtc |= en.UsOtc;
                    }
                }
                else
                {
                    a.Ingredients.Add(Title(baseName));
                }

                if (atc is not null && principio.IndexOfAny(['/', ',']) < 0)
                {
                    a.Atc ??= atc;
                }

                a.Sources.Add('a');
            }
        }

        void AddItalianBrand(string brandRaw, string principio, string? aic, string? atc, bool classAh, char source)
        {
            var brand = CleanName(brandRaw, allowDigits: false);
            if (brand is null)
            {
                return;
            }

            // "PARACETAMOLO ALTER" / "ACARBOSIO DOC GENERICI": a generic sold under the company's name.
            int sp = brand.IndexOf(' ', StringComparison.Ordinal);
            var product = ProductCode(aic);
            classAh |= product is not null && rxProductCodes.Contains(product);
            if (sp > 0 && (italianIngredients.Contains(brand[..sp]) || dbByName.ContainsKey(brand[..sp])) && !italianIngredients.Contains(brand))
            {
                return;
            }

            var a = Get(brand);
            a.SetProduct(Title(brandRaw.Trim()), italianIngredients.Contains(brand) ? 35 : 16);
            foreach (var part in principio.Split(['/', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var n = CleanName(BaseIngredient(part), allowDigits: false);
                var english = n is null ? null : TranslateInn(n, dbByName);
                a.Ingredients.Add(english is not null ? dbCommon[dbByName[english]] : Title(BaseIngredient(part)));
                if (english is not null && principio.IndexOfAny(['/', ',']) < 0)
                {
                    a.DrugBankId ??= dbByName[english];
                }
            }

            a.Aic ??= aic;
            a.Atc ??= atc;
            a.ItAh |= classAh && !italianIngredients.Contains(brand); // a generic name's status is decided per ingredient below
            a.Sources.Add(source);
            nAifa++;
        }

        var aifa = Path.Combine(drugs, "aifa");
        var classRows = new List<(string Principio, string Brand, string Aic)>();
        using (var r = new StreamReader(Path.Combine(aifa, "farmaci_classe_A.csv"), Encoding.UTF8))
        {
            foreach (var f in DelimitedReader.Read(r, ';'))
            {
                if (f.Length > 5 && f[5].Trim().All(char.IsAsciiDigit) && f[5].Trim().Length > 0)
                {
                    classRows.Add((f[0], f[2].Split('*')[0], f[5].Trim()));
                }
            }
        }

        using (var r = new StreamReader(Path.Combine(aifa, "farmaci_classe_H.csv"), Encoding.UTF8))
        {
            foreach (var f in DelimitedReader.Read(r, ';'))
            {
                if (f.Length > 7 && f[7].Trim().Length > 0 && f[7].Trim().All(char.IsAsciiDigit))
                {
                    classRows.Add((f[0], f[2].Split('*')[0], f[7].Trim()));
                }
            }
        }

        var equivalenti = new List<(string Principio, string Atc, string Aic, string Brand)>();
        using (var r = new StreamReader(Path.Combine(aifa, "farmaci_equivalenti.csv"), Encoding.UTF8))
        {
            bool header = true;
            foreach (var f in DelimitedReader.Read(r, ';'))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                if (f.Length > 4)
                {
                    equivalenti.Add((f[0], f[2].Trim(), f[3].Trim().PadLeft(9, '0'), f[4]));
                }
            }
        }

        var atcByPrincipio = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in equivalenti)
        {
            atcByPrincipio.TryAdd(e.Principio.Trim().ToUpperInvariant(), e.Atc);
        }

        foreach (var row in classRows)
        {
            atcByPrincipio.TryGetValue(row.Principio.Trim().ToUpperInvariant(), out var atc);
            AddItalianIngredient(row.Principio, atc);
            if (ProductCode(row.Aic) is { } code)
            {
                rxProductCodes.Add(code);
            }
        }

        foreach (var e in equivalenti)
        {
            if (ProductCode(e.Aic) is { } code)
            {
                rxProductCodes.Add(code);
            }
        }

        foreach (var e in equivalenti)
        {
            AddItalianIngredient(e.Principio, e.Atc);
        }

        foreach (var row in classRows)
        {
            atcByPrincipio.TryGetValue(row.Principio.Trim().ToUpperInvariant(), out var atc);
            AddItalianBrand(row.Brand, row.Principio, row.Aic, atc, classAh: true, 'a');
        }

        foreach (var e in equivalenti)
        {
            AddItalianBrand(e.Brand, e.Principio, e.Aic, e.Atc, classAh: true, 'a');
        }

        collectingRx = false;
        using (var fs = File.OpenRead(Path.Combine(aifa, "lista_farmaci_aifa_bancadati.json")))
        using (var doc = JsonDocument.Parse(fs))
        {
            foreach (var el in doc.RootElement.EnumerateArray())
            {
                var name = el.TryGetProperty("descrizione_farmaco", out var d) ? d.GetString() : null;
                var code = el.TryGetProperty("codice_farmaco", out var c) ? c.GetString() : null;
                if (name is not null)
                {
                    AddItalianBrand(name, "", code, null, classAh: false, 'b');
                }
            }
        }

        // --- Italian generic names: prescription-only when the ingredient is in class A/H or the transparency list and has
        // no known OTC presentation: none in the Orange Book (same DrugBank id) and not a common Italian OTC/SOP ingredient
        var otcDrugBankIds = acc.Values.Where(v => v.UsOtc && v.DrugBankId is not null).Select(v => v.DrugBankId!).ToHashSet(StringComparer.Ordinal);
        foreach (var n in rxItIngredients)
        {
            var a = acc[n];
            if (!ItalianOtcIngredients.Contains(n) && !a.UsOtc && (a.DrugBankId is null || !otcDrugBankIds.Contains(a.DrugBankId)))
            {
                a.ItAh = true;
            }
        }

        // --- fill DrugBank ids and ingredients from the single ingredient where the source gave none
        foreach (var (surface, a) in acc)
        {
            if (ItalianOtcBrands.TryGetValue(surface, out var inn) && a.Ingredients.Count == 0)
            {
                a.Ingredients.Add(dbByName.TryGetValue(inn, out var iid) ? dbCommon[iid] : Title(inn));
            }

            if (a.DrugBankId is null && a.Ingredients.Count == 1)
            {
                var ni = TextNormalizer.NormalizeTerm(a.Ingredients.Min!);
                if (dbByName.TryGetValue(ni, out var id))
                {
                    a.DrugBankId = id;
                }
            }
        }

        // --- ambiguity: names that are ordinary words
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in dictionaryFiles ?? [])
        {
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file, DetectEncoding(file)))
            {
                var w = line.Trim();
                if (w.Length == 0 || char.IsUpper(w[0]) || w.Contains('\'', StringComparison.Ordinal))
                {
                    continue;
                }

                words.Add(TextNormalizer.NormalizeTerm(w));
            }
        }

        Directory.CreateDirectory(outDir);
        var outFile = Path.Combine(outDir, FileName);
        int ambiguous = 0;
        using (var fs = File.Create(outFile))
        using (var gz = new GZipStream(fs, CompressionLevel.SmallestSize))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            w.WriteLine("# Salus drug lexicon, generated by LexiconBuilder from DrugBank open vocabulary (CC0), FDA Orange Book (public domain), AIFA open data (CC BY 4.0). See ATTRIBUTION.md.");
            w.WriteLine("# surface\tproduct\tingredients\tdrugbank\taic\tatc\torangebook\trx_us\trx_it\tambiguous\tsources");
            foreach (var (surface, a) in acc.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                bool amb = !KnownDrugWords.Contains(surface) && IsOrdinaryWords(surface, words);
                if (amb)
                {
                    ambiguous++;
                }

                string rxUs = a.UsOtc ? "0" : a.UsRx ? "1" : "";
                string rxIt = a.ItAh ? "1" : "";
                w.Write(surface);
                w.Write('\t');
                w.Write(a.Product);
                w.Write('\t');
                w.Write(string.Join(';', a.Ingredients.Take(6)));
                w.Write('\t');
                w.Write(a.DrugBankId);
                w.Write('\t');
                w.Write(a.Aic);
                w.Write('\t');
                w.Write(a.Atc);
                w.Write('\t');
                w.Write(a.ApplNo);
                w.Write('\t');
                w.Write(rxUs);
                w.Write('\t');
                w.Write(rxIt);
                w.Write('\t');
                w.Write(amb ? "1" : "");
                w.Write('\t');
                w.Write(string.Concat(a.Sources));
                w.Write('\n');
            }
        }

        return new LexiconBuildReport(acc.Count, ambiguous, nDb, nOb, nAifa, sw.Elapsed, outFile);
    }

    private static Encoding DetectEncoding(string file)
    {
        var bytes = File.ReadAllBytes(file);
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }

    private static bool IsOrdinaryWords(string surface, HashSet<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var part in surface.Split(' '))
        {
            if (!words.Contains(part) && !(part.Length <= 2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maps an Italian INN to the English one in DrugBank by its usual suffix changes.</summary>
    private static string? TranslateInn(string italian, Dictionary<string, string> dbByName)
    {
        if (dbByName.ContainsKey(italian))
        {
            return italian;
        }

        string[] candidates;
        if (italian.StartsWith("acido ", StringComparison.Ordinal))
        {
            var rest = italian[6..];
            candidates = [rest.EndsWith("ico", StringComparison.Ordinal) ? rest[..^3] + "ic acid" : rest + " acid"];
        }
        else
        {
            var list = new List<string>();
            if (italian.EndsWith("ina", StringComparison.Ordinal))
            {
                list.Add(italian[..^1] + "e");
                list.Add(italian[..^1]);
            }

            if (italian.EndsWith('a') || italian.EndsWith('o') || italian.EndsWith('e'))
            {
                list.Add(italian[..^1]);
                list.Add(italian[..^1] + "e");
            }

            if (italian.EndsWith("olo", StringComparison.Ordinal))
            {
                list.Add(italian[..^1]);
            }

            list.Add(italian.Replace("f", "ph", StringComparison.Ordinal));
            candidates = [.. list];
        }

        foreach (var c in candidates)
        {
            if (dbByName.ContainsKey(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>"SERTRALINE HYDROCHLORIDE" → "SERTRALINE".</summary>
    private static string BaseIngredient(string ingredient)
    {
        var parts = ingredient.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = parts.Length;
        while (n > 1 && SaltWords.Contains(parts[n - 1].ToLowerInvariant()))
        {
            n--;
        }

        return string.Join(' ', parts, 0, n);
    }

    /// <summary>Normalised surface, or null for junk (too short, numbers, formulas, long chemical names).</summary>
    internal static string? CleanName(string raw, bool allowDigits)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 60)
        {
            return null;
        }

        if (raw.IndexOfAny(['(', ')', '[', ']', '{', '}', ',', ';', ':', '/', '+', '=', '<', '>', '®', '™', '&']) >= 0)
        {
            return null;
        }

        if (raw.Any(char.IsDigit) && (!allowDigits || char.IsDigit(raw.Trim()[0]) || raw.Count(char.IsDigit) > 2))
        {
            return null;
        }

        var n = TextNormalizer.NormalizeTerm(raw);
        if ((n.Length < 4 && !ItalianOtcBrands.ContainsKey(n)) || n.Contains('#', StringComparison.Ordinal) || n.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        int letters = 0;
        foreach (char c in n)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters++;
            }
            else if (c is not (' ' or (>= '0' and <= '9')))
            {
                return null; // Greek letters and other scripts: not how people write drug names on social media
            }
        }

        if ((letters < 4 && !ItalianOtcBrands.ContainsKey(n)) || n.Count(c => c == ' ') > 3)
        {
            return null;
        }

        // every word too short ("a b c d") or a single letter followed by digits
        if (n.Split(' ').All(w => w.Length <= 2))
        {
            return null;
        }

        return n;
    }

    private static string Title(string s)
    {
        s = s.Trim();
        if (s.Length == 0)
        {
            return s;
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant());
    }
}
