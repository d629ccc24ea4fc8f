using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

/// <summary>
/// One browser context and page on a Salus instance, watching what a person would not see: console errors (CSP
/// violations among them), script errors, failed subresources and the security headers of every page.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly ITestOutputHelper output;
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private readonly ConcurrentQueue<string> scriptErrors = new();
    private readonly ConcurrentQueue<string> failedRequests = new();
    private readonly ConcurrentQueue<string> errorResponses = new();
    private readonly ConcurrentQueue<(string Url, Task<Dictionary<string, string>> Headers)> documents = new();
    private readonly List<Regex> allowedConsoleErrors = [];

    static BrowserSession()
    {
        // Two shared cores: give auto-waiting assertions room before they fail.
        SetDefaultExpectTimeout(15_000);
    }

    private BrowserSession(IBrowserContext context, IPage page, SalusServer server, ITestOutputHelper output)
    {
        Context = context;
        Page = page;
        Server = server;
        this.output = output;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Enqueue($"{message.Text} (on {page.Url})");
            }
        };
        page.PageError += (_, error) => scriptErrors.Enqueue($"{error} (on {page.Url})");
        page.RequestFailed += (_, request) => failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errorResponses.Enqueue($"{response.Status} {response.Request.Method} {response.Url} ({response.Request.ResourceType})");
            }

            if (response.Request.ResourceType == "document")
            {
                documents.Enqueue((response.Url, response.AllHeadersAsync()));
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public SalusServer Server { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, SalusServer server, ITestOutputHelper output, bool javaScript = true, string? host = null)
    {
        var address = host is null ? server.BaseAddress : new UriBuilder(server.BaseAddress) { Host = host }.Uri;
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = address.ToString().TrimEnd('/'),
            Locale = "en-US",
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, server, output);
    }

    /// <summary>Opens <paramref name="path"/> and returns the final response (after redirects).</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        output.WriteLine($"GET {path} -> {response.Status} {Page.Url}");
        return response;
    }

    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/account/login");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.Locator("#sign-in").ClickAsync();

        // twice the usual navigation timeout: in CI the other test projects run beside these, and one sign-in timed out
        // at 30 s while the unit tests were being built (the page then loads normally)
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 60_000 });
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
    }

    /// <summary>Console errors matching <paramref name="pattern"/> are expected (e.g. the 403 of the access-denied page).</summary>
    public void AllowConsoleError(string pattern) => allowedConsoleErrors.Add(new Regex(pattern));

    /// <summary>
    /// The page has one <c>main</c>, a <c>lang</c>, a label for every form field (found the way assistive technology
    /// finds it, with <c>GetByLabel</c>), and the stylesheet is served (200, text/css) and applied.
    /// </summary>
    public async Task AssertPageIsAccessibleAsync()
    {
        var where = Page.Url;
        Assert.True(await Page.Locator("main").CountAsync() == 1, $"{where}: expected exactly one <main>.");
        var lang = await Page.Locator("html").GetAttributeAsync("lang");
        Assert.False(string.IsNullOrWhiteSpace(lang), $"{where}: <html> has no lang attribute.");
        Assert.False(string.IsNullOrWhiteSpace(await Page.TitleAsync()), $"{where}: no <title>.");

        var json = await Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))
                .map((e, i) => {
                    e.setAttribute('data-probe', String(i));
                    const label = e.labels && e.labels.length > 0 ? e.labels[0].innerText : (e.getAttribute('aria-label') || '');
                    return { probe: String(i), name: e.name || e.id || e.type, label: label.trim() };
                })
            """);
        var fields = json.EnumerateArray()
            .Select(e => new Field(e.GetProperty("probe").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("label").GetString()!))
            .ToList();
        foreach (var field in fields)
        {
            Assert.False(string.IsNullOrEmpty(field.Label), $"{where}: form field '{field.Name}' has no label.");
        }

        foreach (var group in fields.GroupBy(f => f.Label))
        {
            var found = await Page.GetByLabel(group.Key, new() { Exact = true })
                .EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-probe'))");
            foreach (var field in group)
            {
                Assert.True(found.Contains(field.Probe), $"{where}: GetByLabel(\"{group.Key}\") does not find field '{field.Name}'.");
            }
        }

        var stylesheets = await Page.Locator("link[rel=stylesheet]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(stylesheets);
        foreach (var href in stylesheets)
        {
            var css = await Context.APIRequest.GetAsync(href);
            Assert.True(css.Status == 200, $"{where}: stylesheet {href} answered {css.Status}.");
            Assert.StartsWith("text/css", css.Headers["content-type"], StringComparison.Ordinal);
        }

        // --bg of site.css: the stylesheet was not only served but applied.
        Assert.Equal("rgb(246, 247, 251)", await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }

    /// <summary>
    /// Every page carried the Content-Security-Policy; the browser reported no CSP violation, no script error, no
    /// failed request and no other console error than the allowed ones.
    /// </summary>
    public async Task AssertBrowserSawNoProblemsAsync()
    {
        Assert.NotEmpty(documents);
        foreach (var (url, headers) in documents)
        {
            var all = await headers;
            Assert.True(all.TryGetValue("content-security-policy", out var policy) && policy.Contains("default-src 'self'", StringComparison.Ordinal),
                $"{url}: no Content-Security-Policy header.");
            Assert.True(all.TryGetValue("x-content-type-options", out var nosniff) && nosniff == "nosniff", $"{url}: no X-Content-Type-Options.");
        }

        var csp = consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(csp.Count == 0, "CSP violations:\n" + string.Join('\n', csp));
        Assert.True(scriptErrors.IsEmpty, "Script errors:\n" + string.Join('\n', scriptErrors));
        Assert.True(failedRequests.IsEmpty, "Failed requests:\n" + string.Join('\n', failedRequests));
        var unexpected = consoleErrors.Where(e => !allowedConsoleErrors.Any(a => a.IsMatch(e))).ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var error in consoleErrors)
        {
            output.WriteLine("console error: " + error);
        }

        foreach (var response in errorResponses)
        {
            output.WriteLine("error response: " + response);
        }

        await Context.CloseAsync();
    }

    private sealed record Field(string Probe, string Name, string Label);
}
