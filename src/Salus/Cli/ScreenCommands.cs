using System.CommandLine;
using System.Globalization;
using Salus.Screening.Classification;
using Salus.Screening.Cli;

namespace Salus.Cli;

/// <summary><c>salus screen</c>: screen JSONL without starting the web application; <c>salus screen train</c> rebuilds the classifier.</summary>
internal static class ScreenCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "JSONL input file, or - for standard input.", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--out") { Description = "Output file, or - for standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "jsonl (default) or text (a readable report with the matched spans marked).", DefaultValueFactory = _ => "jsonl" };
        var screen = new Command("screen", "Screen texts (one JSON object per line) for adverse events, drugs, medical questions, crisis, personal data, claims.")
        {
            input, output, format,
        };
        screen.SetAction(async (parse, cancellationToken) => await ScreenCommandRunner.RunAsync(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format)!,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, Console.In, cancellationToken: cancellationToken));

        var psytar = new Option<string>("--psytar") { Description = "Folder with PsyTAR train.csv and dev.csv.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "psytar") };
        var model = new Option<string>("--model-out") { Description = "Where to write the model (.zip; info .json and spans .txt beside it).", DefaultValueFactory = _ => Path.Combine("src", "Salus.Screening", "Resources", "Model", "ae-model.zip") };
        var train = new Command("train", "Retrain the adverse-event classifier from PsyTAR (train split, tuned on dev).") { psytar, model };
        train.SetAction(async parse =>
        {
            var result = ClassifierTrainer.Train(parse.GetValue(psytar)!, parse.GetValue(model)!);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Model written to {result.ModelPath}: PsyTAR dev F1 {result.Info.DevF1:0.000} (P {result.Info.DevPrecision:0.000}, R {result.Info.DevRecall:0.000}), threshold {result.Info.Threshold:0.000}, {result.Elapsed.TotalSeconds:0}s."));
            return 0;
        });
        screen.Add(train);
        return screen;
    }
}
