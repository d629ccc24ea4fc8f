using System.Collections.Frozen;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Screening.Detectors;

/// <summary>A lexicon hit with its positions: normalised, original UTF-16, word index and sentence.</summary>
internal sealed class Hit
{
    public required TermInfo Info { get; init; }

    public int NStart { get; init; }

    public int NEnd { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public int Word { get; set; }

    public int WordEnd { get; set; }

    public int Sentence { get; set; }

    public bool Suppressed { get; set; }

    /// <summary>A word one edit from a drug name, not a lexicon term (see <see cref="TextAnalysis"/>).</summary>
    public bool Fuzzy { get; init; }

    public LexiconKind Kind => Info.Kind;
}

/// <summary>A sentence of the original text.</summary>
internal readonly record struct SentenceSpan(int Start, int End, bool IsQuestion, int FirstWord);

/// <summary>Per-request working state shared by the detectors.</summary>
internal sealed class TextAnalysis
{
    private static readonly int KindCount = Enum.GetValues<LexiconKind>().Length;

    // kinds without hits share one empty list (most texts hit a few of the ~25 kinds); never mutated through Of()
    private static readonly List<Hit> NoHits = [];

    private readonly List<Hit>?[] _byKind;

    public TextAnalysis(string text, NormalizedText normalized, ScreeningLexicon lexicon, List<AutomatonMatch> matches, string? language, bool fuzzyDrugs = true)
    {
        Text = text;
        Normalized = normalized;
        var sentences = SplitSentences(text);
        Sentences = sentences;
        _byKind = new List<Hit>?[KindCount];

        // matches arrive ordered by end; order them by start for the word counter
        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var span = normalized.Span;
        int word = 0, pos = 0, sentence = 0;
        int en = 0, it = 0;
        var all = new List<Hit>(matches.Count);
        foreach (var m in matches)
        {
            while (pos < m.Start)
            {
                if (span[pos] == ' ')
                {
                    word++;
                }

                pos++;
            }

            int spaces = 0;
            for (int k = m.Start; k < m.End; k++)
            {
                if (span[k] == ' ')
                {
                    spaces++;
                }
            }

            var (os, oe) = normalized.ToOriginal(m.Start, m.End);
            while (sentence + 1 < Sentences.Count && Sentences[sentence + 1].Start <= os)
            {
                sentence++;
            }

            foreach (var info in lexicon.Payload(m.Pattern))
            {
                if ((info.Kind == LexiconKind.Speculation && IsPastInability(span, m.Start, m.End))
                    || (info.Kind == LexiconKind.Negation && SaysItGoesOn(span[m.End..])))
                {
                    continue;
                }

                if (info.Kind == LexiconKind.Stopword)
                {
                    if (info.Language == "en")
                    {
                        en++;
                    }
                    else
                    {
                        it++;
                    }

                    continue;
                }

                if (info.Kind == LexiconKind.Reaction && DriveChange.IsDriveNoun(info.Term))
                {
                    // "I have a sex drive again" is a function told unchanged; "killed my sex drive" a reaction
                    if (DriveChange.Changed(span, m.Start, m.End) is var (ds, de) && normalized.ToOriginal(ds, de) is var (dos, doe)
                        && dos >= Sentences[sentence].Start && doe <= Sentences[sentence].End)
                    {
                        // the change word stays in the noun's sentence: "my sex drive is still Ok. No notable weight gain"
                        int before = span[ds..m.Start].Count(' '), after = span[m.End..de].Count(' ');
                        all.Add(new Hit { Info = info, NStart = ds, NEnd = de, Start = dos, End = doe, Word = word - before, WordEnd = word + spaces + after, Sentence = sentence });
                    }

                    continue;
                }

                if (info.Kind == LexiconKind.Reaction && info.Tag == WeightChange.UnitTag)
                {
                    // "lost 15 pounds": a unit is a reaction only after an amount and a verb of gaining or losing
                    if (WeightChange.Before(span, m.Start, info.Language) is { } change && normalized.ToOriginal(change.Start, m.End).Item1 is var cs
                        && cs >= Sentences[sentence].Start)
                    {
                        all.Add(new Hit { Info = change.Info, NStart = change.Start, NEnd = m.End, Start = cs, End = oe, Word = word - change.WordsBefore, WordEnd = word + spaces, Sentence = sentence });
                    }

                    continue;
                }

                all.Add(new Hit { Info = info, NStart = m.Start, NEnd = m.End, Start = os, End = oe, Word = word, WordEnd = word + spaces, Sentence = sentence });
            }
        }

        if (fuzzyDrugs)
        {
            AddFuzzyDrugs(span, normalized, lexicon, matches, all);
        }
        WordCount = word + 1;
        LanguageGiven = language is "en" or "it";
        Language = LanguageGiven ? language! : DetectLanguage(en, it, text);
        foreach (var h in all)
        {
            if (h.Info.Language is null || h.Info.Language == Language || h.Kind == LexiconKind.Abuse)
            {
                (_byKind[(int)h.Kind] ??= []).Add(h);
            }
        }

        if (_byKind[(int)LexiconKind.Speculation] is { } speculation)
        {
            // "if I missed a dose I got brain zaps", "se salto una dose mi gira la testa": what happens each time the writer
            // skips or stops it is told, not guessed; with a modal ("would", "might", "potrebbe") or in a question it is a guess
            speculation.RemoveAll(h => h.Info.Term is "if" or "se" && IsHabitualTrigger(Normalized.Span[h.NEnd..])
                && !Sentences[h.Sentence].IsQuestion && !HasModal(text, Sentences[h.Sentence]));
        }

        FirstWordOfSentence = ComputeFirstWords();
        if (Language is "en" or "it")
        {
            MarkUnpunctuatedQuestions(text, sentences, english: Language == "en");
        }
    }

