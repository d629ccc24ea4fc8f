using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Platform.Audit;
using Salus.Platform.Hosting;

namespace Salus.Cli;

/// <summary>Options every verb shares and the application services for verbs that do not serve HTTP.</summary>
internal static class CliHost
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Data folder (default ./data, or Salus:DataFolder / SALUS_DATA).",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Database connection string (overrides Salus:Database:ConnectionString).",
        Recursive = true,
    };

    public static readonly Option<string?> ProviderOption = new("--provider")
    {
        Description = "Database provider: Sqlite (default) or Postgres.",
        Recursive = true,
    };

    public static readonly Option<string[]> SetOption = new("--set")
    {
        Description = "Override a setting, e.g. --set Salus:Jobs:RunWorker=false (repeatable).",
        Recursive = true,
    };

    /// <summary>Turns the shared CLI options into configuration arguments for the host builder.</summary>
    public static string[] ConfigArgs(ParseResult parse, IEnumerable<string>? extra = null)
    {
        var args = new List<string>(extra ?? []);
        if (parse.GetValue(DataOption) is { } data)
        {
            args.Add($"--{DataFolder.ConfigKey}={data}");
        }

        if (parse.GetValue(ConnectionOption) is { } connection)
        {
            args.Add($"--Salus:Database:ConnectionString={connection}");
        }

        if (parse.GetValue(ProviderOption) is { } provider)
        {
            args.Add($"--Salus:Database:Provider={provider}");
        }

        foreach (var setting in parse.GetValue(SetOption) ?? [])
        {
            args.Add($"--{setting}");
        }

        return [.. args];
    }

    /// <summary>Builds the application without starting the web server, validates settings, runs <paramref name="work"/> in a scope.</summary>
    public static async Task<int> RunScopedAsync(ParseResult parse, Func<IServiceProvider, Task<int>> work, bool migrate = true)
    {
        var app = SalusWebApp.Build(ConfigArgs(parse, ["--Salus:Jobs:RunWorker=false", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning"]));
        await using (app)
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditScope>().ActAs("cli", $"cli:{Environment.UserName}");
            if (migrate)
            {
                var initializer = scope.ServiceProvider.GetRequiredService<Platform.Persistence.DatabaseInitializer>();
                await initializer.MigrateAsync();
                await initializer.EnsureRolesAsync();
            }

            return await work(scope.ServiceProvider);
        }
    }
}
