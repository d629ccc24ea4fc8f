using Salus.Screening.Cli;

// usage: salus-screen [screen] --in FILE|- --out FILE|- [--format jsonl|text]
string inPath = "-", outPath = "-", format = "jsonl";
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
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}");
            return 2;
    }
}

var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int code = await ScreenCommandRunner.RunAsync(inPath, outPath, format, stdout, Console.Error, new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8, false, 1 << 16));
await stdout.FlushAsync();
return code;
