using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

/// <summary>The media library in a real browser: the upload form streams a file, the page previews it, MLR approves it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaLibraryTests(BrowserFixture fixture, ITestOutputHelper output)
{
    // A valid 1x1 PNG: the browser must decode what /media/{id} serves.
    private static readonly byte[] Pixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [SkippableFact]
    public async Task A_lead_uploads_an_image_through_the_form_the_page_shows_it_and_mlr_approves_it()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var server = await SalusServer.StartAsync(demo: true);
        await using var session = await fixture.NewSessionAsync(output, server);
        var page = session.Page;
        await session.SignInAsync("lead@demo.salus.local", SalusServer.DemoPassword);
        await session.GotoAsync("/inbox/media");
        await Expect(page.Locator("article.media-item", new() { HasText = "Come conservare i farmaci (PDF)" })).ToBeVisibleAsync(); // the demo's uploaded file

        await page.Locator("#upload-title-input").FillAsync("Schema della terapia");
        await page.Locator("#upload-language").SelectOptionAsync("it");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "schema.png", MimeType = "image/png", Buffer = Pixel });
        await page.Locator("#upload-form button[type=submit]").ClickAsync();

        await Expect(page.Locator("p.ok[role=status]")).ToContainTextAsync("Schema della terapia");
        var item = page.Locator("article.media-item", new() { HasText = "Schema della terapia" });
        var image = item.Locator("img");
        await Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 1", await image.ElementHandleAsync());
        await session.AssertPageIsAccessibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();

        await using var reviewer = await fixture.NewSessionAsync(output, server);
        await reviewer.SignInAsync("mlr@demo.salus.local", SalusServer.DemoPassword);
        await reviewer.GotoAsync("/inbox/media");
        var pending = reviewer.Page.Locator("article.media-item", new() { HasText = "Schema della terapia" });
        await Expect(pending.Locator(".badge.good")).ToHaveCountAsync(0);
        await pending.Locator("form button[type=submit]").First.ClickAsync(); // Approve, six months by default
        await Expect(reviewer.Page.Locator("article.media-item", new() { HasText = "Schema della terapia" }).Locator(".badge.good")).ToBeVisibleAsync();
        await reviewer.AssertBrowserSawNoProblemsAsync();
    }
}
