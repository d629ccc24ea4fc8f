using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Salus.Screening;
using Salus.Screening.Lexicons;
using Salus.Screening.Matching;
using Salus.Screening.Normalization;

namespace Salus.Benchmarks;

/// <summary>Scan throughput (normalise + automaton) over 1 MB of social-media-like text.</summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private Screener _screener = null!;
    private string _text = null!;
    private readonly List<AutomatonMatch> _matches = new(4096);

    [GlobalSetup]
    public void Setup()
    {
        _screener = Screener.CreateDefault();
        _text = Corpus.Build(1 << 20);
    }

    /// <summary>Bytes processed per op = 2 MB (UTF-16 chars): MB/s = 2 / mean seconds... reported by Program.</summary>
    [Benchmark]
    public int NormaliseAndScan1MB()
    {
        using var n = TextNormalizer.Normalize(_text);
        _matches.Clear();
        _screener.Lexicon.Automaton.FindAll(n.Span, _matches);
        return _matches.Count;
    }

    [Benchmark]
    public int Normalise1MB()
    {
        using var n = TextNormalizer.Normalize(_text);
        return n.Length;
    }
}

/// <summary>Screen on a short (~200 chars) and a long (5 KB) text.</summary>
[MemoryDiagnoser]
public class ScreenBenchmarks
{
    private Screener _screener = null!;
    private ScreeningRequest _short = null!;
    private ScreeningRequest _long = null!;

    [GlobalSetup]
    public void Setup()
    {
        _screener = Screener.CreateDefault();
        _short = new ScreeningRequest("Started Zoloft 3 weeks ago and the nausea is unreal, I can barely eat. My doctor says it will pass but honestly I'm not sure. Anyone else? Call me at 347 123 4567", null, ScreeningContext.Inbound, "US");
        _long = new ScreeningRequest(Corpus.Build(5 * 1024), null, ScreeningContext.Inbound, "IT");
    }

    [Benchmark]
    public ScreeningResult ScreenShort() => _screener.Screen(_short);

    [Benchmark]
    public ScreeningResult ScreenLong5KB() => _screener.Screen(_long);
}

/// <summary>Building all lexicons and the automaton from the embedded resources.</summary>
public class LexiconBuildBenchmarks
{
    private int _builds;

    [Benchmark]
    public ScreeningLexicon BuildLexicon()
    {
        _builds++;
        return ScreeningLexicon.LoadEmbedded();
    }
}

internal static class Corpus
{
    private static readonly string[] Sentences =
    [
        "Started Zoloft 3 weeks ago and the nausea is unreal, I can barely eat breakfast.",
        "Da quando prendo la Tachipirina ho un mal di testa che non passa.",
        "Great weather today, going to the beach with the kids!",
        "Posso prendere l'ibuprofene insieme all'antibiotico?",
        "Our new campaign launches next week, stay tuned #employee",
        "Lexapro made me gain weight and I feel dizzy all the time 😞",
        "Nessun effetto collaterale con la metformina, sei mesi ormai.",
        "Can I take Advil with my blood pressure pills?",
        "The meeting was moved to Thursday, please update your calendars.",
        "Il mio medico mi ha prescritto lo Xanax per l'ansia.",
    ];

    public static string Build(int chars)
    {
        var sb = new StringBuilder(chars + 200);
        int i = 0;
        while (sb.Length < chars)
        {
            sb.Append(Sentences[i++ % Sentences.Length]).Append(' ');
        }

        return sb.ToString(0, chars);
    }
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            Quick.Run();
            return;
        }

        if (args.Length > 1 && args[0] == "classifier-ab")
        {
            ClassifierAb.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
            return;
        }

        if (args.Length > 1 && args[0] == "classifier-bound")
        {
            ClassifierBound.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
            return;
        }

        if (args.Length > 1 && args[0] == "ae-why")
        {
            AeDump.Why(args[1]);
            return;
        }

        if (args.Length > 1 && args[0] == "ae-dump")
        {
            AeDump.Run(args[1]);
            return;
        }

        if (args.Length > 1 && args[0] == "paths")
        {
            CliPaths.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
            return;
        }

        if (args.Length > 1 && args[0] == "profile")
        {
            CliProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50000);
            return;
        }

        if (args.Length > 1 && args[0] == "adversarial")
        {
            var screener = Screener.CreateDefault();
            foreach (var unit in new[] { "Zoloft ", "I took Zoloft and got headaches. ", "mal di testa ", "my son Luca ", "zolfot ", "take better ", "I had a seizure. " })
            {
                foreach (int n in new[] { 10_000, 40_000, 160_000, 640_000 })
                {
                    var text = string.Concat(Enumerable.Repeat(unit, n / unit.Length));
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    var r = screener.Screen(new ScreeningRequest(text, "en"));
                    Console.WriteLine($"{unit.Trim(),-36} {n,8} chars: {sw.Elapsed.TotalMilliseconds,8:0} ms, {r.Findings.Count} findings");
                }
            }

            return;
        }

        if (args.Length > 1 && args[0] == "scan")
        {
            ScanCorpus.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
            return;
        }

        if (args.Length > 0 && args[0] == "build")
        {
            for (int i = 0; i < 8; i++)
            {
                Console.WriteLine($"build {ScreeningLexicon.LoadEmbedded().BuildTime.TotalMilliseconds:0} ms");
            }

            return;
        }

        if (args.Length > 0 && args[0] == "lab-cv")
        {
            ClassifierCrossValidation.Run(args.Length > 1 ? args[1] : "../shared/data/psytar", 0.37);
            return;
        }

        if (args.Length > 0 && args[0] == "lab")
        {
            ClassifierLab.Run(args.Length > 1 ? args[1] : "../shared/data/psytar");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
