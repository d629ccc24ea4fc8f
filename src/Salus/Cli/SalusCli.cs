using System.CommandLine;
using Microsoft.Extensions.Options;

namespace Salus.Cli;

/// <summary>The <c>salus</c> command line: <c>serve</c> (the default), <c>db</c>, <c>users</c>, <c>audit</c>, ...</summary>
public static class SalusCli
{
    private static readonly string[] Verbs = ["serve", "db", "users", "audit", "screen", "pv", "--help", "-h", "-?", "--version"];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;

        // `salus` and `salus --urls ...` mean `salus serve ...`, as in any ASP.NET Core app.
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            args = ["serve", .. args];
        }

        var root = new RootCommand("Salus: run a healthcare organisation's social media programme safely.");
        root.Add(CliHost.DataOption);
        root.Add(CliHost.ConnectionOption);
        root.Add(CliHost.ProviderOption);
        root.Add(CliHost.SetOption);
        root.Add(ServeCommand.Create());
        root.Add(DbCommands.Create());
        root.Add(UserCommands.Create());
        root.Add(AuditCommands.Create());
        root.Add(ScreenCommands.Create());
        root.Add(PvCommands.Create());
        foreach (var verb in ExtraVerbs)
        {
            root.Add(verb());
        }

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Salus cannot start: a setting is wrong. {string.Join(" ", ex.Failures)}");
            return 2;
        }
    }

    /// <summary>Verbs contributed by modules (e.g. <c>screen</c>).</summary>
    public static IReadOnlyList<Func<Command>> ExtraVerbs { get; } = [];
}
