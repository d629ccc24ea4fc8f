using Salus.Screening.Cli;

// usage: salus-screen [screen] --in FILE|- --out FILE|- [--format jsonl|text] [--only CATEGORIES]
if (args.Length > 1 && args[0] == "screen" && args[1] == "train")
{
    // salus-screen screen train [PSYTAR_DIR] [MODEL_OUT]: what `salus screen train` runs
    var psytar = args.Length > 2 ? args[2] : "../shared/data/psytar";
    var model = args.Length > 3 ? args[3] : "src/Salus.Screening/Resources/Model/ae-model.zip";
    var result = Salus.Screening.Classification.ClassifierTrainer.Train(psytar, model);
    Console.WriteLine($"{result.ModelPath}: {result.Info} in {result.Elapsed.TotalSeconds:0.0}s");
    return 0;
}

string inPath = "-", outPath = "-", format = "jsonl";
string? only = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "screen":
            break;
        case "--in" when i + 1 < args.Length:
            inPath = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outPath = args[++i];
            break;
        case "--format" when i + 1 < args.Length:
            format = args[++i];
            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}");
            return 2;
    }
}

var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int code = await ScreenCommandRunner.RunAsync(inPath, outPath, format, stdout, Console.Error, new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8, false, 1 << 16), only: only);
await stdout.FlushAsync();
return code;
