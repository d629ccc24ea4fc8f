using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Platform.Hosting;
using Salus.Platform.Persistence;

namespace Salus.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Seed the demo organisation (markets IT and US, one user per role)." };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)." };
        var command = new Command("serve", "Run the Salus web application (the default verb).")
        {
            demo, urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var extra = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } u)
            {
                extra.Add($"--urls={u}");
            }

            if (parse.GetValue(demo))
            {
                extra.Add("--Salus:Bootstrap:Demo=true");
            }

            return await ServeAsync(CliHost.ConfigArgs(parse, extra), parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    public static async Task<int> ServeAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var app = SalusWebApp.Build(args, b =>
        {
            if (string.IsNullOrEmpty(b.Configuration["urls"]) && string.IsNullOrEmpty(b.Configuration["ASPNETCORE_URLS"]))
            {
                b.WebHost.UseUrls("http://localhost:5000");
            }
        });
        await using (app)
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            await InitialiseAsync(app.Services, output, cancellationToken);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }

    public static async Task InitialiseAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (database.MigrateOnStart)
        {
            await initializer.MigrateAsync(cancellationToken);
        }

        var oneTimePassword = await initializer.SeedAsync(cancellationToken);
        var paths = scope.ServiceProvider.GetRequiredService<SalusPaths>();
        var bootstrap = scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        await output.WriteLineAsync($"Salus data folder: {paths.DataFolder} ({database.Provider})");
        if (oneTimePassword is not null)
        {
            // Printed once to the console on purpose (not logged): the administrator must change it at first sign-in.
            await output.WriteLineAsync("First start: an administrator account was created.");
            await output.WriteLineAsync($"  e-mail:             {bootstrap.AdminEmail}");
            await output.WriteLineAsync($"  one-time password:  {oneTimePassword}");
        }

        if (bootstrap.Demo)
        {
            await output.WriteLineAsync($"Demo organisation ready: sign in as admin@demo.salus.local (or comms@, legal@, agent.it@, pv@ ... @demo.salus.local) with the password '{bootstrap.DemoPassword}'.");
        }
    }
}
