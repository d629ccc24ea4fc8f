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

    [SkippableFact]
    public async Task On_kestrel_only_the_media_upload_accepts_a_body_beyond_the_default_30_mb_limit()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var server = await SalusServer.StartAsync(demo: true);
        await using var session = await fixture.NewSessionAsync(output, server);
        await session.SignInAsync("lead@demo.salus.local", SalusServer.DemoPassword);
        var cookies = new System.Net.CookieContainer();
        foreach (var cookie in await session.Context.CookiesAsync())
        {
            cookies.Add(server.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var video = new byte[35 * 1024 * 1024];
        Random.Shared.NextBytes(video);
        byte[] header = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];
        header.CopyTo(video, 0);

        using var form = new MultipartFormDataContent { { new StringContent("Video lungo"), "title" }, { new StringContent("it"), "language" } };
        var file = new StreamContent(new MemoryStream(video));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", "lungo.mp4");
        var uploaded = await client.PostAsync("/api/inbox/media", form);
        Assert.True(uploaded.IsSuccessStatusCode, $"{(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
        var id = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}"))
        {
            range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(video.Length - 10, null);
            var tail = await client.SendAsync(range);
            Assert.Equal(System.Net.HttpStatusCode.PartialContent, tail.StatusCode);
            Assert.Equal(video[^10..], await tail.Content.ReadAsByteArrayAsync());
        }

        // Elsewhere Kestrel's default stands. Expect: 100-continue lets the client read the refusal before sending the body.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/inbox/saved-replies") { Content = new ByteArrayContent(video) };
        elsewhere.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        elsewhere.Headers.ExpectContinue = true;
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(elsewhere)).StatusCode);
    }
}
