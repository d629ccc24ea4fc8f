using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Salus.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PolicyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    // The right answers of the EU template's quizzes (English).
    private static readonly string[] RightAnswers = ["No, only the communications team runs corporate profiles", "In each post about the organisation or its areas"];

    [SkippableFact]
    public async Task Two_stakeholders_comment_and_sign_the_owner_publishes_and_an_employee_acknowledges()
    {
        string versionPath;
        await using (var owner = await fixture.NewSessionAsync(output))
        {
            await SignInInEnglishAsync(owner, "comms@demo.salus.local");
            await owner.GotoAsync("/policies");
            await owner.Page.Locator("#template").SelectOptionAsync("eu-healthcare");
            await owner.Page.Locator("#language").SelectOptionAsync("en");
            await owner.Page.Locator("#code").FillAsync("smp-eu-browser");
            await owner.Page.GetByLabel("Legal", new() { Exact = true }).CheckAsync();
            await owner.Page.GetByLabel("Medical affairs", new() { Exact = true }).CheckAsync();
            await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
            await Expect(owner.Page).ToHaveURLAsync(new Regex("/policies/versions/[0-9a-f-]{36}$"));
            versionPath = new Uri(owner.Page.Url).AbsolutePath;
            await Expect(owner.Page.Locator("#version-status")).ToHaveTextAsync("draft");
            await owner.AssertPageIsAccessibleAsync();
            await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
            await Expect(owner.Page.Locator("#version-status")).ToHaveTextAsync("in review");
            await owner.AssertBrowserSawNoProblemsAsync();
        }

        await StakeholderCommentsAndSignsAsync("legal@demo.salus.local", versionPath, "Directive 2001/83/EC", "Cite the national transposition too.", "Luca Legale");
        await StakeholderCommentsAndSignsAsync("medical@demo.salus.local", versionPath, "GVP Module VI", "Agreed with the 24 h deadline.", "Dr. Maria Medica");

        await using (var owner = await fixture.NewSessionAsync(output))
        {
            await SignInInEnglishAsync(owner, "comms@demo.salus.local");
            await owner.GotoAsync(versionPath);
            await Expect(owner.Page.Locator("#version-status")).ToHaveTextAsync("approved");
            await Expect(owner.Page.Locator("#signatures tbody tr")).ToHaveCountAsync(2);
            await owner.Page.Locator("#publish").ClickAsync();
            await Expect(owner.Page.Locator("#version-status")).ToHaveTextAsync("published");
            await owner.AssertBrowserSawNoProblemsAsync();
        }

        // The EU policy reaches the US employee (the demo has no US policy); they acknowledge every section.
        await using var employee = await fixture.NewSessionAsync(output);
        await employee.SignInAsync("employee.us@demo.salus.local", SalusServer.DemoPassword);
        await employee.GotoAsync("/policies/acknowledge");
        await employee.AssertPageIsAccessibleAsync();
        var forms = employee.Page.Locator("section[id^=ack-] form");
        for (var guard = 0; guard < 20 && await forms.CountAsync() > 0; guard++)
        {
            var form = forms.First;
            foreach (var answer in RightAnswers)
            {
                var option = form.GetByLabel(answer);
                if (await option.CountAsync() > 0)
                {
                    await option.CheckAsync();
                }
            }

            await form.GetByRole(AriaRole.Button, new() { Name = "I have read and understood this section" }).ClickAsync();
            await employee.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        await Expect(employee.Page.Locator("#ack-complete")).ToBeVisibleAsync();
        await employee.AssertBrowserSawNoProblemsAsync();
    }

    /// <summary>The Italian demo people would see Italian; choosing English on the sign-in page keeps English.</summary>
    private static async Task SignInInEnglishAsync(BrowserSession session, string email)
    {
        await session.GotoAsync("/account/login");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await session.SignInAsync(email, SalusServer.DemoPassword);
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private async Task StakeholderCommentsAndSignsAsync(string email, string versionPath, string passage, string comment, string name)
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await SignInInEnglishAsync(session, email);
        await session.GotoAsync(versionPath);
        var section = page.Locator(passage.StartsWith("GVP", StringComparison.Ordinal) ? "#s-adverse-events" : "#s-products");
        await section.Locator("input[name=quote]").FillAsync(passage);
        await section.Locator("textarea[name=body]").First.FillAsync(comment);
        await section.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Expect(page.Locator(".comment", new() { HasText = comment })).ToBeVisibleAsync();
        await Expect(page.Locator(".comment blockquote", new() { HasText = passage })).ToBeVisibleAsync();

        await page.Locator("#meaning").SelectOptionAsync("approved");
        await page.Locator("#sign-comment").FillAsync("Approved for " + name);
        await page.Locator("#sign-password").FillAsync(SalusServer.DemoPassword);
        await page.Locator("#sign").ClickAsync();
        await Expect(page.Locator("#signatures")).ToContainTextAsync(name);
        await Expect(page.Locator("#signatures tr", new() { HasText = name })).ToContainTextAsync("valid");
        await session.AssertBrowserSawNoProblemsAsync();
    }
}
