using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Salus.Cli;
using Salus.Platform.Hosting;

namespace Salus.Browser.Tests;

/// <summary>
/// The real Salus application (the same composition root as <c>salus serve</c>) on real Kestrel at 127.0.0.1, on a
/// port the operating system picks, with a fresh SQLite data folder that is deleted afterwards.
/// </summary>
public sealed partial class SalusServer : IAsyncDisposable
{
    public const string DemoPassword = "salus-demo-2026";

    private readonly WebApplication app;

    private SalusServer(WebApplication app, string dataFolder, Uri baseAddress, string initialisationOutput)
    {
        this.app = app;
        DataFolder = dataFolder;
        BaseAddress = baseAddress;
        InitialisationOutput = initialisationOutput;
    }

    public string DataFolder { get; }

    /// <summary>The application's services, for tests that act in-process (deliver an item through a module contract).</summary>
    public IServiceProvider Services => app.Services;

    public Uri BaseAddress { get; }

    /// <summary>What initialisation printed (data folder, first administrator's one-time password, demo hint).</summary>
    public string InitialisationOutput { get; }

    /// <summary>The one-time password printed for <c>admin@salus.local</c> on an empty database, if it was printed.</summary>
    public string? OneTimePassword => OneTimePasswordLine().Match(InitialisationOutput) is { Success: true } m ? m.Groups[1].Value : null;

    public static async Task<SalusServer> StartAsync(bool demo, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "salus-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataFolder);
        string[] args =
        [
            "--environment=Production",
            $"--contentRoot={AppContext.BaseDirectory}",
            "--urls=http://127.0.0.1:0",
            $"--Salus:DataFolder={dataFolder}",
            $"--Salus:Bootstrap:Demo={(demo ? "true" : "false")}",
            // Every test signs in several times from 127.0.0.1; the production limit (20 a minute) would answer 429.
            "--Salus:Security:SignInAttemptsPerMinute=10000",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            // Expected in a test: keys are kept in the throw-away database without an XML encryptor.
            "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
        ];
        var app = SalusWebApp.Build(args, configure);
        try
        {
            using var output = new StringWriter();
            await ServeCommand.InitialiseAsync(app.Services, output, cancellationToken);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
                .Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            return new SalusServer(app, dataFolder, new Uri(address), output.ToString());
        }
        catch
        {
            await app.DisposeAsync();
            TryDelete(dataFolder);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TryDelete(DataFolder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }

    [GeneratedRegex(@"one-time password:\s+(\S+)")]
    private static partial Regex OneTimePasswordLine();
}
