using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Salus.Modules.Pharmacovigilance.Export;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PharmacovigilanceFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Item_flagged_by_an_agent_becomes_a_case_that_the_officer_completes_and_downloads_as_valid_e2b()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        var marker = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var text = $"Da quando prendo lo Zoloft ho vertigini fortissime e sono svenuta ({marker})";

        // Both demo accounts prefer Italian; this browser chose English before signing in, and that choice wins.
        await session.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = session.Server.BaseAddress.ToString() }]);

        // A community agent flags the item through the API, with the browser's own session.
        await session.SignInAsync("agent.it@demo.salus.local", SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();
        var flagged = await session.Context.APIRequest.PostAsync("/api/pv/signals", new()
        {
            DataObject = new
            {
                text, sourceType = "inbox-item", sourceId = marker, market = "IT", language = "it", channel = "Facebook",
                reporterPlatformId = "fb-" + marker, reporterHandle = "giulia_" + marker,
            },
        });
        Assert.Equal(201, flagged.Status);
        await session.SignOutAsync();

        // The PV officer opens the case from the queue.
        await session.SignInAsync("pv@demo.salus.local", SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pharmacovigilance" }).ClickAsync();
        await Expect(page.Locator("#pv-title")).ToBeVisibleAsync();
        await session.AssertPageIsAccessibleAsync();
        var proposal = page.Locator("article.pv-proposal", new() { HasText = marker });
        await Expect(proposal.Locator("blockquote")).ToHaveTextAsync(text);
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page.Locator("#case-title")).ToContainTextAsync(new Regex("PV-2026-[0-9]{4}"));
        await Expect(page.Locator("#day0")).ToContainTextAsync("not yet");
        await session.AssertPageIsAccessibleAsync();

        // The patient becomes known (day 0), the case is serious: due in 15 days.
        var patientRow = page.Locator("tr[data-criterion=Patient]");
        await patientRow.GetByLabel("What is known").FillAsync("The reporter herself, woman, 34");
        await patientRow.GetByLabel("Known", new() { Exact = true }).SelectOptionAsync("true");
        await patientRow.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#day0")).Not.ToContainTextAsync("not yet");
        await page.GetByLabel("Hospitalisation (caused or prolonged)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save seriousness" }).ClickAsync();
        await Expect(page.Locator("#due")).ToContainTextAsync("expedited-15");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-e2b").ClickAsync());
        Assert.EndsWith("-e2b-r3.xml", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"{marker}.xml");
        await download.SaveAsAsync(file);
        var xml = await File.ReadAllTextAsync(file);
        File.Delete(file);

        Assert.Empty(E2bSchemas.Validate(xml));
        var doc = XDocument.Parse(xml);
        XNamespace h = "urn:hl7-org:v3";
        Assert.Contains(doc.Descendants(h + "kindOfProduct").Elements(h + "name"), n => n.Value.Contains("Zoloft", StringComparison.OrdinalIgnoreCase));
        var hospitalisation = doc.Descendants(h + "code").First(c => c.Attribute("displayName")?.Value == "requiresInpatientHospitalization").Parent!.Element(h + "value")!;
        Assert.Equal("true", hospitalisation.Attribute("value")!.Value);
        Assert.DoesNotContain("giulia_" + marker, xml, StringComparison.Ordinal);

        await session.AssertBrowserSawNoProblemsAsync();
    }

    [SkippableTheory]
    [InlineData("en", "Minimum criteria")]
    [InlineData("it", "Criteri minimi")]
    public async Task Pv_pages_have_main_lang_labelled_fields_and_their_stylesheet(string language, string criteriaHeading)
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await session.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = session.Server.BaseAddress.ToString() }]);
        await session.SignInAsync("pv@demo.salus.local", SalusServer.DemoPassword);
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();

        foreach (var path in (string[])["/pv", "/pv/alerts", "/pv/reconciliation"])
        {
            Assert.Equal(200, (await session.GotoAsync(path)).Status);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await session.AssertPageIsAccessibleAsync();
        }

        // A demo case (seeded with --demo), then its CIOMS I form.
        await session.GotoAsync("/pv");
        await page.Locator("#cases-title + table a").First.ClickAsync();
        await Expect(page.Locator("#criteria-title")).ToHaveTextAsync(criteriaHeading);
        await session.AssertPageIsAccessibleAsync();
        await page.Locator("a[href$='/cioms']").ClickAsync();
        await Expect(page.Locator("#cioms-title")).ToContainTextAsync("CIOMS");
        await session.AssertPageIsAccessibleAsync();
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
