using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Salus.Browser.Tests;

/// <summary>
/// One Chromium (Debian's, at <c>/usr/bin/chromium</c>) and one demo Salus instance shared by the browser tests.
/// Each test gets its own browser context (cookies, storage), so tests only share the database.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; <c>CHROMIUM_PATH</c> points elsewhere (or nowhere, to see the tests skip).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public static string SkipReason =>
        $"Chromium is not installed at {ChromiumPath}: browser tests skipped (install it with `apt-get install -y chromium`; CI does).";

    public IBrowser Browser => browser ?? throw new InvalidOperationException(SkipReason);

    public SalusServer Demo => demo ?? throw new InvalidOperationException(SkipReason);

    private IBrowser? browser;

    private SalusServer? demo;

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        demo = await SalusServer.StartAsync(demo: true);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (demo is not null)
        {
            await demo.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context on <paramref name="server"/> (the demo instance by default).</summary>
    /// <param name="host">Another name for 127.0.0.1 (WebAuthn needs a domain such as <c>localhost</c>, not an IP address).</param>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper output, SalusServer? server = null, string? host = null)
    {
        Skip.IfNot(ChromiumInstalled, SkipReason);
        return await BrowserSession.OpenAsync(Browser, server ?? Demo, output, host: host);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
