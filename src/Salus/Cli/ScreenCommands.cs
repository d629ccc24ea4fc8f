using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Contracts;
using Salus.Platform.Hosting;
using Salus.Platform.Persistence;
using Salus.Screening;
using Salus.Screening.Classification;
using Salus.Screening.Cli;
using Salus.Screening.Rules;

namespace Salus.Cli;

/// <summary>
/// <c>salus screen</c>: screen JSONL without starting the web application, under the policy published in the data
/// folder's database (per line's market; <c>--default-rules</c> for the engine's built-in rules);
/// <c>salus screen train</c> rebuilds the classifier.
/// </summary>
internal static class ScreenCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "JSONL input file, or - for standard input.", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--out") { Description = "Output file, or - for standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "jsonl (default) or text (a readable report with the matched spans marked).", DefaultValueFactory = _ => "jsonl" };
        var defaultRules = new Option<bool>("--default-rules") { Description = "Use the engine's built-in rules instead of the policy published in the database." };
        var only = new Option<string?>("--only") { Description = "Look only for these categories, comma-separated (e.g. drug-mention: a fast pre-filter that runs no other detector). Default: all nine." };
        var screen = new Command("screen", "Screen texts (one JSON object per line) for adverse events, drugs, medical questions, crisis, personal data, claims, under the published policy.")
        {
            input, output, format, defaultRules, only,
        };
        screen.SetAction(async (parse, cancellationToken) =>
        {
            // the engine's lexicons are built on another core while the published policy is read from the database
            var engine = Task.Run(Screener.CreateDefault, cancellationToken);
            var rules = parse.GetValue(defaultRules) ? null : await PublishedRulesAsync(parse);
            return await ScreenCommandRunner.RunAsync(
                parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format)!,
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, Console.In,
                screener: await engine, rulesForMarket: rules, only: parse.GetValue(only), cancellationToken: cancellationToken);
        });

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

    /// <summary>
    /// The published rules per market, read once from the database. No database yet (an embedded SQLite file that does
    /// not exist) means no published policy: the default rules apply, and nothing is created in the data folder.
    /// </summary>
    private static async Task<Func<string?, RuleSet?>?> PublishedRulesAsync(ParseResult parse)
    {
        var args = CliHost.ConfigArgs(parse, ["--Salus:Jobs:RunWorker=false", "--Logging:LogLevel:Default=None"]);
        if (EmbeddedDatabaseMissing(args))
        {
            return null; // decided from the configuration alone: building the web application costs a core for ~0.2 s
        }

        var app = SalusWebApp.Build(args);
        await using (app)
        {
            var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var folder = app.Services.GetRequiredService<SalusPaths>().DataFolder;
            if (database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.ConnectionString)
                && !File.Exists(Path.Combine(folder, "salus.db")))
            {
                return null;
            }

            var active = app.Services.GetRequiredService<IActivePolicyRules>();
            var markets = new Dictionary<string, RuleSet?>(StringComparer.OrdinalIgnoreCase);
            foreach (var market in (string[])["IT", "US", "EU"])
            {
                markets[market] = active.ForMarket(market);
            }

            var fallback = active.ForMarket(null); // other markets fall back to the EU policy, as in the web application
            return market => market is not null && markets.TryGetValue(market, out var set) ? set : fallback;
        }
    }

    /// <summary>
    /// True when the web application's configuration sources (read here without building it) select the embedded SQLite
    /// database at its default place and that file does not exist. Anything unusual (another provider, a connection
    /// string, a development environment with user secrets, another content root) answers false: the caller then asks
    /// the application itself.
    /// </summary>
    internal static bool EmbeddedDatabaseMissing(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        if (environment.Equals("Development", StringComparison.OrdinalIgnoreCase)
            || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
        {
            return false;
        }

        // the same sources, in the same order, as WebApplication.CreateBuilder plus SalusWebApp's SALUS_ variables
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddEnvironmentVariables("SALUS_")
            .Build();
        var database = configuration.GetSection(DatabaseOptions.Section);
        if (!string.IsNullOrWhiteSpace(database[nameof(DatabaseOptions.ConnectionString)])
            || !(string.IsNullOrWhiteSpace(database[nameof(DatabaseOptions.Provider)])
                 || Enum.TryParse<DatabaseProvider>(database[nameof(DatabaseOptions.Provider)], ignoreCase: true, out var provider) && provider == DatabaseProvider.Sqlite))
        {
            return false;
        }

        return !File.Exists(Path.Combine(DataFolder.PathOf(configuration[DataFolder.ConfigKey]), "salus.db"));
    }
}
