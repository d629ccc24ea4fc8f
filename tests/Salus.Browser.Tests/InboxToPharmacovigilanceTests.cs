using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Platform.Results;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

/// <summary>
/// The whole route with the real modules (only the platform is replaced): a comment reaches the inbox, screening flags
/// it, the inbox's routing job proposes it to pharmacovigilance, and the officer turns it into a valid E2B(R3) file.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxToPharmacovigilanceTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private sealed class PlatformStandIn : IChannelActions
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public Task<Result<string>> ReplyAsync(Guid channelId, string platformItemId, string text, CancellationToken cancellationToken) => Ok("reply");

        public Task<Result<string>> SendPrivateMessageAsync(Guid channelId, string recipientPlatformId, string? inResponseToItemId, string text, CancellationToken cancellationToken) => Ok("dm");

        public Task<Result<string>> HideAsync(Guid channelId, string platformItemId, bool hidden, CancellationToken cancellationToken) => Ok("hide");

        public Task<Result<string>> DeleteAsync(Guid channelId, string platformItemId, CancellationToken cancellationToken) => Ok("delete");

        private Task<Result<string>> Ok(string call)
        {
            Calls.Enqueue(call);
            return Task.FromResult(Result<string>.Success(call + "-1"));
        }
    }

    [SkippableFact]
    public async Task An_italian_side_effect_comment_in_the_inbox_ends_as_a_schema_valid_e2b_file()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        await using var server = await SalusServer.StartAsync(demo: true, configure: b => b.Services.AddSingleton<IChannelActions>(new PlatformStandIn()));
        var marker = "e2e" + Guid.NewGuid().ToString("N")[..8];
        var text = $"Da quando prendo lo Zoloft ho vertigini fortissime e ieri sono svenuta. Giulia {marker}";
        using (var scope = server.Services.CreateScope())
        {
            var now = DateTimeOffset.UtcNow;
            await scope.ServiceProvider.GetRequiredService<IInboundItemSink>().AcceptAsync(new InboundItem(
                Guid.NewGuid(), ChannelKind.Facebook, "Salus Italia (Facebook)", "IT", "evt-" + marker, InboundChange.Created, InboundItemKind.Comment,
                "cmt-" + marker, "post-9", "post-9", "fb-" + marker, "giulia_" + marker, "Giulia " + marker, text, "it", null, now, now), CancellationToken.None);
        }

        await using var session = await fixture.NewSessionAsync(output, server);
        var page = session.Page;
        await session.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = server.BaseAddress.ToString() }]);

        // The agent sees the comment flagged as an adverse event in the inbox.
        await session.SignInAsync("agent.it@demo.salus.local", SalusServer.DemoPassword);
        await session.GotoAsync($"/inbox?q={marker}");
        var row = page.Locator("tr[data-conversation]", new() { HasText = marker });
        await Expect(row.Locator(".badge.cat.adverse-event")).ToBeVisibleAsync();
        await session.SignOutAsync();

        // The routing job has proposed it to pharmacovigilance: the officer finds it in the queue, quoted exactly.
        await session.SignInAsync("pv@demo.salus.local", SalusServer.DemoPassword);
        var proposal = page.Locator("article.pv-proposal", new() { HasText = marker });
        for (var i = 0; i < 30 && await proposal.CountAsync() == 0; i++)
        {
            await session.GotoAsync("/pv");
            await Task.Delay(500);
        }

        await Expect(proposal.Locator("blockquote")).ToHaveTextAsync(text);
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page.Locator("#case-title")).ToContainTextAsync(new Regex("PV-2026-[0-9]{4}"));

        var patientRow = page.Locator("tr[data-criterion=Patient]");
        await patientRow.GetByLabel("What is known").FillAsync("The reporter herself");
        await patientRow.GetByLabel("Known", new() { Exact = true }).SelectOptionAsync("true");
        await patientRow.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#day0")).Not.ToContainTextAsync("not yet");
        await page.GetByLabel("Hospitalisation (caused or prolonged)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save seriousness" }).ClickAsync();
        await Expect(page.Locator("#due")).ToContainTextAsync("expedited-15");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-e2b").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{marker}.xml");
        await download.SaveAsAsync(file);
        var xml = await File.ReadAllTextAsync(file);
        File.Delete(file);

        Assert.Empty(E2bSchemas.Validate(xml));
        XNamespace h = "urn:hl7-org:v3";
        var doc = XDocument.Parse(xml);
        Assert.Contains(doc.Descendants(h + "kindOfProduct").Elements(h + "name"), n => n.Value.Contains("Zoloft", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("giulia_" + marker, xml, StringComparison.Ordinal);
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
