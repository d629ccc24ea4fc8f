using Salus.Screening;
using Salus.Screening.Classification;

namespace Salus.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- lab [PSYTAR_DIR]`: trains candidate ensembles on PsyTAR train and prints dev F1
/// (threshold tuned on dev). How the shipped configuration was chosen; dev only, never a test set.
/// </summary>
internal static class ClassifierLab
{
    public static void Run(string psytar)
    {
        var lexicon = Salus.Screening.Lexicons.ScreeningLexicon.LoadEmbedded();
        var spans = SpanVocabulary.Learn(Path.Combine(psytar, "spans", "train.txt"));
        var train = ClassifierTrainer.LoadInputs(Path.Combine(psytar, "train.csv"), lexicon, spans);
        var dev = ClassifierTrainer.LoadInputs(Path.Combine(psytar, "dev.csv"), lexicon, spans);
        Console.WriteLine($"train {train.Count} dev {dev.Count}");
        var candidates = new List<TrainerOptions>();
        foreach (var tags in new[] { true, false })
        {
            foreach (var lex in new[] { true, false })
            {
                foreach (var nb in new[] { true, false })
                {
                    foreach (var l2 in new[] { 0.03f, 0.1f })
                    {
                        candidates.Add(new TrainerOptions
                        {
                            Trainer = "lbfgs", NaiveBayes = nb, L2 = l2,
                            Features = new FeatureOptions { WordNgrams = 2, CharMin = 3, CharMax = 5, UseTags = tags, UseLexicon = lex },
                        });
                    }
                }
            }
        }

        var results = new List<(double F1, string Name, List<(float, bool)> Probs)>();
        foreach (var c in candidates)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var (_, probs) = ClassifierTrainer.TrainEnsemble(train, dev, [c]);
            var (t, f1, p, r, _) = ClassifierTrainer.Tune(probs);
            Console.WriteLine($"{f1:0.0000} P {p:0.000} R {r:0.000} t {t:0.00}  {ClassifierTrainer.Describe(c)}  ({sw.Elapsed.TotalSeconds:0.0}s)");
            results.Add((f1, ClassifierTrainer.Describe(c), probs));
        }

        // pairs and triples of the best singles, averaged
        var top = results.OrderByDescending(r => r.F1).Take(8).ToList();
        var combos = new List<(double F1, string Line)>();
        for (int i = 0; i < top.Count; i++)
        {
            for (int j = i + 1; j < top.Count; j++)
            {
                for (int k = j; k < top.Count; k++)
                {
                    var members = k == j ? new[] { top[i], top[j] } : new[] { top[i], top[j], top[k] };
                    var avg = top[i].Probs.Select((x, n) => (members.Average(m => m.Probs[n].Item1), x.Item2)).ToList();
                    var (t, f1, p, r, _) = ClassifierTrainer.Tune(avg);
                    combos.Add((f1, $"{members.Length} {f1:0.0000} P {p:0.000} R {r:0.000} t {t:0.00}  {string.Join(" + ", members.Select(m => m.Name))}"));
                }
            }
        }

        foreach (var c in combos.OrderByDescending(c => c.F1).Take(15))
        {
            Console.WriteLine(c.Line);
        }
    }
}

/// <summary>
/// `-- lab-cv [PSYTAR_DIR]`: 5-fold cross-validation of the shipped ensemble on PsyTAR train at the shipped threshold — an
/// estimate that, unlike dev F1, was not used to choose the configuration.
/// </summary>
internal static class ClassifierCrossValidation
{
    public static void Run(string psytar, double threshold)
    {
        var lexicon = Salus.Screening.Lexicons.ScreeningLexicon.LoadEmbedded();
        var spans = SpanVocabulary.Learn(Path.Combine(psytar, "spans", "train.txt"));
        var all = ClassifierTrainer.LoadInputs(Path.Combine(psytar, "train.csv"), lexicon, spans);
        var order = Enumerable.Range(0, all.Count).OrderBy(i => (i * 2654435761u) % 1000003).ToList();
        int tp = 0, fp = 0, fn = 0;
        for (int fold = 0; fold < 5; fold++)
        {
            var test = order.Where((_, k) => k % 5 == fold).Select(i => all[i]).ToList();
            var train = order.Where((_, k) => k % 5 != fold).Select(i => all[i]).ToList();
            var (_, probs) = ClassifierTrainer.TrainEnsemble(train, test, ClassifierTrainer.DefaultEnsemble);
            foreach (var (p, label) in probs)
            {
                bool pred = p >= threshold;
                tp += pred && label ? 1 : 0;
                fp += pred && !label ? 1 : 0;
                fn += !pred && label ? 1 : 0;
            }
        }

        double prec = tp / (double)(tp + fp), rec = tp / (double)(tp + fn);
        Console.WriteLine($"5-fold CV on train ({all.Count} sentences) at threshold {threshold}: F1 {2 * prec * rec / (prec + rec):0.000} P {prec:0.000} R {rec:0.000} (span vocabulary learned on all of train: slightly optimistic)");
    }
}