    // what the writer does to the medicine, after "if" / "se": "if I miss a dose", "if I stop taking", "se salto una dose"
    private static readonly string[] Triggers =
    [
        " i miss", " i missed", " i skip", " i skipped", " i stop", " i stopped", " i forget", " i forgot", " i take", " i took",
        " i lower", " i lowered", " i reduce", " i reduced", " i come off", " i go off", " i try to", " i don t", " i didn t",
        " i am late", " i m late", " you miss", " you skip", " you stop", " you forget", " salto", " saltavo", " dimentico",
        " dimenticavo", " sospendo", " smetto", " smettevo", " ritardo", " riduco", " scalo", " non prendo", " mi dimentico",
    ];

    private static bool IsHabitualTrigger(ReadOnlySpan<char> rest)
    {
        foreach (var trigger in Triggers)
        {
            if (rest.StartsWith(trigger, StringComparison.Ordinal) && (rest.Length == trigger.Length || rest[trigger.Length] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(
        ["would", "could", "might", "may", "will", "ll", "should", "gonna", "wonder", "wondering", "worried", "afraid", "scared",
            "potrebbe", "potrebbero", "potrei", "sarebbe", "sarei", "verrebbe", "dovesse", "dovessi", "succederebbe", "potra", "potrà",
            "verra", "verrà", "sara", "sarà", "dovrei", "dovrebbe", "rischio", "paura", "temo", "chissà", "chissa"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the sentence has a modal or future word, or an Italian conditional ("-rebbe", "-rei").</summary>
    private static bool HasModal(string text, SentenceSpan sentence) =>
        LetterWords.Any(text.AsSpan(sentence.Start, sentence.End - sentence.Start), static word =>
            Modals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            || word.EndsWith("rebbe", StringComparison.OrdinalIgnoreCase) || word.EndsWith("rebbero", StringComparison.OrdinalIgnoreCase));

    /// <summary>"my hands won't stop shaking", "non smette di girarmi la testa": the negation says it goes on, it denies nothing.</summary>
    private static bool SaysItGoesOn(ReadOnlySpan<char> rest) =>
        rest.StartsWith(" stop") || rest.StartsWith(" smette") || rest.StartsWith(" smetto") || rest.StartsWith(" riesco a smettere")
        || rest.StartsWith(" la smette") || rest.StartsWith(" passa");

    /// <summary>"I could not eat", "could barely walk": a told inability, not the "could" of a guess ("could it cause…").</summary>
    private static bool IsPastInability(ReadOnlySpan<char> span, int start, int end)
    {
        if (!span[start..end].SequenceEqual("could"))
        {
            return false;
        }

        var rest = span[end..];
        return rest.StartsWith(" not ") || rest.StartsWith(" barely ") || rest.StartsWith(" hardly ") || rest.StartsWith(" never ")
            || rest is " not" or " barely" or " hardly" or " never";
    }

    public string Text { get; }

    public NormalizedText Normalized { get; }

    public IReadOnlyList<SentenceSpan> Sentences { get; }

    public int[] FirstWordOfSentence { get; }

    public string Language { get; }

    /// <summary>The caller gave the language (hits of the other language were dropped even where detection would keep them).</summary>
    public bool LanguageGiven { get; }

    public int WordCount { get; }

    public List<Hit> Of(LexiconKind kind) => _byKind[(int)kind] ?? NoHits;

    public IEnumerable<Hit> InSentence(LexiconKind kind, int sentence) => Of(kind).Where(h => h.Sentence == sentence);

    public bool AnyInSentence(LexiconKind kind, int sentence) => Of(kind).Exists(h => h.Sentence == sentence);

    public bool AnyInWindow(LexiconKind kind, int sentence, int radius) => Of(kind).Exists(h => Math.Abs(h.Sentence - sentence) <= radius);

    // words that end a negation's reach: "none, except really bad dreams", "no nausea but a headache all day"
    private static readonly string[] ScopeBreakers = [" except ", " but ", " apart from ", " other than ", " however ", " tranne ", " eccetto ", " a parte ", " ma ", " pero "];

    /// <summary>
    /// Whether a negation ends at most <paramref name="maxWords"/> words before <paramref name="target"/> in its sentence
    /// with nothing between them that ends its reach ("none, except really bad dreams" affirms the dreams).
    /// </summary>
    public bool Negated(Hit target, int maxWords) =>
        Of(LexiconKind.Negation).Exists(h => h.Sentence == target.Sentence && h.NEnd <= target.NStart && target.Word - h.WordEnd <= maxWords
            && !BreaksScope(Normalized.Span[Math.Max(0, h.NEnd - 1)..Math.Min(Normalized.Span.Length, target.NStart + 1)]));

    /// <summary>Whether a word that ends a cue's reach stands after <paramref name="h"/> in its sentence ("it worked, but…").</summary>
    public bool ScopeEndsAfter(Hit h)
    {
        var span = Normalized.Span;
        int end = h.NEnd, sentenceEnd = Sentences[h.Sentence].End;
        while (end < span.Length && Normalized.OriginalStart(end) < sentenceEnd)
        {
            end++;
        }

        return end > h.NEnd && BreaksScope(span[Math.Max(0, h.NEnd - 1)..Math.Min(span.Length, end + 1)]);
    }

    /// <summary>Whether a word that ends a cue's reach ("but", "except", "ma") stands between two hits of one sentence.</summary>
    public bool Separated(Hit x, Hit y)
    {
        var (first, second) = x.NStart <= y.NStart ? (x, y) : (y, x);
        return first.NEnd < second.NStart && BreaksScope(Normalized.Span[Math.Max(0, first.NEnd - 1)..Math.Min(Normalized.Span.Length, second.NStart + 1)]);
    }

    private static bool BreaksScope(ReadOnlySpan<char> between)
    {
        foreach (var breaker in ScopeBreakers)
        {
            if (between.Contains(breaker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Is there a hit of <paramref name="kind"/> ending at most <paramref name="maxWords"/> words before <paramref name="target"/>, in its sentence?</summary>
    public bool Before(LexiconKind kind, Hit target, int maxWords) =>
        Of(kind).Exists(h => h.Sentence == target.Sentence && h.NEnd <= target.NStart && target.Word - h.WordEnd <= maxWords);

    public bool Near(LexiconKind kind, Hit target, int maxWords) => Of(kind).Exists(h => WithinWords(h, target, maxWords));

    /// <summary>Whether two different hits of one sentence lie at most <paramref name="maxWords"/> words apart.</summary>
    public static bool WithinWords(Hit h, Hit target, int maxWords) => h != target && h.Sentence == target.Sentence &&
        (h.NEnd <= target.NStart ? target.Word - h.WordEnd : h.Word - target.WordEnd) <= maxWords;

    /// <summary>Words no lexicon matched that are one edit from a drug name (misspellings) become drug hits.</summary>
    private void AddFuzzyDrugs(ReadOnlySpan<char> span, NormalizedText normalized, ScreeningLexicon lexicon, List<AutomatonMatch> matches, List<Hit> all)
    {
        int j = 0, maxEnd = -1, word = 0, sentence = 0;
        List<Hit>? fuzzy = null;
        int i = 0;
        while (i < span.Length)
        {
            if (span[i] == ' ')
            {
                word++;
                i++;
                continue;
            }

            int ts = i;
            while (i < span.Length && span[i] != ' ')
            {
                i++;
            }

            int te = i;
            if (te - ts < FuzzyDrugIndex.MinLength)
            {
                continue;
            }

            while (j < matches.Count && matches[j].Start < te)
            {
                maxEnd = Math.Max(maxEnd, matches[j].End);
                j++;
            }

            if (maxEnd > ts)
            {
                continue; // part of a lexicon term
            }

            var drug = lexicon.Fuzzy.Find(span[ts..te]);
            if (drug is null)
            {
                continue;
            }

            var (os, oe) = normalized.ToOriginal(ts, te);
            while (sentence + 1 < Sentences.Count && Sentences[sentence + 1].Start <= os)
            {
                sentence++;
            }

            var info = new TermInfo(LexiconKind.Drug, null, drug.Surface, "fuzzy", 0, drug);
            (fuzzy ??= []).Add(new Hit { Info = info, Fuzzy = true, NStart = ts, NEnd = te, Start = os, End = oe, Word = word, WordEnd = word, Sentence = sentence });
        }

        if (fuzzy is null)
        {
            return;
        }

        // stable merge: both lists are ordered by position
        var merged = new List<Hit>(all.Count + fuzzy.Count);
        int a = 0, f = 0;
        while (a < all.Count || f < fuzzy.Count)
        {
            merged.Add(f >= fuzzy.Count || (a < all.Count && all[a].NStart <= fuzzy[f].NStart) ? all[a++] : fuzzy[f++]);
        }

        all.Clear();
        all.AddRange(merged);
    }

    /// <summary>Sentence and word index of an original-text offset.</summary>
    public (int Sentence, int Word) Locate(int originalOffset)
    {
        int sentence = 0;
        while (sentence + 1 < Sentences.Count && Sentences[sentence + 1].Start <= originalOffset)
        {
            sentence++;
        }

        var span = Normalized.Span;
        int word = 0;
        for (int i = 0; i < span.Length && Normalized.OriginalStart(i) < originalOffset; i++)
        {
            if (span[i] == ' ')
            {
                word++;
            }
        }

        return (sentence, word);
    }

    internal static string DetectLanguage(int en, int it, string text)
    {
        if (it > en)
        {
            return "it";
        }

        if (en > it)
        {
            return "en";
        }

        foreach (char c in text)
        {
            if (c is 'à' or 'è' or 'é' or 'ì' or 'ò' or 'ù')
            {
                return "it";
            }
        }

        return "en";
    }

    private int[] ComputeFirstWords()
    {
        var result = new int[Sentences.Count];
        var span = Normalized.Span;
        int word = 0;
        int s = 0;
        for (int i = 0; i < span.Length && s < Sentences.Count; i++)
        {
            while (s < Sentences.Count && Normalized.OriginalStart(i) >= Sentences[s].Start)
            {
                result[s] = word;
                s++;
            }

            if (span[i] == ' ')
            {
                word++;
            }
        }

        for (; s < Sentences.Count; s++)
        {
            result[s] = word;
        }

        return result;
    }

    private static List<SentenceSpan> SplitSentences(string text)
    {
        var list = new List<SentenceSpan>();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' or '\n' or ';' or '…' or '¿' or '¡')
            {
                int j = i;
                bool question = false;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '\n' or '\r' or ';' or '…' or ' ' or '"' or ')' or '\'')
                {
                    question |= text[j] == '?';
                    j++;
                }

                // "2.5 mg", "e.g.", "Dr." inside a word: only split when followed by space/end or a newline
                bool boundary = c == '\n' || c == '?' || c == '!' || j >= text.Length || (j > i + 1 && text[i + 1] is ' ' or '\n' or '\r' or '.' or '!' or '?');
                if (boundary)
                {
                    list.Add(new SentenceSpan(start, j, question || HasQuestionMark(text, start, j), 0));
                    start = j;
                }

                i = Math.Max(j, i + 1);
                continue;
            }

            i++;
        }

        if (start < text.Length || list.Count == 0)
        {
            list.Add(new SentenceSpan(start, text.Length, HasQuestionMark(text, start, text.Length), 0));
        }

        return list;
    }

    private static bool HasQuestionMark(string text, int start, int end) => text.AsSpan(start, end - start).IndexOf('?') >= 0;

    // "does zoloft cause weight gain", "can i take it with food", "is there a generic": social text often drops the question
    // mark. An auxiliary followed by a subject asks; one followed by a verb tells ("was on it for years", "did nothing").
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["does", "do", "did", "is", "are", "was", "were", "can", "could", "should", "will", "would", "has", "have", "may", "might", "shall"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Subjects = FrozenSet.ToFrozenSet(
        ["i", "you", "it", "he", "she", "we", "they", "anyone", "anybody", "someone", "somebody", "there", "this", "that", "these", "those", "my", "your"],
        StringComparer.OrdinalIgnoreCase);

    // "what do I do", "who should I call", "when can I take it": a wh-word before an auxiliary asks ("what a day" does not)
    private static readonly FrozenSet<string> WhStarters = FrozenSet.ToFrozenSet(["what", "who", "when"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> QuestionStarters = FrozenSet.ToFrozenSet(["how", "why", "where", "which", "anyone", "anybody"], StringComparer.OrdinalIgnoreCase);

    // Italian has no auxiliary inversion; a question shows in its first words. "Come" and "quanto" also open exclamations
    // ("come sono felice", "quanto mi piace"), so they count only with the verb that makes them ask.
    private static readonly FrozenSet<string> ItalianQuestionStarters = FrozenSet.ToFrozenSet(
        ["perché", "perche", "dove", "quale", "quali", "qual", "qualcuno", "qualcuna"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ItalianQuestionPairs = FrozenSet.ToFrozenSet(
        ["quanto dura", "quanto tempo", "quanti giorni", "quante volte", "quante compresse", "quanti mg", "come faccio", "come si",
            "cosa posso", "cosa devo", "cosa succede", "che cosa", "si può", "si puo", "è normale", "e normale", "che faccio", "cosa faccio",
            "che facciamo", "cosa facciamo", "che fare", "cosa fare"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an Italian sentence opens like a question: "quanto dura l'influenza", "perché mi gira la testa".</summary>
    private static bool ItalianOpening(scoped ReadOnlySpan<char> first, ref ReadOnlySpan<char> rest, scoped Span<char> pair)
    {
        if (ItalianQuestionStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first))
        {
            return true;
        }

        var second = LeadingWord(ref rest);
        int length = first.Length + 1 + second.Length;
        if (second.IsEmpty || length > pair.Length)
        {
            return false;
        }

        first.CopyTo(pair);
        pair[first.Length] = ' ';
        second.CopyTo(pair[(first.Length + 1)..]);
        return ItalianQuestionPairs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(pair[..length]);
    }

    /// <summary>
    /// Marks as questions the sentences that open like one without their question mark. English: an auxiliary then a subject
    /// or a medicine ("does zoloft cause…"), a wh-word then an auxiliary ("what should we do"), or "how / why / where / which
    /// / anyone". Italian: see <see cref="ItalianOpening"/>.
    /// </summary>
    private void MarkUnpunctuatedQuestions(string text, List<SentenceSpan> sentences, bool english)
    {
        Span<char> pair = stackalloc char[64];
        for (int s = 0; s < sentences.Count; s++)
        {
            var span = sentences[s];
            if (span.IsQuestion)
            {
                continue;
            }

            var words = text.AsSpan(span.Start, span.End - span.Start).TrimStart();
            var first = LeadingWord(ref words);
            if (first.IsEmpty)
            {
                continue;
            }

            if (english ? EnglishOpening(first, ref words, s) : ItalianOpening(first, ref words, pair))
            {
                sentences[s] = span with { IsQuestion = true };
            }
        }
    }

    private bool EnglishOpening(scoped ReadOnlySpan<char> first, ref ReadOnlySpan<char> words, int s)
    {
        int secondWord = FirstWordOfSentence[s] + 1;
        return QuestionStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first)
            || (WhStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) && LeadingWord(ref words) is { IsEmpty: false } verb
                && Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(verb))
            || (Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) && LeadingWord(ref words) is var second && !second.IsEmpty
                && (Subjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(second) || Of(LexiconKind.Drug).Exists(h => h.Sentence == s && h.Word == secondWord)));
    }

    /// <summary>The letters that open <paramref name="rest"/> (null when a contraction follows: "Can't", "Don't"); advances past them.</summary>
    private static ReadOnlySpan<char> LeadingWord(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        int n = 0;
        while (n < rest.Length && char.IsLetter(rest[n]))
        {
            n++;
        }

        var word = rest[..n];
        if (n < rest.Length && rest[n] is '\'' or '’')
        {
            return default; // "can't sleep", "don't take": contractions tell
        }

        rest = rest[n..];
        return word;
    }
}
